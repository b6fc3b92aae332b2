/** Switching the UI to English and back to 简体中文; the choice survives a reload. */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { need, openContext } from './support/app.ts';
import { label, messageText } from './support/labels.ts';

/** Opens the user menu in the desk header and picks a language in its switch (a native select). */
async function chooseLanguage(page: Page, language: 'en-US' | 'zh-CN') {
  await page.getByRole('button', { name: label('user.menu', { within: true }) }).click();
  const control = page.getByTestId('language-switch');
  await need(control, 'the language switch (data-testid="language-switch") in the user menu');
  await control.selectOption(language);
}

test('switch to English and back to 简体中文', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers');
  const nav = page.getByRole('navigation');
  const customers = messageText('nav.customers');
  await need(nav.getByText(customers.zh, { exact: true }), 'the zh-CN navigation ("客户")');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

  await chooseLanguage(page, 'en-US');
  await need(nav.getByText(customers.en, { exact: true }), 'the navigation in English ("Customers") after switching');
  expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('cairn.lang')])).toEqual([
    'en-US',
    'en-US',
  ]);
  await page.keyboard.press('Escape');

  await page.reload();
  await need(nav.getByText(customers.en, { exact: true }), 'English kept after a reload');

  await chooseLanguage(page, 'zh-CN');
  await need(nav.getByText(customers.zh, { exact: true }), 'the navigation back in zh-CN ("客户")');
  expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('cairn.lang')])).toEqual([
    'zh-CN',
    'zh-CN',
  ]);
});
