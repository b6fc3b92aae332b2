/**
 * A sales rep on the phone (390×844) adds a follow-up from a customer in at most 3 taps:
 * open the quick follow-up, pick a one-tap text (or type, counting the tap that focuses the field), save.
 */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, createCustomer, need, openContext, Taps, uniqueName } from './support/app.ts';

const WRITE = /写跟进|记跟进|添加跟进|新建跟进|write (a )?follow-?up|add (a )?follow-?up|log (a )?follow-?up/i;
const SAVE = /^\s*(保\s*存|提\s*交|完\s*成|Save|Submit|Done)\s*$/i;

test('add a follow-up from a customer on the phone in ≤ 3 taps', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 跟进客户'));

  const { page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');

  const taps = new Taps();
  const quickAdd = page.getByTestId('followup-quick-add').filter({ visible: true });
  // The test id may be on the button itself, or on the sheet that the "写跟进" button opens.
  if (!(await quickAdd.count())) {
    const write = page.getByRole('button', { name: WRITE }).filter({ visible: true });
    await need(write, 'a "写跟进 / Write follow-up" button on the phone customer detail');
    await taps.tap(write.first(), 'write follow-up');
  } else if (
    await quickAdd.first().evaluate((el) => el instanceof HTMLButtonElement || el.getAttribute('role') === 'button')
  ) {
    await taps.tap(quickAdd.first(), 'quick add');
  }
  const sheet = page.getByTestId('followup-quick-add').filter({ visible: true }).last();
  await need(sheet, 'the quick follow-up (data-testid="followup-quick-add") on the phone');

  const content = sheet.getByRole('textbox').first();
  const quickTexts = sheet.getByRole('group', { name: /快捷|常用|quick|common/i }).getByRole('button');
  if (await quickTexts.count()) {
    await taps.tap(quickTexts.first(), `quick text "${(await quickTexts.first().innerText()).trim()}"`);
  } else {
    // Typing is not a tap, but reaching the field is, unless the sheet put the cursor there.
    if (!(await content.evaluate((el) => el === document.activeElement)))
      await taps.tap(content, 'focus the content field');
    await content.fill(`E2E 电话沟通：客户确认下周三到厂参观 ${Date.now().toString(36)}`);
  }
  const text = (await content.inputValue()).trim();
  expect(text, 'the follow-up has content before saving').not.toBe('');

  const save = sheet.getByRole('button', { name: SAVE });
  await need(save, 'a save button in the quick follow-up');
  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/followups') && r.request().method() === 'POST');
  await taps.tap(save.last(), 'save');
  expect((await saved).status(), 'the follow-up POST succeeds').toBeLessThan(300);
  console.log(`[e2e] follow-up from a customer on the phone in ${taps.count} taps: ${taps.log.join(' → ')}`);
  expect(taps.count, `taps: ${taps.log.join(' → ')}`).toBeLessThanOrEqual(3);

  const filter = encodeURIComponent(JSON.stringify({ customerId: customer.id }));
  const followups = await api.get<{ data: Array<{ content: string; authorId: string | null }> }>(
    `/followups?filter=${filter}`,
  );
  expect(followups.data).toContainEqual(expect.objectContaining({ content: text }));
  // The lite header's "last follow-up" is no longer empty.
  await expect
    .poll(async () =>
      (
        await page
          .getByTestId('lite-field-lastFollowupAt')
          .innerText()
          .catch(() => '')
      ).replace(/\s+/g, ' '),
    )
    .not.toMatch(/—\s*$/);
});
