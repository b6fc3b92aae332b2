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
  textIn,
  uniqueName,
} from './support/app.ts';

/** "删除" alone, or with the record's name as its accessible name ("删除 上海…"). */
const DELETE = /^\s*(删\s*除|Delete)(\s|$)/i;

test('delete a customer, then restore it from the recycle bin', async () => {
  const session = await apiLogin('sales1');
  const api = apiClient(session.token);
  const customer = await createCustomer(api, uniqueName('E2E 回收站客户'));

  const { page } = await openContext('desk', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail');

  // Delete, with confirmation.
  const remove = page.getByRole('button', { name: DELETE }).or(page.getByRole('menuitem', { name: DELETE }));
  if (!(await remove.first().isVisible())) {
    // The action may sit in a "more" menu.
    const more = page.getByRole('button', { name: textIn('更多', 'More') });
    if (await more.first().isVisible()) await more.first().click();
  }
  await need(remove, 'a "删除 / Delete" action on the customer detail');
  const deleted = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/customers/${customer.id}`) && r.request().method() === 'DELETE',
  );
  await remove.first().click();
  await confirmAction(page, 'the delete confirmation');
  expect((await deleted).status()).toBeLessThan(300);
  expect((await api.request('GET', `/customers/${customer.id}`)).status, 'the customer is gone from the API').toBe(404);

  // Recycle bin, through the navigation when it offers it.
  const link = page.getByRole('link', { name: textIn('回收站', 'Recycle bin') });
  if (await link.first().isVisible()) await link.first().click();
  else await page.goto('/recycle-bin');
  const entry = page
    .locator('tr, li, [role="row"], [role="listitem"], .ant-list-item, .ant-card')
    .filter({ hasText: customer.name })
    .filter({ has: page.getByTestId('recycle-restore') });
  await need(
    entry,
    `the recycle bin page listing "${customer.name}" with a restore button (data-testid="recycle-restore")`,
  );
  const restored = page.waitForResponse(
    (r) => /\/restore$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
  );
  await entry.last().getByTestId('recycle-restore').click();
  await confirmAction(page, 'the restore confirmation');
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
