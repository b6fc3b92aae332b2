/**
 * A sales rep on the phone (390×844) adds a follow-up from a customer in at most 3 taps:
 * open the quick follow-up, pick a one-tap text, save.
 */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, createCustomer, need, openContext, Taps, uniqueName } from './support/app.ts';
import { label } from './support/labels.ts';

test('add a follow-up from a customer on the phone in ≤ 3 taps', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 跟进客户'));

  const { page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');

  const taps = new Taps();
  const write = page.getByRole('button', { name: label('followup.write') });
  await need(write, 'the "写跟进 / Write follow-up" button on the phone customer detail');
  await taps.tap(write, 'write follow-up');
  const sheet = page.getByTestId('followup-quick-add');
  await need(sheet, 'the quick follow-up sheet (data-testid="followup-quick-add")');

  const content = sheet.getByRole('textbox').first();
  const quickText = sheet
    .getByRole('group', { name: label('followup.quickTexts') })
    .getByRole('button')
    .first();
  await need(quickText, 'the one-tap texts of the quick follow-up');
  await taps.tap(quickText, `quick text "${(await quickText.innerText()).trim()}"`);
  const text = (await content.inputValue()).trim();
  expect(text, 'the follow-up has content before saving').not.toBe('');

  const save = sheet.getByRole('button', { name: label('common.save') });
  await need(save, 'the save button of the quick follow-up');
  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/followups') && r.request().method() === 'POST');
  await taps.tap(save, 'save');
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
