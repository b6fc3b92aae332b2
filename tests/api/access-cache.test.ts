import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { accessCacheStats, type TenantAccess } from '../../server/access/access-cache.ts';
import type { AccessContext } from '../../server/access/access-context.ts';
import { reusedAccess, reusedAccessStats } from '../../server/access/context-reuse.ts';
import type { Actor } from '../../server/resources/context.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get } from '../support/resource-helpers.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

// Each company's roles, grants, field rules, custom fields and settings are cached in process,
// keyed by the company's access version, which triggers change in the same transaction as the
// data. These tests change the data behind the app's back (as another instance or psql would)
// and expect the very next request to see it; sessions and users are never cached.
let company: Company;
beforeAll(async () => {
  company = await demoCompany({ customers: 5, orders: 0 });
});

const inCompany = async <T>(of: Company, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant((await testDatabase()).db, of.tenantId, fn);
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => inCompany(company, fn);

const versionOf = (of: Company) =>
  inCompany(of, async (trx) => {
    const { rows } = await sql<{ v: string }>`select access_version as v from tenant_versions
      where tenant_id = ${of.tenantId}`.execute(trx);
    return rows[0]?.v;
  });
const version = () => versionOf(company);

describe('the per-company access cache', () => {
  it('serves repeated requests from the cache', async () => {
    const sales2 = await company.as('sales2');
    expect((await get('/api/v1/customers?limit=1', sales2)).status).toBe(200);
    const before = accessCacheStats();
    expect((await get('/api/v1/customers?limit=1', sales2)).status).toBe(200);
    expect(accessCacheStats().hits).toBe(before.hits + 1);
    expect(accessCacheStats().misses).toBe(before.misses);
  });

  it('a grant removed outside this process is enforced at the next request', async () => {
    const sales1 = await company.as('sales1');
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(200);
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(200); // now cached
    await inTenant((trx) =>
      sql`update role_grants set deleted_at = now()
          where tenant_id = ${company.tenantId} and object = 'customer' and action = 'read'
            and role_id in (select id from roles where tenant_id = ${company.tenantId} and name = '销售代表')`.execute(
        trx,
      ),
    );
    const after = await get('/api/v1/customers?limit=1', sales1);
    expect(after.status, JSON.stringify(after.body)).toBe(403);
  });

  it('every kind of cached data changes the version in its own transaction', async () => {
    const t = company.tenantId;
    const changes = {
      tenants: sql`update tenants set settings = settings where id = ${t}`,
      roles: sql`update roles set name = name where tenant_id = ${t}`,
      role_grants: sql`update role_grants set scope = scope where tenant_id = ${t}`,
      role_field_rules: sql`insert into role_field_rules (tenant_id, id, role_id, object, field, rule)
        select ${t}, ${newId()}, id, 'customer', 'industry', 'masked' from roles where tenant_id = ${t} limit 1`,
      custom_fields: sql`insert into custom_fields (tenant_id, id, object_type, key, label, type, options, required)
        values (${t}, ${newId()}, 'customer', ${`cache_${newId().slice(-6)}`}, '缓存测试', 'text', '[]', false)`,
    };
    for (const [table, statement] of Object.entries(changes)) {
      const before = await version();
      const seenInside = await inTenant(async (trx) => {
        await statement.execute(trx);
        const { rows } = await sql<{
          v: string;
        }>`select access_version as v from tenant_versions where tenant_id = ${t}`.execute(trx);
        return rows[0]!.v;
      });
      expect(seenInside, table).not.toBe(before);
      expect(await version(), table).toBe(seenInside);
    }
  });

  it('refuses a revoked session at the next request', async () => {
    const legal = await company.as('legal');
    expect((await get('/api/v1/users?limit=1', legal)).status).toBe(200);
    await inTenant((trx) =>
      sql`update sessions set revoked_at = now()
          where tenant_id = ${company.tenantId} and user_id = ${company.users.legal}`.execute(trx),
    );
    expect((await get('/api/v1/users?limit=1', legal)).status).toBe(401);
  });

  it('refuses a disabled user at the next request', async () => {
    const manager = await company.as('manager');
    expect((await get('/api/v1/customers?limit=1', manager)).status).toBe(200);
    await inTenant((trx) =>
      sql`update users set is_active = false where tenant_id = ${company.tenantId} and id = ${company.users.manager}`.execute(
        trx,
      ),
    );
    expect((await get('/api/v1/customers?limit=1', manager)).status).toBe(401);
  });
});

// A session's actor, access context and access plan are reused across its requests while the
// session lookup reads the same row and the company's part is unchanged; the plan keeps the
// list and detail statements it compiled. Each change below is made behind the app's back.
describe('reused access contexts and their compiled statements', () => {
  let own: Company;
  beforeAll(async () => {
    own = await demoCompany({ customers: 10, orders: 0 });
  });
  const inOwn = <T>(fn: Parameters<typeof withTenant<T>>[2]) => inCompany(own, fn);
  const ownVersion = () => versionOf(own);
  const listOwners = async (token: Record<string, string>) => {
    const res = await get('/api/v1/customers?limit=50&sort=name', token);
    return { status: res.status, body: res.body as { data: Array<{ industry?: string }> } };
  };

  it('reuses the context of a session whose lookup row did not change', async () => {
    const sales2 = await own.as('sales2');
    await listOwners(sales2);
    const before = reusedAccessStats();
    const again = await listOwners(sales2);
    expect(again.status).toBe(200);
    expect(reusedAccessStats().hits).toBe(before.hits + 1);
  });

  it("a role taken from the user is enforced at the next request, though the company's version did not move", async () => {
    const sales1 = await own.as('sales1');
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(200);
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(200);
    const versionBefore = await ownVersion();
    await inOwn((trx) =>
      sql`update user_roles set deleted_at = now()
          where tenant_id = ${own.tenantId} and user_id = ${own.users.sales1}`.execute(trx),
    );
    expect(await ownVersion()).toBe(versionBefore);
    const after = await get('/api/v1/customers?limit=1', sales1);
    expect(after.status, JSON.stringify(after.body)).toBe(403);
  });

  it('a field rule added to a role changes the compiled list and detail at the next request', async () => {
    const manager = await own.as('manager');
    const seen = await listOwners(manager);
    expect(seen.status).toBe(200);
    const withIndustry = seen.body.data.find((c) => typeof c.industry === 'string' && c.industry.length > 1);
    expect(withIndustry, 'a customer the manager sees with an industry').toBeDefined();
    const id = (withIndustry as { id?: string }).id!;
    expect((await get(`/api/v1/customers/${id}`, manager)).body.data.industry).toBe(withIndustry!.industry);
    await inOwn((trx) =>
      sql`insert into role_field_rules (tenant_id, id, role_id, object, field, rule)
          select ${own.tenantId}, ${newId()}, role_id, 'customer', 'industry', 'hidden' from user_roles
           where tenant_id = ${own.tenantId} and user_id = ${own.users.manager} and deleted_at is null`.execute(trx),
    );
    const hidden = await listOwners(manager);
    expect(hidden.status).toBe(200);
    expect(hidden.body.data.length).toBe(seen.body.data.length);
    expect(hidden.body.data.every((c) => !('industry' in c))).toBe(true);
    expect('industry' in (await get(`/api/v1/customers/${id}`, manager)).body.data).toBe(false);
  });
});

describe('reusedAccess', () => {
  const tenant = {} as TenantAccess;
  const context = (sandboxUntil: Date | null) => () => ({
    actor: { userId: newId() } as Actor,
    access: { sandboxUntil } as AccessContext,
  });

  it('rebuilds when the lookup row or the company part differs', () => {
    const session = newId();
    const first = reusedAccess(session, 'row-1', tenant, context(null));
    expect(reusedAccess(session, 'row-1', tenant, context(null))).toEqual(first);
    expect(reusedAccess(session, 'row-2', tenant, context(null)).actor).not.toBe(first.actor);
    const second = reusedAccess(session, 'row-2', tenant, context(null));
    expect(reusedAccess(session, 'row-2', {} as TenantAccess, context(null)).actor).not.toBe(second.actor);
  });

  it("rebuilds a new hire's context once their sandbox period is over, with no row changed", () => {
    const session = newId();
    const until = new Date('2026-12-10T00:00:00Z');
    const first = reusedAccess(session, 'row', tenant, context(until), new Date('2026-12-09T00:00:00Z'));
    expect(reusedAccess(session, 'row', tenant, context(null), new Date('2026-12-09T23:59:59Z')).actor).toBe(
      first.actor,
    );
    const later = reusedAccess(session, 'row', tenant, context(null), new Date('2026-12-10T00:00:00Z'));
    expect(later.actor).not.toBe(first.actor);
    expect(later.access.sandboxUntil).toBeNull();
  });
});
