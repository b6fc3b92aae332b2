/**
 * Follow-up templates (issue 13): an admin creates one on the desk; on the phone (390×844) the
 * composer's template picker fills the text, the kind and the status and saves with the template;
 * with the network off (DevTools protocol) the picker still lists the rep's cached templates, and
 * a follow-up written from one waits in the outbox and is applied with its template when online.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { apiClient, apiLogin, createCustomer, need, openContext, uniqueName, type ApiClient } from './support/app.ts';
import { followupTemplatesLabel, label } from './support/labels.ts';
import { setOffline } from './support/network.ts';

interface FollowupRow {
  content: string;
  status: string;
  kind: string;
}

async function followupsOf(api: ApiClient, customerId: string) {
  const filter = encodeURIComponent(JSON.stringify({ customerId }));
  return (await api.get<{ data: FollowupRow[] }>(`/followups?filter=${filter}`)).data;
}

async function openComposer(page: Page) {
  await page.getByRole('button', { name: label('followup.write') }).click();
  const sheet = page.getByTestId('followup-quick-add');
  await need(sheet.getByRole('textbox'), 'the quick follow-up text area');
  return sheet;
}

test('an admin adds a template on the desk; the phone picker fills the composer, saves, and works offline', async () => {
  const title = uniqueName('E2E 续约').slice(0, 40);
  const body = `合同即将到期，已与客户确认续约意向（${title}）`;

  // the desk: 跟进模板 in the admin navigation, + 新建模板, title, text, status and kind
  const desk = await openContext('desk', { as: 'admin' });
  await desk.page.goto('/');
  const link = desk.page.getByRole('navigation').getByRole('link', { name: label('nav.followupTemplates') });
  await need(link, 'the "跟进模板 / Follow-up templates" admin page in the navigation');
  await link.click();
  await need(desk.page.getByText('首次拜访纪要', { exact: true }), 'the demo templates on the admin page');
  await expectAccessible(desk.page, 'the follow-up templates admin page');
  await desk.page.getByRole('button', { name: followupTemplatesLabel('new', { before: '+' }) }).click();
  const dialog = desk.page.getByRole('dialog');
  await need(dialog.getByLabel(followupTemplatesLabel('fields.title')), 'the template form');
  await dialog.getByLabel(followupTemplatesLabel('fields.title')).fill(title);
  await dialog.getByLabel(followupTemplatesLabel('fields.body')).fill(body);
  for (const [field, option] of [
    ['fields.status', label('enum.followupStatus.deep_talk')],
    ['fields.kind', label('enum.followupKind.visit')],
  ] as const) {
    await dialog.getByLabel(followupTemplatesLabel(field)).click();
    await desk.page.locator('.ant-select-item-option').filter({ hasText: option }).click();
  }
  await expectAccessible(desk.page, 'the new template dialog');
  const created = desk.page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/followup-templates') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: label('common.save') }).click();
  expect((await created).status(), 'the template is created').toBe(201);
  await need(desk.page.getByText(title, { exact: true }), 'the new template listed on the admin page');
  await desk.context.close();

  // the phone: the picker in the composer fills the text, kind and status, and the follow-up records the template
  const rep = await apiLogin('sales1');
  const api = apiClient(rep.token);
  const customer = await createCustomer(api, uniqueName('E2E 模板客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');
  let sheet = await openComposer(page);
  const picker = sheet.getByRole('group', { name: followupTemplatesLabel('picker.label') });
  const chip = picker.getByRole('button', { name: title });
  await need(chip, 'the new template in the composer’s template picker');
  await chip.click();
  await expect.poll(() => sheet.getByRole('textbox').inputValue()).toBe(body);
  await expect.poll(() => chip.getAttribute('aria-pressed')).toBe('true');
  await expectAccessible(page, 'the phone composer with a template applied');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/followups') && r.request().method() === 'POST');
  await sheet.getByRole('button', { name: label('common.save') }).click();
  const response = await saved;
  expect(response.status(), 'the follow-up POST succeeds').toBe(201);
  expect(response.request().postDataJSON()).toMatchObject({ templateId: expect.any(String), status: 'deep_talk' });
  expect(await followupsOf(api, customer.id)).toContainEqual(
    expect.objectContaining({ content: body, status: 'deep_talk', kind: 'visit' }),
  );
  const recent = await api.get<{ data: Array<{ title: string; uses: number }> }>('/followup-templates?recent=30');
  expect(recent.data[0]).toMatchObject({ title, uses: 1 });

  // offline: the picker lists the cached templates (kept per user), and a follow-up from one waits in the outbox
  await page.reload();
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail after a reload');
  sheet = await openComposer(page);
  await need(sheet.getByRole('group', { name: followupTemplatesLabel('picker.label') }), 'the picker, online');
  const cached = await page.evaluate((key) => localStorage.getItem(key), `cairn.followupTemplates.${rep.user.id}`);
  expect(JSON.parse(cached ?? '[]')[0], 'the recent templates are cached for this user').toMatchObject({ title });
  await setOffline(context, page, true);
  await page.keyboard.press('Escape');
  sheet = await openComposer(page);
  const offlinePicker = sheet.getByRole('group', { name: followupTemplatesLabel('picker.label') });
  await need(offlinePicker.getByRole('button', { name: title }), 'the cached template in the picker, offline');
  await offlinePicker.getByRole('button', { name: title }).click();
  await expect.poll(() => sheet.getByRole('textbox').inputValue()).toBe(body);
  await expectAccessible(page, 'the phone composer offline with the cached templates');
  await sheet.getByRole('textbox').fill(`${body}（离线）`);
  await sheet.getByRole('button', { name: label('common.save') }).click();
  const badge = page.getByTestId('outbox-badge');
  await need(badge, 'the pending-count badge');
  await expect.poll(() => badge.innerText()).toMatch(/^1\b/);

  await setOffline(context, page, false);
  await expect.poll(() => badge.count()).toBe(0);
  expect(await followupsOf(api, customer.id)).toContainEqual(
    expect.objectContaining({ content: `${body}（离线）`, status: 'deep_talk' }),
  );
  const after = await api.get<{ data: Array<{ title: string; uses: number }> }>('/followup-templates?recent=1');
  expect(after.data[0]).toMatchObject({ title, uses: 2 });

  // signing out leaves no template of this rep on the device
  await page.goto('/me');
  await page.getByRole('button', { name: label('user.logout') }).click();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cairn.followupTemplates.'))))
    .toEqual([]);
  await context.close();
});
