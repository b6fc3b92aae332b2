/**
 * 集成中心 on the desk: create a web-form channel in the editor (mapping type-checked as it is
 * edited), dry-run it and see each field's before and after, retry a dead letter; every page of
 * the integration center passes axe-core's WCAG 2 AA rules. Only manageIntegrations sees the entry.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, apiLogin, createCustomer, need, openContext, pathOf, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { integrationsLabel, label } from './support/labels.ts';

async function pickOption(page: Page, name: RegExp | string, search: string) {
  const box = page.getByRole('combobox', { name });
  await need(box, `the select "${String(name)}"`);
  // typing into a focused searchable select opens it (its selected value covers the input for clicks)
  await box.focus();
  await page.keyboard.type(search);
  // the open dropdown only: a closed one keeps its options in the DOM
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: search })
    .first();
  await need(option, `the option "${search}"`);
  await option.click();
}

/** "第 1 行的来源路径" / "Source path of row 1" (integrations mapping.rowLabel). */
const rowLabel = (n: number, zh: string, en: string) => new RegExp(`^(第 ${n} 行的${zh}|${en} of row ${n})$`);

test('only a user with manageIntegrations sees the 集成中心 entry', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers');
  await need(page.getByRole('navigation', { name: label('nav.main') }), 'the main navigation');
  expect(await page.getByRole('link', { name: label('nav.integrations') }).count()).toBe(0);
});

