/** An admin adds a customer custom field; it shows up in the customer form and as a list column. */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, need, openContext } from './support/app.ts';
import { label } from './support/labels.ts';

test('an admin adds a custom field; it appears in the customer form and the list', async () => {
  const admin = apiClient((await apiLogin('admin')).token);
  const fieldLabel = `E2E合作年限${Date.now().toString(36).slice(-4)}`;
  const key = `e2eYears${Date.now().toString(36).slice(-4)}`;

  const { page } = await openContext('desk', { as: 'admin' });
  await page.goto('/');
  const link = page.getByRole('navigation').getByRole('link', { name: label('nav.customFields') });
  await need(link, 'the "自定义字段 / Custom fields" admin page in the navigation');
  await link.click();
  const add = page.getByRole('button', { name: label('admin.customFields.new', { before: '+' }) });
  await need(add, 'the "+ 新建字段 / + New field" button on the custom fields page');
  await add.click();
  const dialog = page.getByRole('dialog');
  await need(dialog.getByLabel(label('admin.customFields.label')), 'the custom field form');
  await dialog.getByLabel(label('admin.customFields.label')).fill(fieldLabel);
  await dialog.getByLabel(label('admin.customFields.key')).fill(key);
  const created = page.waitForResponse(
    (r) => r.url().includes('/api/v1/custom-fields') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: label('common.save') }).click();
  expect((await created).status(), 'the custom field is created').toBe(201);
  const fields = await admin.get<{ data: Array<{ label: string; objectType: string }> }>('/custom-fields?limit=200');
  expect(fields.data).toContainEqual(expect.objectContaining({ label: fieldLabel, objectType: 'customer' }));
  await need(page.getByText(fieldLabel, { exact: true }), 'the new field listed on the custom fields page');

  // The customer form has it.
  await page.goto('/customers');
  const create = page.getByRole('link', { name: label('list.new', { before: '+' }) });
  await need(create, 'the "+ 新建客户 / + New customer" link on the customer list');
  await create.click();
  await need(page.getByLabel(fieldLabel), `the custom field "${fieldLabel}" in the customer create form`);

  // And the list can show it as a column, through the column chooser (custom fields are off by default).
  await page.goto('/customers');
  const chooser = page.getByRole('button', { name: label('list.columns') });
  await need(chooser, 'the column chooser on the desk customer list');
  await chooser.click();
  await page.getByRole('checkbox', { name: fieldLabel }).click();
  await page.keyboard.press('Escape');
  await need(
    page.getByRole('columnheader', { name: fieldLabel }),
    `a "${fieldLabel}" column in the desk customer list`,
  );
});
