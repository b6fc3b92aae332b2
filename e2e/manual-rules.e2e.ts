/**
 * Manual automation rules as buttons on the desk: a sales rep (no automation admin) runs the
 * demo's 标记为重点客户 on a customer from its page, and on two customers chosen in the list;
 * the page says what happened and the customers are level A. Every state passes axe-core.
 */
import { expect, test } from 'vitest';
import { KEY_ACCOUNT_RULE_NAME } from '../server/seed/demo-automation.ts';
import { apiClient, apiLogin, createCustomer, need, openContext, uniqueName, type CustomerRow } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { automationLabel } from './support/labels.ts';

const levelOf = async (api: ReturnType<typeof apiClient>, id: string) =>
  (await api.get<{ data: CustomerRow }>(`/customers/${id}`)).data.level;

test('a sales rep runs a manual rule from a customer page and on a list selection', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const prefix = uniqueName('E2E 手动规则');
  const [one, two, three] = await Promise.all(
    ['甲', '乙', '丙'].map((suffix) => createCustomer(api, `${prefix} ${suffix}`)),
  );
  const { page } = await openContext('desk', { as: 'sales1' });

  // on the record: 自动化 ▾ → the rule; the outcome is announced, the customer is now level A
  await page.goto(`/customers/${one!.id}`);
  const menu = page.getByRole('button', { name: automationLabel('buttons.run') });
  await need(menu, 'the 自动化 menu on the customer page');
  await menu.click();
  await page.getByRole('menuitem', { name: KEY_ACCOUNT_RULE_NAME }).click();
  const outcome = page.getByTestId('manual-rules').getByRole('status');
  await expect
    .poll(() => outcome.textContent(), { timeout: 15_000 })
    .toMatch(automationLabel('buttons.done', { values: { name: KEY_ACCOUNT_RULE_NAME, summary: '1 条成功' } }));
  expect(await levelOf(api, one!.id)).toBe('A');
  await expectAccessible(page, 'the customer page after a manual run');

  // on a list selection: choose two rows, the bar counts them, run the rule on both
  await page.goto(`/customers?q=${encodeURIComponent(prefix)}`);
  for (const c of [two!, three!]) {
    const box = page.getByRole('checkbox', {
      name: automationLabel('buttons.selectRow', { values: { name: c.name } }),
    });
    await need(box, `the row checkbox of ${c.name}`);
    await box.check();
  }
  const bar = page.getByTestId('bulk-bar');
  await need(
    bar.getByText(automationLabel('buttons.bulkSelected', { values: { count: 2 } })),
    'the bar with two chosen',
  );
  await expectAccessible(page, 'the list with a selection');
  await bar.getByRole('button', { name: automationLabel('buttons.run') }).click();
  await page.getByRole('menuitem', { name: KEY_ACCOUNT_RULE_NAME }).click();
  await expect
    .poll(() => bar.getByRole('status').textContent(), { timeout: 15_000 })
    .toMatch(automationLabel('buttons.done', { values: { name: KEY_ACCOUNT_RULE_NAME, summary: '2 条成功' } }));
  expect([await levelOf(api, two!.id), await levelOf(api, three!.id)]).toEqual(['A', 'A']);
  await bar.getByRole('button', { name: automationLabel('buttons.clearSelection') }).click();
  expect(await page.getByTestId('bulk-bar').count()).toBe(0);

  // in en-US: the same menu, in English
  const english = await openContext('desk', { as: 'sales1', language: 'en-US' });
  await english.page.goto(`/customers/${one!.id}`);
  await english.page.getByRole('button', { name: 'Automation' }).click();
  await need(english.page.getByRole('menuitem', { name: KEY_ACCOUNT_RULE_NAME }), 'the English menu');
  await expectAccessible(english.page, 'the English customer page with the automation menu open');
}, 90_000);
