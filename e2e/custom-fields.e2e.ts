/** An admin adds a customer custom field; it shows up in the customer form and as a list column. */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, apiLogin, need, openContext, textIn } from './support/app.ts';

const ADD_FIELD =
  /^\s*(\+\s*)?(新建字段|新增字段|添加字段|新建自定义字段|新\s*建|Add field|New field|New custom field|Add)\s*$/i;
const SAVE = /^\s*(保\s*存|创\s*建|确\s*定|提\s*交|Save|Create|OK|Submit)\s*$/i;
const NEW_CUSTOMER = /^\s*(\+\s*)?(新建客户|新增客户|添加客户|新\s*建|New customer|Add customer|New)\s*$/i;

async function openCustomFieldsAdmin(page: Page) {
  await page.goto('/');
  const link = page.getByRole('link', { name: textIn('自定义字段', 'Custom fields') });
  if (
    !(await link
      .first()
      .isVisible()
      .catch(() => false))
  ) {
    // An "admin / settings" group in the sidebar may need opening first.
    const group = page.getByRole('menuitem', { name: /系统管理|管理|设置|Admin|Settings/i });
    if (
      await group
        .first()
        .isVisible()
        .catch(() => false)
    )
      await group.first().click();
  }
  await need(link, 'a "自定义字段 / Custom fields" admin page in the navigation');
  await link.first().click();
}

test('an admin adds a custom field; it appears in the customer form and the list', async () => {
  const admin = apiClient((await apiLogin('admin')).token);
  const label = `E2E合作年限${Date.now().toString(36).slice(-4)}`;
  const key = `e2eYears${Date.now().toString(36).slice(-4)}`;

  const { page } = await openContext('desk', { as: 'admin' });
  await openCustomFieldsAdmin(page);
  const add = page.getByRole('button', { name: ADD_FIELD });
  await need(add, 'an "添加字段 / Add field" button on the custom fields page');
  await add.first().click();
  const dialog = page.locator('form:visible').last();
  await need(
    dialog.getByLabel(textIn('显示名称', 'Label')).or(dialog.getByLabel(textIn('名称', 'Name'))),
    'the custom field form with a label field',
  );
  await dialog
    .getByLabel(textIn('显示名称', 'Label'))
    .or(dialog.getByLabel(textIn('名称', 'Name')))
    .first()
    .fill(label);
  const keyField = dialog.getByLabel(/字段键|字段标识|键名|Key/i);
  if (await keyField.count()) await keyField.first().fill(key);
  const created = page.waitForResponse(
    (r) => r.url().includes('/api/v1/custom-fields') && r.request().method() === 'POST',
  );
  await dialog
    .getByRole('button', { name: SAVE })
    .or(page.getByRole('dialog').getByRole('button', { name: SAVE }))
    .last()
    .click();
  expect((await created).status(), 'the custom field is created').toBe(201);
  const fields = await admin.get<{ data: Array<{ label: string; objectType: string }> }>('/custom-fields?limit=200');
  expect(fields.data).toContainEqual(expect.objectContaining({ label, objectType: 'customer' }));
  await need(page.getByText(label, { exact: true }), 'the new field listed on the custom fields page');

  // The customer form has it.
  await page.goto('/customers');
  const create = page.getByRole('button', { name: NEW_CUSTOMER }).or(page.getByRole('link', { name: NEW_CUSTOMER }));
  await need(create, 'a "新建客户 / New customer" button on the customer list');
  await create.first().click();
  await need(page.getByLabel(label), `the custom field "${label}" in the customer create form`);
  await page.keyboard.press('Escape');

  // And the list can show it as a column (through the column chooser when it is not on by default).
  await page.goto('/customers');
  const header = page.getByRole('columnheader', { name: label });
  if (
    !(await header
      .first()
      .isVisible()
      .catch(() => false))
  ) {
    const chooser = page.getByRole('button', { name: /列设置|显示列|选择列|Columns/i });
    await need(chooser, 'the column chooser on the desk customer list');
    await chooser.first().click();
    const option = page
      .getByRole('checkbox', { name: label })
      .or(page.getByRole('menuitemcheckbox', { name: label }))
      .or(page.getByLabel(label));
    await need(option, `the custom field "${label}" in the column chooser`);
    await option.first().click();
    await page.keyboard.press('Escape');
  }
  await need(header, `a "${label}" column in the desk customer list`);
});