test('create a web-form channel, dry-run it with before and after, retry a dead letter', async () => {
  const session = await apiLogin('admin');
  const api = apiClient(session.token);
  const customerName = uniqueName('E2E 集成客户');
  await createCustomer(api, customerName, { mainPhone: '13700001111' });
  const key = `e2e-form-${Date.now().toString(36)}`;

  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/customers');
  await page.getByRole('link', { name: label('nav.integrations') }).click();
  await need(page.getByRole('heading', { level: 1, name: integrationsLabel('tabs.channels') }), 'the channel list');
  await need(page.getByTestId('channel-row').filter({ hasText: 'web-form' }), 'the demo web-form channel row');
  await expectAccessible(page, 'the channel list');

  // The editor: source and trigger, service identity, mapping with inline type-check problems.
  await page.getByRole('button', { name: integrationsLabel('channels.new', { before: '+' }) }).click();
  await need(page.getByTestId('channel-editor'), 'the channel editor');
  await page.getByLabel(integrationsLabel('editor.name')).fill('E2E 官网表单');
  await page.getByLabel(integrationsLabel('editor.key')).fill(key);
  await pickOption(page, integrationsLabel('editor.serviceUser'), 'svc-web-form');
  await page.getByRole('button', { name: integrationsLabel('mapping.add', { before: '+' }) }).click();
  // an empty rule is refused by the same check the server runs at save time, shown on the row at once
  await need(page.getByTestId('mapping-problem'), 'the inline type-check problem of the new mapping row');
  await expect
    .poll(() => page.getByRole('button', { name: integrationsLabel('editor.create') }).isDisabled())
    .toBe(true);
  await page.getByRole('textbox', { name: rowLabel(1, '来源路径', 'Source path') }).fill('company');
  await pickOption(page, rowLabel(1, '目标字段', 'Target field'), '客户名称');
  await page.getByRole('button', { name: integrationsLabel('mapping.add', { before: '+' }) }).click();
  await page.getByRole('textbox', { name: rowLabel(2, '来源路径', 'Source path') }).fill('phone');
  await pickOption(page, rowLabel(2, '目标字段', 'Target field'), '主要电话');
  await expect.poll(() => page.getByTestId('mapping-problem').count(), { message: 'the mapping type-checks' }).toBe(0);
  await need(
    page.getByTestId('mapping-check').getByText(integrationsLabel('mapping.ok')),
    'the "type check passed" note',
  );
  // the last select's menu has closed (blur it; antd's own menus are not what this page adds)
  await page.getByRole('heading', { name: integrationsLabel('mapping.label') }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await expectAccessible(page, 'the channel editor');

  const created = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/channels' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: integrationsLabel('editor.create') }).click();
  expect((await created).status()).toBe(201);
  await need(page.getByTestId('channel-secret'), 'the channel secret, shown once');
  expect(pathOf(page)).toMatch(/^\/integrations\/channels\/[0-9a-f-]{36}$/);
  await need(page.getByTestId('channel-health'), 'the channel health view');
  await expectAccessible(page, 'the channel health view');

  // Dry run on a pasted sample: the customer matched by name, its phone before and after.
  await page.getByRole('tab', { name: integrationsLabel('channel.dryRun') }).click();
  await page
    .getByLabel(integrationsLabel('dryRun.sample'))
    .fill(JSON.stringify({ company: customerName, phone: '13700002222' }));
  await page.getByRole('button', { name: integrationsLabel('dryRun.run') }).click();
  const record = page.getByTestId('dry-run-record');
  await need(record, 'a dry-run result');
  expect(await record.first().getAttribute('data-status')).toBe('updated');
  const phone = record.first().locator('[data-field="mainPhone"]');
  await need(phone, 'the phone row of the dry run');
  expect(await phone.locator('del').textContent()).toContain('13700001111');
  expect(await phone.locator('ins').textContent()).toContain('13700002222');
  await expectAccessible(page, 'the dry-run tab');
  expect(
    (
      await api.get<{ data: Array<{ name: string; mainPhone: string }> }>(
        `/customers?filter=${encodeURIComponent(JSON.stringify({ name: customerName }))}`,
      )
    ).data[0]!.mainPhone,
    'a dry run writes nothing',
  ).toContain('13700001111');

  // Dead letters: the demo's permission failure goes through once retried.
  await page.getByRole('link', { name: integrationsLabel('tabs.deadLetters') }).click();
  const letter = page.getByTestId('dead-letter').filter({ hasText: '宁波海曙医疗器械有限公司' });
  await need(letter, 'the demo dead letter of 宁波海曙医疗器械有限公司');
  // inbound and outbound dead letters share the list; each row says which it is
  expect(await letter.textContent()).toMatch(integrationsLabel('deadLetters.inbound', { within: true }));
  await expectAccessible(page, 'the dead letters');
  const retried = page.waitForResponse((r) => /\/dead-letters\/[^/]+\/retry$/.test(new URL(r.url()).pathname));
  await letter.getByTestId('dead-letter-retry').click();
  const response = await retried;
  expect(response.status()).toBe(202);
  const intake = ((await response.json()) as { data: { id: string; status: string } }).data;
  expect(intake.status).toBe('queued');
  await expect
    .poll(async () => (await api.get<{ data: { status: string } }>(`/intake/${intake.id}`)).data.status, {
      message: 'the retried record is applied now that the service identity holds its grants',
    })
    .toMatch(/^(created|updated)$/);
  await expect.poll(() => letter.count(), { message: 'the retried dead letter leaves the list' }).toBe(0);

  // The other pages of the integration center.
  for (const [tab, what] of [
    ['tabs.review', 'the review queue'],
    ['tabs.deliveries', 'the outbound delivery log'],
    ['tabs.consistency', 'the consistency findings'],
  ] as const) {
    await page.getByRole('link', { name: integrationsLabel(tab) }).click();
    await need(page.getByRole('heading', { level: 1, name: integrationsLabel(tab) }), what);
    await expect.poll(() => page.locator('.ant-spin-spinning').count(), { message: `${what} loaded` }).toBe(0);
    // a toast fading out (the retry's) is no part of the page
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await expectAccessible(page, what);
  }
}, 180_000);

test('create a pull channel with an authentication header whose value is never shown again', async () => {
  const key = `e2e-pull-${Date.now().toString(36)}`;
  const secret = `Bearer e2e-${Date.now().toString(36)}`;
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/integrations/channels/new');
  await need(page.getByTestId('channel-editor'), 'the channel editor');
  await page.getByLabel(integrationsLabel('editor.name')).fill('E2E 定时拉取');
  await page.getByLabel(integrationsLabel('editor.key')).fill(key);
  // the select's value covers its input: open it from the keyboard
  await page.getByRole('combobox', { name: integrationsLabel('editor.kind') }).focus();
  await page.keyboard.press('ArrowDown');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: '定时拉取' })
    .click();
  await need(page.getByTestId('pull-settings'), 'the pull settings');
  await page.getByLabel(integrationsLabel('pull.url')).fill('https://erp.example.com/api/leads');
  await page.getByLabel(integrationsLabel('pull.cron')).fill('0 * * * *');
  await page.getByRole('button', { name: integrationsLabel('pull.addHeader') }).click();
  await page.getByLabel(/^(第 1 个请求头的名称|Header 1 name)$/).fill('Authorization');
  await page.getByLabel(/^(第 1 个请求头的值|Header 1 value)$/).fill(secret);
  await pickOption(page, integrationsLabel('editor.serviceUser'), 'svc-web-form');
  await page.getByRole('button', { name: integrationsLabel('mapping.add', { before: '+' }) }).click();
  await page.getByRole('textbox', { name: rowLabel(1, '来源路径', 'Source path') }).fill('company');
  await pickOption(page, rowLabel(1, '目标字段', 'Target field'), '客户名称');
  await page.getByRole('heading', { name: integrationsLabel('pull.title') }).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await expectAccessible(page, 'the pull channel editor');

  const created = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/channels' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: integrationsLabel('editor.create') }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const channel = ((await response.json()) as { data: { id: string; authHeaders: string[]; config: object } }).data;
  expect(channel.authHeaders).toEqual(['Authorization']);
  expect(channel.config).toMatchObject({ url: 'https://erp.example.com/api/leads', cron: '0 * * * *' });
  expect(JSON.stringify(channel)).not.toContain(secret);

  // its settings show the stored header by name only, with a way to remove it
  await page.goto(`/integrations/channels/${channel.id}?tab=settings`);
  await need(page.getByTestId('pull-settings'), 'the pull settings of the saved channel');
  await need(page.getByText(/^(删除 Authorization|Remove Authorization)$/), 'the stored header');
  expect(await page.content()).not.toContain(secret);
  await expectAccessible(page, 'the pull channel settings');
}, 120_000);
