import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { onPostgres, testDatabase } from '../support/test-database.ts';

let a: Company;
let b: Company;

beforeAll(async () => {
  [a, b] = [await demoCompany({ customers: 10, orders: 10 }), await demoCompany({ customers: 10, orders: 10 })];
});

describe('tenant isolation', () => {
  it("answers 404 to another company's records on read, update, delete and restore", async () => {
    const adminA = await a.as('admin');
    const adminB = await b.as('admin');
    const customer = (await call({ method: 'GET', url: '/api/v1/customers?limit=1&include=contacts', headers: adminA }))
      .body.data[0];
    const contact = customer.contacts[0];
    for (const [method, url, payload] of [
      ['GET', `/api/v1/customers/${customer.id}`, undefined],
      ['PATCH', `/api/v1/customers/${customer.id}`, { name: '篡改', version: customer.version }],
      ['DELETE', `/api/v1/customers/${customer.id}`, undefined],
      ['POST', `/api/v1/customers/${customer.id}/restore`, undefined],
      ['GET', `/api/v1/contacts/${contact.id}`, undefined],
      ['GET', `/api/v1/audit?recordType=customer&recordId=${customer.id}`, undefined],
    ] as const) {
      const res = await call({ method, url, headers: adminB, payload });
      if (url.startsWith('/api/v1/audit')) expect(res.body.data).toEqual([]);
      else expect(res.status, `${method} ${url}`).toBe(404);
    }
    const list = await call({
      method: 'GET',
      url: `/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ id: customer.id }))}`,
      headers: adminB,
    });
    expect(list.body.data).toEqual([]);
    // and B cannot attach its records to A's customer
    const crossRef = await call({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: adminB,
      payload: { customerId: customer.id, name: '跨租户' },
    });
    expect(crossRef.status).toBe(400);
    expect(crossRef.body.error.details.fields[0].path).toBe('customerId');
    expect(
      (await call({ method: 'GET', url: `/api/v1/customers/${customer.id}`, headers: adminA })).body.data.name,
    ).toBe(customer.name);
  });
});

describe('row-level security backstop', () => {
  it.runIf(onPostgres())('hides other tenants even from a query that forgets the tenant filter', async () => {
    const database = await testDatabase();
    expect(database.rlsEnforced).toBe(true);
    const seen = await withTenant(database.db, a.tenantId, (trx) =>
      sql<{ tenant_id: string }>`select distinct tenant_id from customers`.execute(trx),
    );
    expect(seen.rows.map((r) => r.tenant_id)).toEqual([a.tenantId]);
    // writing a row for another tenant is refused by the policy's WITH CHECK
    await expect(
      withTenant(database.db, a.tenantId, (trx) =>
        sql`update customers set tenant_id = ${b.tenantId} where tenant_id = ${a.tenantId}`.execute(trx),
      ),
    ).rejects.toThrow();
    // with no tenant set at all, nothing is visible
    const none = await database.db
      .transaction()
      .execute((trx) => sql<{ n: number }>`select count(*)::int as n from customers`.execute(trx));
    expect(none.rows[0]!.n).toBe(0);
    const role = await database.db.transaction().execute((trx) =>
      sql<{
        r: string;
        bypass: boolean;
      }>`select current_user as r, rolbypassrls as bypass from pg_roles where rolname = current_user`.execute(trx),
    );
    expect(role.rows[0]).toEqual({ r: 'cairn_app', bypass: false });
  });

  it('guards every business table with a policy that reads its settings once per statement', async () => {
    const database = await testDatabase();
    const { rows } = await sql<{ table: string; using: string; check: string }>`
      select c.relname as "table", pg_get_expr(p.polqual, p.polrelid) as "using",
             pg_get_expr(p.polwithcheck, p.polrelid) as "check"
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        left join pg_policy p on p.polrelid = c.oid and p.polname = 'tenant_isolation'
       where c.relkind = 'r' and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                          and a.attname = 'tenant_id' and not a.attisdropped)`.execute(database.owner);
    expect(rows.length).toBeGreaterThan(40);
    // as scalar subqueries the settings are init plans: evaluated once, not for every row scanned
    const perRow = rows.filter(
      (r) =>
        !/= \( ?SELECT \(NULLIF\(current_setting\('app\.tenant_id'/.test(r.using ?? '') ||
        !/\( ?SELECT \(current_setting\('app\.system'/.test(r.using ?? '') ||
        r.check !== r.using,
    );
    expect(perRow.map((r) => r.table)).toEqual([]);
  });

  it.skipIf(onPostgres())(
    'runs the app as the embedded superuser on PGlite (RLS is a PostgreSQL backstop)',
    async () => {
      const database = await testDatabase();
      expect(database.kind).toBe('pglite');
      expect(database.rlsEnforced).toBe(false);
    },
  );
});
