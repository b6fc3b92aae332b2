/**
 * Helpers for asserting data scopes in the API tests: who should see which rows, computed
 * independently of the server's scope SQL (straight from the database, or from an admin's view).
 */
import { expect } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get, qs, type Headers } from './resource-helpers.ts';
import type { Company, DemoUser } from './test-app.ts';
import { testDatabase } from './test-database.ts';

/** Ids of the `recordType` records assigned to `user` (the `assignments` table, live rows only). */
export async function assignedIds(company: Company, user: DemoUser, recordType = 'customer'): Promise<Set<string>> {
  const database = await testDatabase();
  const rows = await withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('assignments')
      .select('record_id')
      .where('tenant_id', '=', company.tenantId)
      .where('user_id', '=', company.users[user])
      .where('record_type', '=', recordType)
      .where('deleted_at', 'is', null)
      .execute(),
  );
  return new Set(rows.map((r) => r.record_id));
}

/** Every row of a list (at most 200: the demo companies of the tests are small). */
export async function listAll(
  path: string,
  headers: Headers,
  params: Record<string, unknown> = {},
): Promise<Array<Record<string, any>>> {
  const res = await get(`${path}${qs({ ...params, limit: 200 })}`, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor, 'more than 200 rows: page through them instead').toBeNull();
  return res.body.data;
}

/**
 * The customers a 销售代表 (customer scope own_assigned) may see, from the admin's
 * unscoped list: those the user owns plus those assigned to them.
 */
export async function ownAssignedCustomerIds(company: Company, user: DemoUser): Promise<Set<string>> {
  const assigned = await assignedIds(company, user, 'customer');
  const everything = await listAll('/api/v1/customers', await company.as('admin'));
  return new Set(everything.filter((c) => c.ownerId === company.users[user] || assigned.has(c.id)).map((c) => c.id));
}

/** Asserts that `rows` are exactly (as a set, no duplicates) the records with `expected` ids. */
export function expectSameIds(rows: Array<Record<string, unknown>>, expected: Set<string>) {
  const ids = rows.map((r) => r.id as string);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
}
