/**
 * 自动化 → 智能按钮 on the desk: an admin opens the page from the navigation, edits a button's text
 * and next-step offset, sees the next step a sample tap would get on the working calendar, saves,
 * and finds the change after a reload; a refused value shows the server's problem at its field.
 * A sales rep gets no link. Every page state passes axe-core's WCAG 2 AA rules. The company's
 * buttons are put back afterwards (the phone's smart-button test taps 刚聊完).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiClient, apiLogin, need, openContext, type ApiClient } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label, smartButtonAdminLabel } from './support/labels.ts';

interface Settings {
  buttons: Array<{ key: string; label: string; nextStepOffset: { workingDays: number; at: string } }>;
  holidays: string[];
  extraWorkdays: string[];
  escalationGraceHours: number;
}

let api: ApiClient;
let original: Settings;

beforeAll(async () => {
  api = apiClient((await apiLogin('admin')).token);
  original = (await api.get<{ data: Settings }>('/smart-buttons')).data;
});

afterAll(async () => {
  const { buttons, holidays, extraWorkdays, escalationGraceHours } = original;
  const restored = await api.request('PUT', '/smart-buttons', {
    buttons,
    holidays,
    extraWorkdays,
    escalationGraceHours,
  });
  expect(restored.status, 'the demo buttons are put back').toBe(200);
});

const isSave = (r: { url(): string; request(): { method(): string } }) =>
  new URL(r.url()).pathname === '/api/v1/smart-buttons' && r.request().method() === 'PUT';

test('a sales rep has no link to the smart-button admin page', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers');
  await need(page.getByRole('navigation', { name: label('nav.main') }), 'the main navigation');
  expect(await page.getByRole('link', { name: label('nav.smartButtons') }).count()).toBe(0);
});

test('an admin edits a label and an offset, previews the next step, saves, and a reload shows it', async () => {
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/customers');
  await page.getByRole('link', { name: label('nav.smartButtons') }).click();
  await need(page.getByRole('heading', { level: 1, name: smartButtonAdminLabel('title') }), 'the smart-button page');
  // the page is under 自动化's path, but only its own link is the current page
  const current = page.getByRole('navigation', { name: label('nav.main') }).locator('[aria-current="page"]');
  expect(await current.count()).toBe(1);
  expect(await current.textContent()).toMatch(label('nav.smartButtons'));
  const first = page.getByTestId('smart-button-editor').first();
  const labelInput = first.getByLabel(smartButtonAdminLabel('buttons.label'));
  await need(labelInput, "the first button's text");
  expect(await labelInput.inputValue()).toBe(original.buttons[0]!.label);
  await expectAccessible(page, 'the smart-button admin page');

  const newLabel = `聊完${Date.now() % 10_000}`;
  await labelInput.fill(newLabel);
  await first.getByLabel(smartButtonAdminLabel('buttons.workingDays')).fill('3');
  await first.getByLabel(smartButtonAdminLabel('buttons.at')).fill('09:30');
  // a tap on Friday 2026-11-27 15:30 (Shanghai): 3 working days later is Wednesday 2 December, 09:30
  await page.getByLabel(smartButtonAdminLabel('preview.sample')).fill('2026-11-27T15:30');
  const preview = first.getByTestId('next-step-preview');
  await expect.poll(() => preview.textContent()).toMatch(/(12月2日|Dec 2).*09:30/);

  const saved = page.waitForResponse(isSave);
  await page.getByRole('button', { name: smartButtonAdminLabel('save') }).click();
  expect((await saved).status()).toBe(200);
  const after = (await api.get<{ data: Settings }>('/smart-buttons')).data;
  expect(after.buttons[0]).toMatchObject({ label: newLabel, nextStepOffset: { workingDays: 3, at: '09:30' } });
  expect(after.buttons.slice(1)).toEqual(original.buttons.slice(1));

  await page.reload();
  const reloaded = page.getByTestId('smart-button-editor').first();
  await need(reloaded.getByLabel(smartButtonAdminLabel('buttons.label')), 'the button editor after a reload');
  expect(await reloaded.getByLabel(smartButtonAdminLabel('buttons.label')).inputValue()).toBe(newLabel);
  expect(await reloaded.getByLabel(smartButtonAdminLabel('buttons.workingDays')).inputValue()).toBe('3');
  expect(await reloaded.getByLabel(smartButtonAdminLabel('buttons.at')).inputValue()).toBe('09:30');
});

test('a refused value shows the server problem at its field, and nothing is saved', async () => {
  const before = (await api.get<{ data: Settings }>('/smart-buttons')).data;
  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/automation/smart-buttons');
  const second = page.getByTestId('smart-button-editor').nth(1);
  const at = second.getByLabel(smartButtonAdminLabel('buttons.at'));
  await need(at, "the second button's next-step time");
  await at.fill('25:00');
  await second.getByLabel(smartButtonAdminLabel('buttons.label')).fill('   ');
  expect(await second.getByTestId('next-step-preview').textContent()).toMatch(
    smartButtonAdminLabel('buttons.previewUnavailable', { within: true }),
  );

  const refused = page.waitForResponse(isSave);
  await page.getByRole('button', { name: smartButtonAdminLabel('save') }).click();
  expect((await refused).status()).toBe(400);
  const atProblem = page.locator('[data-testid="field-problem"][data-path="buttons.1.nextStepOffset.at"]');
  await need(atProblem, 'the problem under the next-step time');
  expect(await atProblem.textContent()).toMatch(/HH:MM/);
  expect(await at.getAttribute('aria-invalid')).toBe('true');
  await need(page.locator('[data-testid="field-problem"][data-path="buttons.1.label"]'), 'the problem under the text');
  await need(page.getByTestId('settings-problems'), 'the summary of the problems');
  await expectAccessible(page, 'the smart-button admin page with problems');
  expect((await api.get<{ data: Settings }>('/smart-buttons')).data).toEqual(before);
});
