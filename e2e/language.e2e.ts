/** Switching the UI to English and back to 简体中文; the choice survives a reload. */
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { need, openContext, textIn } from './support/app.ts';

/** Finds the language switch (in the page or behind the user menu) and picks a language. */
async function chooseLanguage(page: Page, label: 'English' | '简体中文') {
  if (!(await page.getByTestId('language-switch').filter({ visible: true }).count())) {
    const menu = page.getByRole('button', { name: textIn('用户菜单', 'User menu') });
    if (await menu.count()) await menu.first().click();
  }
  const control = page.getByTestId('language-switch').filter({ visible: true }).first();
  await need(control, 'the language switch (data-testid="language-switch") in the page or the user menu');
  // A native <select>, or a group / menu whose options are buttons, menu items or radios.
  if (await control.evaluate((el) => el instanceof HTMLSelectElement)) {
    await control.selectOption({ label });
    return;
  }
  const option = (root: Locator) =>
    root
      .getByRole('button', { name: label })
      .or(root.getByRole('menuitem', { name: label }))
      .or(root.getByRole('option', { name: label }))
      .or(root.getByRole('radio', { name: label }));
  if (!(await option(control).count())) {
    await control.click();
    await need(option(page.locator('body')), `the "${label}" choice of the language switch`);
    await option(page.locator('body')).filter({ visible: true }).first().click();
  } else {
    await option(control).first().click();
  }
}

test('switch to English and back to 简体中文', async () => {
  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto('/customers');
  const nav = page.getByRole('navigation');
  await need(nav.getByText('客户', { exact: true }), 'the zh-CN navigation ("客户")');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

  await chooseLanguage(page, 'English');
  await need(nav.getByText('Customers', { exact: true }), 'the navigation in English ("Customers") after switching');
  expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('cairn.lang')])).toEqual([
    'en-US',
    'en-US',
  ]);
  await page.keyboard.press('Escape');

  await page.reload();
  await need(nav.getByText('Customers', { exact: true }), 'English kept after a reload');

  await chooseLanguage(page, '简体中文');
  await need(nav.getByText('客户', { exact: true }), 'the navigation back in zh-CN ("客户")');
  expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('cairn.lang')])).toEqual([
    'zh-CN',
    'zh-CN',
  ]);
});
