import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { actorFromUser } from '../../server/auth/authenticate.ts';
import { loadAccess } from '../../server/access/access-context.ts';
import { customerSpec } from '../../server/domains/customers/customer-spec.ts';
import { createRecord } from '../../server/resources/record-commands.ts';
import { get, missingId, patch, post } from '../support/resource-helpers.ts';
import { demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

// A read runs its authentication (session, user, access versions) and its query in one
// transaction, opened by the session lookup and finished before the answer is sent. BEGINs are
// counted at the driver: PGlite's query/exec, or node-postgres' Client#query.
const sent: string[] = [];
const originals = {
  pgliteQuery: PGlite.prototype.query,
  pgliteExec: PGlite.prototype.exec,
  pgQuery: pg.Client.prototype.query,
};
const record = (text: unknown) => {
  if (typeof text === 'string') sent.push(text);
  else if (text && typeof (text as { text?: unknown }).text === 'string') sent.push((text as { text: string }).text);
};

beforeAll(() => {
  PGlite.prototype.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
    record(args[0]);
    return originals.pgliteQuery.apply(this, args);
  } as PGlite['query'];
  PGlite.prototype.exec = function (this: PGlite, ...args: Parameters<PGlite['exec']>) {
    record(args[0]);
    return originals.pgliteExec.apply(this, args);
  } as PGlite['exec'];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    record(args[0]);
    return (originals.pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  PGlite.prototype.query = originals.pgliteQuery;
  PGlite.prototype.exec = originals.pgliteExec;
  pg.Client.prototype.query = originals.pgQuery;
});

/** A BEGIN, alone or leading a batch (after the batch's `needs` comment, db/batch-statements.ts). */
const isBegin = (text: string) => /^\s*(\/\*[^*]*\*\/\s*)?begin\b/i.test(text);
const isEnd = (text: string) => /^\s*(commit|rollback)\b/i.test(text);

/**
 * The BEGINs and COMMITs/ROLLBACKs `request` sends to the database. A read's commit may follow
 * its answer (request-context.ts), so the count waits (up to 2 s) for every BEGIN's end.
 */
async function transactionsOf(request: () => Promise<{ status: number; body?: any }>) {
  sent.length = 0;
  const { status, body } = await request();
  const count = () => ({ begins: sent.filter(isBegin).length, ends: sent.filter(isEnd).length });
  for (let waited = 0; count().ends < count().begins && waited < 2000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return { status, ...count(), statements: sent.length, body };
}

/** The last statement a request sent before its commit. */
const lastStatement = () => sent.filter((text) => !isEnd(text)).at(-1);
/** A write's audit row, its outbox event and the record as the caller sees it, in one statement. */
const auditOutboxAndRecord =
  /^\s*with "audit" as \(insert into "audit_log".*"outbox" as \(insert into "outbox_events".*\bselect\b/is;

let company: Company;
beforeAll(async () => {
  company = await demoCompany({ customers: 5, orders: 0 });
  await testApp();
});

describe('one transaction per read request', () => {
  it('a list and a point read each run in one transaction, which ends once the answer is out', async () => {
    const manager = await company.as('manager');
    await get('/api/v1/customers?limit=5', manager); // warm the access cache
    const list = await transactionsOf(() => get('/api/v1/customers?limit=5', manager));
    expect(list).toMatchObject({ status: 200, begins: 1, ends: 1 });
    const { body } = await get('/api/v1/customers?limit=1', manager);
    const id = (body as { data: Array<{ id: string }> }).data[0]!.id;
    const point = await transactionsOf(() => get(`/api/v1/customers/${id}`, manager));
    expect(point).toMatchObject({ status: 200, begins: 1, ends: 1 });
    // on PostgreSQL the session lookup travels with BEGIN (a prepared statement run by EXECUTE):
    // a point read is that batch, the record's statement and the commit
    if (process.env.DATABASE_URL) {
      expect(sent[0]).toMatch(
        /^\/\* needs (cairn_b_\w+) \*\/ begin; select set_config\('app\.tenant_id', .*; execute \1\(/s,
      );
      expect(point.statements).toBe(3);
    }
  });

  it('a failing read rolls its transaction back and the next request is served', async () => {
    const manager = await company.as('manager');
    const missing = await transactionsOf(() => get(`/api/v1/customers/${missingId()}`, manager));
    expect(missing).toMatchObject({ status: 404, begins: 1, ends: 1 });
    expect(sent.some((text) => /^\s*rollback\b/i.test(text))).toBe(true);
    const badQuery = await transactionsOf(() => get('/api/v1/customers?limit=nope', manager));
    expect(badQuery).toMatchObject({ status: 400, begins: 1, ends: 1 });
    expect((await get('/api/v1/customers?limit=1', manager)).status).toBe(200);
  });

  it('a refused token opens no transaction that stays open', async () => {
    const refused = await transactionsOf(() => get('/api/v1/customers', { authorization: 'Bearer nonsense' }));
    expect(refused).toMatchObject({ status: 401, begins: 0, ends: 0 });
  });

  it('a client that goes away mid-request leaves no transaction open', async () => {
    const { app } = await testApp();
    const manager = await company.as('manager');
    sent.length = 0;
    await app
      .inject({
        method: 'GET',
        url: '/api/v1/customers?limit=5',
        headers: manager,
        simulate: { end: true, split: false, error: false, close: true },
      })
      .catch(() => undefined);
    // let the abort hooks and the handler settle, then every BEGIN has its end
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.filter(isEnd).length).toBe(sent.filter(isBegin).length);
    expect((await get('/api/v1/customers?limit=1', manager)).status).toBe(200);
  });

  it('a revoked session and a disabled user are refused on the next request', async () => {
    const other = await demoCompany({ customers: 1, orders: 0 });
    const sales1 = await other.as('sales1');
    const sales2 = await other.as('sales2');
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(200);
    expect((await get('/api/v1/customers?limit=1', sales2)).status).toBe(200);
    const { db } = await testDatabase();
    await withTenant(db, other.tenantId, async (trx) => {
      await sql`update sessions set revoked_at = now() where tenant_id = ${other.tenantId}
        and user_id = ${other.users.sales1}`.execute(trx);
      await sql`update users set is_active = false where tenant_id = ${other.tenantId}
        and id = ${other.users.sales2}`.execute(trx);
    });
    expect((await get('/api/v1/customers?limit=1', sales1)).status).toBe(401);
    expect((await get(`/api/v1/customers/${missingId()}`, sales2)).status).toBe(401);
  });

  it('a write that fails leaves no partial row behind', async () => {
    const admin = await company.as('admin');
    const name = `回滚测试 ${missingId().slice(0, 8)}`;
    const res = await post('/api/v1/customers', admin, { name, ownerId: missingId() });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const after = await get(`/api/v1/customers?q=${encodeURIComponent(name)}`, admin);
    expect(after.status).toBe(200);
    expect((after.body as { data: unknown[] }).data).toEqual([]);
  });

  it('a create writes its audit row and outbox event with the row, and an error after the insert leaves none', async () => {
    const { db } = await testDatabase();
    const written = (name: string) =>
      withTenant(db, company.tenantId, async (trx) => {
        const { rows } = await sql<{ customers: number; audits: number; events: number }>`
          select (select count(*)::int from customers where tenant_id = ${company.tenantId} and name = ${name}) as customers,
                 (select count(*)::int from audit_log a join customers c on c.tenant_id = a.tenant_id and c.id = a.record_id
                   where a.tenant_id = ${company.tenantId} and c.name = ${name} and a.action = 'create') as audits,
                 (select count(*)::int from outbox_events e join customers c on c.tenant_id = e.tenant_id
                   and e.payload->>'id' = c.id::text
                   where e.tenant_id = ${company.tenantId} and c.name = ${name} and e.topic = 'customer.created') as events`.execute(
          trx,
        );
        return rows[0];
      });
    const admin = await company.as('admin');
    const kept = `事务完整 ${missingId().slice(0, 8)}`;
    expect((await post('/api/v1/customers', admin, { name: kept })).status).toBe(201);
    expect(await written(kept)).toEqual({ customers: 1, audits: 1, events: 1 });

    const failing = { ...customerSpec, afterWrite: () => Promise.reject(new Error('fails after the insert')) };
    const lost = `事务回滚 ${missingId().slice(0, 8)}`;
    const outcome = await withTenant(db, company.tenantId, async (trx) => {
      const user = await trx
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', company.users.admin)
        .executeTakeFirstOrThrow();
      const actor = actorFromUser(user);
      const meta = { requestId: 'rollback-test', ip: null, userAgent: null };
      return createRecord({ actor, meta, trx, access: await loadAccess(trx, actor) }, failing, { name: lost });
    }).catch((error: Error) => error.message);
    expect(outcome).toBe('fails after the insert');
    expect(await written(lost)).toEqual({ customers: 0, audits: 0, events: 0 });
  });

  it('creates and updates of one session, whose audit statement is compiled once, each audit their own record', async () => {
    const { db } = await testDatabase();
    const manager = await company.as('manager');
    const names = [0, 1, 2].map((i) => `逐条审计 ${i} ${missingId().slice(0, 8)}`);
    const created: Array<{ id: string; version: number; name: string }> = [];
    for (const name of names) {
      const res = await post('/api/v1/customers', manager, { name, region: name.slice(0, 6) });
      expect(res.status).toBe(201);
      expect(res.body.data.name).toBe(name);
      created.push(res.body.data as { id: string; version: number; name: string });
    }
    const renamed = `${names[1]} 改`;
    const patched = await patch(`/api/v1/customers/${created[1]!.id}`, manager, {
      name: renamed,
      version: created[1]!.version,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.name).toBe(renamed);
    const audits = await withTenant(db, company.tenantId, async (trx) =>
      sql<{ record_id: string; action: string; name: { before: unknown; after: unknown } }>`
        select record_id, action, changes->'name' as name from audit_log
         where tenant_id = ${company.tenantId} and record_id in (${sql.join(created.map((c) => c.id))})
         order by action, id`.execute(trx),
    );
    expect(audits.rows).toEqual([
      ...created.map((c) => ({ record_id: c.id, action: 'create', name: { before: null, after: c.name } })),
      { record_id: created[1]!.id, action: 'update', name: { before: names[1], after: renamed } },
    ]);
  });

  it("a create owned by the request's own user does not look that user up again", async () => {
    const sales1 = await company.as('sales1');
    sent.length = 0;
    const res = await post('/api/v1/customers', sales1, { name: `自有负责人 ${missingId().slice(0, 8)}` });
    expect(res.status).toBe(201);
    expect(sent.filter((text) => /^\s*select "id" from "users"/i.test(text))).toEqual([]);
    expect(res.body.data.ownerId).toBe(company.users.sales1);
  });

  it('a create checks its scope on the inserted row, in the insert statement; out of scope it is refused and rolled back', async () => {
    const sales2 = await company.as('sales2');
    const name = `范围内新建 ${missingId().slice(0, 8)}`;
    sent.length = 0;
    expect((await post('/api/v1/customers', sales2, { name })).status).toBe(201);
    const scopeReads = sent.filter((text) => /"__g0"/.test(text));
    expect(scopeReads).toHaveLength(1);
    expect(scopeReads[0]).toMatch(/^\s*with "inserted" as \(insert into "customers"/i);

    const outside = `范围外新建 ${missingId().slice(0, 8)}`;
    const refused = await post('/api/v1/customers', sales2, { name: outside, ownerId: company.users.sales1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('OUT_OF_SCOPE');
    const admin = await company.as('admin');
    const after = await get(`/api/v1/customers?q=${encodeURIComponent(outside)}`, admin);
    expect((after.body as { data: unknown[] }).data).toEqual([]);
  });

  it('an update that changes no unique column writes without a savepoint; one that does keeps it to name a duplicate', async () => {
    const admin = await company.as('admin');
    const created = (await post('/api/v1/customers', admin, { name: `保存点 ${missingId().slice(0, 8)}` })).body.data;
    sent.length = 0;
    const plain = await patch(`/api/v1/customers/${created.id}`, admin, { level: 'A', version: created.version });
    expect(plain.status).toBe(200);
    expect(sent.filter((text) => /savepoint/i.test(text))).toEqual([]);
    sent.length = 0;
    const renamed = await patch(`/api/v1/customers/${created.id}`, admin, {
      name: `保存点改名 ${missingId().slice(0, 8)}`,
      version: plain.body.data.version,
    });
    expect(renamed.status).toBe(200);
    expect(sent.filter((text) => /^\s*savepoint\b/i.test(text))).toHaveLength(1);
  });

  it("an update checks the changed row's scope in the update statement; out of scope it is refused and rolled back", async () => {
    const sales2 = await company.as('sales2');
    const created = (await post('/api/v1/customers', sales2, { name: `改后范围 ${missingId().slice(0, 8)}` })).body
      .data;
    sent.length = 0;
    const kept = await patch(`/api/v1/customers/${created.id}`, sales2, { level: 'A', version: created.version });
    expect(kept.status).toBe(200);
    const draftReads = sent.filter((text) => /"__g0"/.test(text) && !/"customers"\."id" = \$/.test(text));
    expect(draftReads).toHaveLength(1);
    expect(draftReads[0]).toMatch(/^\s*with "written" as \(update "customers"/i);

    const moved = await patch(`/api/v1/customers/${created.id}`, sales2, {
      ownerId: company.users.sales1,
      version: kept.body.data.version,
    });
    expect(moved.status).toBe(403);
    expect(moved.body.error.code).toBe('OUT_OF_SCOPE');
    const after = await get(`/api/v1/customers/${created.id}`, sales2);
    expect(after.body.data).toMatchObject({ ownerId: company.users.sales2, version: kept.body.data.version });
  });

  it('a write that is both a duplicate and out of scope answers 403 before 409, as when the scope was read first', async () => {
    const sales2 = await company.as('sales2');
    const admin = await company.as('admin');
    const taken = `已占用名称 ${missingId().slice(0, 8)}`;
    expect((await post('/api/v1/customers', admin, { name: taken })).status).toBe(201);
    const created = (await post('/api/v1/customers', sales2, { name: `先后顺序 ${missingId().slice(0, 8)}` })).body
      .data;
    const updated = await patch(`/api/v1/customers/${created.id}`, sales2, {
      name: taken,
      ownerId: company.users.sales1,
      version: created.version,
    });
    expect(updated.status).toBe(403);
    expect(updated.body.error.code).toBe('OUT_OF_SCOPE');
    const inserted = await post('/api/v1/customers', sales2, { name: taken, ownerId: company.users.sales1 });
    expect(inserted.status).toBe(403);
    expect(inserted.body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('a create and an update run their session lookup and command in one transaction, opened once the body is in', async () => {
    const sales1 = await company.as('sales1');
    const created = await transactionsOf(() =>
      post('/api/v1/customers', sales1, { name: `一次事务 ${missingId().slice(0, 8)}` }),
    );
    expect(created).toMatchObject({ status: 201, begins: 1, ends: 1 });
    expect(lastStatement()).toMatch(auditOutboxAndRecord);
    const row = created.body.data as { id: string; version: number };
    const updated = await transactionsOf(() =>
      patch(`/api/v1/customers/${row.id}`, sales1, { level: 'B', version: row.version }),
    );
    expect(updated).toMatchObject({ status: 200, begins: 1, ends: 1 });
    expect(lastStatement()).toMatch(auditOutboxAndRecord);
    expect(updated.body.data).toMatchObject({ id: row.id, level: 'B', version: row.version + 1 });
    // on PostgreSQL: BEGIN with the session lookup; the record read, locked and judged in one
    // statement (loadAuthorized); the update; the audit, outbox and answer; COMMIT
    if (process.env.DATABASE_URL) {
      expect(created.statements).toBe(4);
      expect(updated.statements).toBe(5);
    }
    // refused before the body is read (no credentials), or after the lookup (a bad token): nothing stays open
    const anonymous = await transactionsOf(() => post('/api/v1/customers', {}, { name: '匿名' }));
    expect(anonymous).toMatchObject({ status: 401, begins: 0, ends: 0 });
    const bad = await transactionsOf(() => post('/api/v1/customers', { authorization: 'Bearer nonsense' }, {}));
    expect(bad).toMatchObject({ status: 401, begins: 0, ends: 0 });
    // an invalid body is answered 400 after the lookup, and its transaction is rolled back
    const invalid = await transactionsOf(() => post('/api/v1/customers', sales1, { name: '' }));
    expect(invalid).toMatchObject({ status: 400, begins: 1, ends: 1 });
  });
});
