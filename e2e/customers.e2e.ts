/** Creating a customer on the desk, and the duplicate-customer 409 path ("open the existing customer"). */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, apiLogin, need, openContext, pathOf, uniqueName } from './support/app.ts';
import { label } from './support/labels.ts';

async function openCreateForm(page: Page) {
  await page.goto('/customers');
  const button = page.getByRole('link', { name: label('list.new', { before: '+' }) });
  await need(button, 'the "+ 新建客户 / + New customer" link on the customer list');
  await button.click();
  const name = page.getByRole('textbox', { name: label('customer.fields.name', { before: '*' }) });
  await need(name, 'the customer create form with a "客户名称 / Customer name" field');
  return name.first();
}

async function submit(page: Page) {
  // The form's own save button, not e.g. a search button.
  await page
    .locator('form.record-form')
    .getByRole('button', { name: label('common.save') })
    .click();
}

test('create a customer, then a duplicate gets "open the existing customer"', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const { page } = await openContext('desk', { as: 'sales1' });
  const name = uniqueName('E2E 测试客户');

  // Create.
  await (await openCreateForm(page)).fill(name);
  await submit(page);
  const found = async () =>
    (
      await api.get<{ data: Array<{ id: string; name: string }> }>(
        `/customers?q=${encodeURIComponent(name)}&fields=name`,
      )
    ).data;
  await expect
    .poll(async () => (await found()).map((c) => c.name), {
      timeout: 10_000,
      message: 'the new customer reaches the API',
    })
    .toEqual([name]);
  const [created] = await found();
  await need(page.getByText(name, { exact: true }), 'the new customer shown after saving (detail or list)');

  // Same name again: the server answers 409 DUPLICATE_RECORD and the form offers the existing one.
  const duplicate = page.waitForResponse(
    (r) => r.url().includes('/api/v1/customers') && r.request().method() === 'POST',
  );
  await (await openCreateForm(page)).fill(name);
  await submit(page);
  expect((await duplicate).status(), 'the duplicate create answers 409').toBe(409);
  const offer = page.getByRole('link', { name: label('form.openExisting') });
  await need(offer, 'the duplicate-customer notice with "打开已有客户 / Open the existing customer"');
  await offer.click();
  await expect
    .poll(() => pathOf(page), { message: 'the offer opens the existing customer' })
    .toBe(`/customers/${created!.id}`);
  await need(page.getByRole('heading', { name }), 'the existing customer detail');

  // Nothing new was created.
  expect((await found()).length).toBe(1);
});
