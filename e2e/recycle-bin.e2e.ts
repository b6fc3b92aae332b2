/** Deleting a customer on the desk and restoring it from the recycle bin. */
import { expect, test } from 'vitest';
import {
  apiClient,
  apiLogin,
  confirmAction,
  createCustomer,
  need,
  openContext,
  pathOf,
  uniqueName,
} from './support/app.ts';
import { label } from './support/labels.ts';

test('delete a customer, then restore it from the recycle bin', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 回收站客户'));

  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail');

  // Delete, with confirmation ("删除 <name>" is the button's accessible name).
  const remove = page.getByRole('button', { name: label('common.delete', { after: customer.name }) });
  await need(remove, 'the "删除 / Delete" button on the customer detail');
  const deleted = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/customers/${customer.id}`) && r.request().method() === 'DELETE',
  );
  await remove.click();
  await confirmAction(page, label('common.delete'), 'the delete confirmation');
  expect((await deleted).status()).toBeLessThan(300);
  expect((await api.request('GET', `/customers/${customer.id}`)).status, 'the customer is gone from the API').toBe(404);

  // Recycle bin, through the navigation.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: label('nav.recycleBin') })
    .click();
  const entry = page.getByTestId('recycle-entry').filter({ hasText: customer.name });
  await need(entry, `the recycle bin entry of "${customer.name}" (data-testid="recycle-entry")`);
  const restored = page.waitForResponse(
    (r) => /\/restore$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
  );
  await entry.getByTestId('recycle-restore').click();
  await confirmAction(page, label('recycle.restore'), 'the restore confirmation');
  expect((await restored).status()).toBeLessThan(300);

  await expect
    .poll(async () => (await api.request('GET', `/customers/${customer.id}`)).status, {
      message: 'the customer is back',
    })
    .toBe(200);
  await expect.poll(() => entry.count(), { message: 'the entry leaves the recycle bin' }).toBe(0);
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the restored customer detail');
  expect(pathOf(page)).toBe(`/customers/${customer.id}`);
});
