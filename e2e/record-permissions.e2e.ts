/** What a record lets the caller do decides which buttons it shows (`can` on each record, one `can()` check). */
import { expect, test } from 'vitest';
import { apiClient, apiLogin, need, openContext } from './support/app.ts';
import { label } from './support/labels.ts';

interface Listed {
  id: string;
  name: string;
  can?: { update?: boolean; delete?: boolean };
}

test('the new hire may edit an assigned customer but not delete it: Edit shows, Delete does not', async () => {
  // The intern inherits the rep's grants; delete never passes down an inheritance chain.
  const api = apiClient((await apiLogin('intern')).token);
  const rows = (await api.get<{ data: Listed[] }>('/customers?limit=100')).data;
  const assigned = rows.find((r) => r.can?.update === true);
  expect(assigned, 'an assigned customer the intern may update').toBeDefined();
  expect(assigned!.can).toEqual({ update: true, delete: false });

  const { page } = await openContext('desk', { as: 'intern' });
  await page.goto(`/customers/${assigned!.id}`);
  await need(page.getByRole('heading', { name: assigned!.name }), 'the customer detail');
  await need(page.getByRole('link', { name: label('common.edit') }), 'the Edit link');
  expect(await page.getByRole('button', { name: label('common.delete', { after: assigned!.name }) }).count()).toBe(0);

  // The same customer, opened by the manager who owns it: both actions are offered.
  const { page: managerPage } = await openContext('desk', { as: 'manager' });
  await managerPage.goto(`/customers/${assigned!.id}`);
  await need(managerPage.getByRole('heading', { name: assigned!.name }), 'the customer detail (manager)');
  await need(
    managerPage.getByRole('button', { name: label('common.delete', { after: assigned!.name }) }),
    'the Delete button for the manager',
  );
});
