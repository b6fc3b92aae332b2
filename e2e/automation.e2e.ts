/**
 * 自动化 on the desk: create a rule in the editor, see the server's save-time check placed at the
 * condition field it names, fix it, produce a run by creating a customer through the API and read
 * it in the rule's run history (condition results, the follow-up action's input and output);
 * the rule list shows its last run and pauses it. Every page passes axe-core's WCAG 2 AA rules.
 */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, createCustomer, need, openContext, pathOf, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { automationLabel, label } from './support/labels.ts';

test('only a user with manageIntegrations sees the 自动化 entry', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers');
  await need(page.getByRole('navigation', { name: label('nav.main') }), 'the main navigation');
  expect(await page.getByRole('link', { name: label('nav.automation') }).count()).toBe(0);
});

test('create a rule, see a problem at its field, produce a run and read it in the run history', async () => {
  const api = apiClient((await apiLogin('admin')).token);
  const ruleName = uniqueName('E2E 自动跟进');
  const customerName = uniqueName('E2E 自动化客户');

  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/customers');
  await page.getByRole('link', { name: label('nav.automation') }).click();
  await need(page.getByRole('heading', { level: 1, name: automationLabel('tabs.rules') }), 'the rule list');
  await expectAccessible(page, 'the rule list');

  await page.getByRole('button', { name: automationLabel('rules.new', { before: '+' }) }).click();
  await need(page.getByTestId('rule-editor'), 'the rule editor');
  await page.getByLabel(automationLabel('editor.name')).fill(ruleName);
  // trigger: the default, a customer created; one condition on a field customers do not have
  await page.getByRole('button', { name: automationLabel('editor.addConditions', { before: '+' }) }).click();
  const field = page.getByRole('textbox', { name: automationLabel('cond.field', { values: { place: '1.1' } }) });
  await field.fill('noSuchField');
  const value = page.getByRole('textbox', { name: automationLabel('cond.value', { values: { place: '1.1' } }) });
  await value.fill(customerName);
  await page.getByLabel(automationLabel('action.template')).fill('自动化记录：{{name}}');
  await expectAccessible(page, 'the rule editor');

  const refused = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/automation-rules' && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: automationLabel('editor.create') }).click();
  expect((await refused).status()).toBe(400);
  // the problem is shown at the field the server names, and the field is marked invalid
  const problem = page.locator('[data-testid="field-problem"][data-path="conditions.all.0.field"]');
  await need(problem, 'the problem under the condition field');
  expect(await problem.textContent()).toContain('noSuchField');
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  await need(page.getByTestId('rule-problems'), 'the summary of the problems');
  await expectAccessible(page, 'the rule editor with a problem');

  await field.fill('name');
  const created = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/v1/automation-rules' && r.request().method() === 'POST',
  );
  // submitted from the keyboard this time: Enter in the corrected field submits the form
  await field.press('Enter');
  expect((await created).status()).toBe(201);
  await expect.poll(() => pathOf(page)).toMatch(/^\/automation\/rules\/[0-9a-f-]{36}$/);
  expect(await page.locator('[data-testid="field-problem"]').count()).toBe(0);

  // a customer created through the API runs the rule (outbox → automation.run queue)
  await createCustomer(api, customerName);
  await page.getByRole('link', { name: automationLabel('editor.history') }).click();
  await need(
    page.getByRole('heading', { level: 1, name: automationLabel('rules.historyOf', { values: { name: ruleName } }) }),
    'the run history',
  );
  const run = page.locator('[data-testid="run"][data-status="succeeded"]');
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: automationLabel('common.refresh') }).click();
        await page.waitForTimeout(300);
        return run.count();
      },
      { timeout: 20_000, message: 'a succeeded run of the new rule' },
    )
    .toBe(1);
  expect(await run.locator('[data-testid="condition-step"][data-result="true"]').count()).toBeGreaterThan(0);
  const action = run.locator('[data-testid="action-step"][data-type="createFollowup"]');
  await need(action, 'the follow-up action of the run');
  expect(await run.textContent()).toContain(customerName);
  await need(page.getByTestId('dry-run'), 'the dry-run panel');
  await expectAccessible(page, 'the run history');

  // the rule list: its last run, and it can be disabled
  await page.getByRole('link', { name: automationLabel('tabs.rules') }).click();
  const row = page.getByTestId('rule-row').filter({ hasText: ruleName });
  await need(row.locator('[data-testid="run-status"][data-status="succeeded"]'), 'the last run in the rule list');
  await row.getByRole('button', { name: automationLabel('rules.disable') }).click();
  await need(row.locator('[data-testid="rule-state"][data-state="off"]'), 'the disabled rule');
  await expectAccessible(page, 'the rule list with the new rule');
}, 120_000); // waits for the queue to run the rule

test('the automation pages in en-US', async () => {
  const { page } = await openContext('desk', { as: 'admin', language: 'en-US' });
  await page.goto('/automation');
  await expect.poll(() => pathOf(page)).toBe('/automation/rules');
  await need(page.getByRole('heading', { level: 1, name: 'Rules' }), 'the English rule list');
  await need(page.getByRole('link', { name: 'Automation' }), 'the English sidebar entry');
  await page.getByRole('button', { name: '+ New rule' }).click();
  await need(page.getByRole('heading', { level: 1, name: 'New rule' }), 'the English rule editor');
  await need(page.getByLabel('Rule name'), 'the English name field');
  await expectAccessible(page, 'the English rule editor');
});

test('the trigger select offers the inbound triggers; the intake trigger takes a channel key', async () => {
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/automation/rules');
  await page.getByRole('button', { name: automationLabel('rules.new', { before: '+' }) }).click();
  await need(page.getByTestId('rule-editor'), 'the rule editor');
  const select = page.getByRole('combobox', { name: automationLabel('editor.triggerType') });
  await select.focus();
  await page.keyboard.press('Enter');
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  for (const key of ['imFileSent', 'transcriptReady', 'intakeApplied'] as const)
    await need(options.filter({ hasText: automationLabel(`triggerType.${key}`) }), `the ${key} option`);
  await options.filter({ hasText: automationLabel('triggerType.intakeApplied') }).click();
  await need(page.getByLabel(automationLabel('editor.channel')), 'the channel key field');
  await expectAccessible(page, 'the rule editor with an intake trigger');
});
