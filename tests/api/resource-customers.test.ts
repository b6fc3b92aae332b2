import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  get,
  missingId,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';
import { assignedIds } from '../support/access-helpers.ts';
import { sql } from 'kysely';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { testDatabase } from '../support/test-database.ts';

const base = '/api/v1/customers';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let manager: Headers;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2, manager] = await Promise.all([
    company.as('admin'),
    company.as('sales1'),
    company.as('sales2'),
    company.as('manager'),
  ]);
});

let seq = 0;
const newCustomer = (headers: Headers, extra: Record<string, unknown> = {}) =>
  post(base, headers, { name: `资源测试客户${++seq}有限公司`, ...extra });

describe('customers: write lifecycle', () => {
  it('creates, reads, updates, deletes (cascading to contacts) and restores', async () => {
    const created = ok(await newCustomer(sales1, { level: 'A', industry: '制造业', tags: ['重点', '华东'] }), 201);
    expect(created).toMatchObject({
      level: 'A',
      industry: '制造业',
      tags: ['重点', '华东'],
      ownerId: company.users.sales1,
      status: 'active',
      version: 1,
      deletedAt: null,
      custom: {},
    });
    expect(created.createdBy).toBe(company.users.sales1);
    const url = `${base}/${created.id}`;
    const contact = ok(await post('/api/v1/contacts', sales1, { customerId: created.id, name: '周杰' }), 201);

    expect(ok(await get(url, sales1))).toMatchObject({ id: created.id, name: created.name });
    const updated = ok(await patch(url, sales1, { region: '江苏', version: 1 }));
    expect(updated).toMatchObject({ region: '江苏', level: 'A', version: 2 });

    const deleted = ok(await del(url, sales1));
    expect(deleted).toMatchObject({ id: created.id, cascaded: { contacts: 1 } });
    expect(typeof deleted.batchId).toBe('string');
    expect(Number.isNaN(Date.parse(deleted.deletedAt))).toBe(false);
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await get(`/api/v1/contacts/${contact.id}`, sales1), 404, 'NOT_FOUND');
    const listed = ok(await get(`${base}${qs({ filter: { id: created.id } })}`, sales1));
    expect(listed).toEqual([]);

    const restored = await restore(url, sales1);
    expect(ok(restored)).toMatchObject({ id: created.id, region: '江苏', deletedAt: null, version: 3 });
    expect(restored.body.restored).toBe(2);
    expect(ok(await get(`/api/v1/contacts/${contact.id}`, sales1)).name).toBe('周杰');
    expectError(await restore(url, sales1), 404, 'NOT_FOUND');
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await post(base, sales1, {}), 'name');
    expectFieldError(await post(base, sales1, { name: '  ' }), 'name');
    expectFieldError(await post(base, sales1, { name: '等级错误公司', level: 'Z' }), 'level');
    expectFieldError(await post(base, sales1, { name: '电话错误公司', mainPhone: 'abc' }), 'mainPhone');
    expectFieldError(await post(base, sales1, { name: '信用代码错误公司', creditCode: '123' }), 'creditCode');
    expectFieldError(await post(base, sales1, { name: '标签错误公司', tags: 'x' }), 'tags');
    expectFieldError(await post(base, sales1, { name: '负责人错误公司', ownerId: missingId() }), 'ownerId');
    const c = ok(await newCustomer(sales1), 201);
    expectFieldError(await patch(`${base}/${c.id}`, sales1, { level: 'A' }), 'version');
    expectFieldError(await patch(`${base}/${c.id}`, sales1, { status: 'gone', version: 1 }), 'status');
  });

  it('refuses a duplicate name with 409 DUPLICATE_RECORD naming the existing record', async () => {
    const first = ok(await newCustomer(sales1), 201);
    const dup = await post(base, sales2, { name: first.name });
    expectError(dup, 409, 'DUPLICATE_RECORD');
    expect(dup.body.error.details).toMatchObject({ field: 'name', existingId: first.id });
  });

  it('answers 409 VERSION_CONFLICT to a stale version and leaves the record unchanged', async () => {
    const c = ok(await newCustomer(sales1), 201);
    ok(await patch(`${base}/${c.id}`, sales1, { level: 'B', version: 1 }));
    const stale = await patch(`${base}/${c.id}`, sales1, { level: 'C', version: 1 });
    expectError(stale, 409, 'VERSION_CONFLICT');
    expect(stale.body.error.details).toMatchObject({ currentVersion: 2 });
    expect(ok(await get(`${base}/${c.id}`, sales1))).toMatchObject({ level: 'B', version: 2 });
  });

  it('lets a rep write only the customers in their scope (404 when they cannot even read one), while the manager and admins may', async () => {
    const c = ok(await newCustomer(sales1), 201);
    const url = `${base}/${c.id}`;
    // sales2 has no assignment for sales1's customer: it is outside every scope, so it does not exist for them
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { level: 'D', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(url, sales2), 404, 'NOT_FOUND');
    const forOther = await post(base, sales2, { name: '替别人建的客户', ownerId: company.users.sales1 });
    expectError(forOther, 403, 'OUT_OF_SCOPE');
    expect(forOther.body.error.details.missing).toBe('customer.create');
    expect(ok(await get(`${base}${qs({ filter: { name: '替别人建的客户' } })}`, admin))).toEqual([]);
    // the manager's scope is his department tree (sales1 is in 销售一组 under 华东销售部)
    expect(ok(await patch(url, manager, { level: 'D', version: 1 })).level).toBe('D');
    expect(ok(await patch(url, admin, { level: 'C', version: 2 })).level).toBe('C');
    ok(await del(url, sales1));
    expectError(await restore(url, sales2), 404, 'NOT_FOUND');
    expect(ok(await restore(url, admin)).id).toBe(c.id);
    expect(ok(await get(url, sales1)).level).toBe('C');
  });

  it("lets a rep read and update a colleague's customer that is assigned to them (own_assigned)", async () => {
    const assigned = [...(await assignedIds(company, 'sales1'))];
    expect(assigned.length).toBe(2);
    const url = `${base}/${assigned[0]}`;
    const before = ok(await get(url, sales1));
    expect(before.ownerId).toBe(company.users.sales2);
    expect(ok(await patch(url, sales1, { region: '指派后更新', version: before.version })).region).toBe('指派后更新');
    // the owner keeps full access
    expect(ok(await get(url, sales2)).region).toBe('指派后更新');
    // ...and a rep without the assignment still cannot see it
    expectError(await get(url, await company.as('intern')), 404, 'NOT_FOUND');
  });

  it("refuses an update that would move a customer out of the writer's own scope (403 OUT_OF_SCOPE)", async () => {
    // Like a create outside the scope: handing one's customer to a colleague takes it out of
    // sales1's update scope, so it needs someone whose scope covers both owners (manager, admin).
    const c = ok(await newCustomer(sales1), 201);
    const url = `${base}/${c.id}`;
    const res = await patch(url, sales1, { ownerId: company.users.sales2, version: 1 });
    expectError(res, 403, 'OUT_OF_SCOPE');
    expect(res.body.error.details.missing).toBe('customer.update');
    expect(ok(await get(url, sales1))).toMatchObject({ ownerId: company.users.sales1, version: 1 });
    expect(ok(await patch(url, manager, { ownerId: company.users.sales2, version: 1 })).ownerId).toBe(
      company.users.sales2,
    );
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
  });

  it('answers 404 for unknown ids and 400 for malformed ids', async () => {
    const url = `${base}/${missingId()}`;
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await patch(url, sales1, { level: 'A', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(url, sales1), 404, 'NOT_FOUND');
    expectError(await restore(url, sales1), 404, 'NOT_FOUND');
    const bad = await get(`${base}/not-a-uuid`, sales1);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].path).toMatch(/id$/);
  });

  it('answers 413 to a JSON body over 1 MB', async () => {
    const res = await post(base, sales1, { name: '太大的客户', shortName: 'x'.repeat(1024 * 1024 + 10) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('keeps the main phone as typed and the tags through create, update, delete and restore', async () => {
    const created = ok(
      await post(base, sales1, {
        name: '苏州测试精密机械有限公司',
        mainPhone: '138 0013 8000',
        level: 'A',
        tags: ['重点'],
      }),
      201,
    );
    expect(created).toMatchObject({
      name: '苏州测试精密机械有限公司',
      mainPhone: '138 0013 8000',
      level: 'A',
      ownerId: company.users.sales1,
      version: 1,
      tags: ['重点'],
    });
    const url = `${base}/${created.id}`;
    expect(ok(await get(url, sales1)).name).toBe('苏州测试精密机械有限公司');
    expect(ok(await patch(url, sales1, { level: 'B', version: 1 }))).toMatchObject({ level: 'B', version: 2 });
    ok(await del(url, sales1));
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expect(ok(await restore(url, sales1))).toMatchObject({
      id: created.id,
      level: 'B',
      mainPhone: '138 0013 8000',
      tags: ['重点'],
      deletedAt: null,
    });
  });
});

describe('customers: derived fields', () => {
  it('serves lastFollowupAt through fields= (the phone lite view) and it follows new follow-ups', async () => {
    const customer = ok(await post(base, sales1, { name: '最近跟进测试有限公司' }), 201);
    const lite = `${base}/${customer.id}?fields=name,lastFollowupAt`;
    expect(ok(await get(lite, sales1))).toEqual({
      id: customer.id,
      name: '最近跟进测试有限公司',
      lastFollowupAt: null,
    });
    const occurredAt = '2026-11-20T08:30:00.000Z';
    ok(
      await post('/api/v1/followups', sales1, {
        customerId: customer.id,
        kind: 'call',
        content: '电话沟通',
        occurredAt,
      }),
      201,
    );
    expect(ok(await get(lite, sales1)).lastFollowupAt).toBe(occurredAt);
  });

  it('lastFollowupAt is a column the database keeps through follow-up edits, deletes and restores', async () => {
    const customer = ok(await post(base, sales1, { name: '跟进维护测试有限公司' }), 201);
    const followup = (occurredAt: string) =>
      post('/api/v1/followups', sales1, { customerId: customer.id, kind: 'call', content: '电话沟通', occurredAt });
    const older = '2026-10-01T08:00:00.000Z';
    const newer = '2026-11-01T08:00:00.000Z';
    ok(await followup(older), 201);
    const latest = ok(await followup(newer), 201);
    const stored = async () => {
      const { db } = await testDatabase();
      return withTenant(db, company.tenantId, async (trx) => {
        const { rows } = await sql<{ at: Date | null }>`select last_followup_at as at from customers
          where tenant_id = ${company.tenantId} and id = ${customer.id}`.execute(trx);
        return rows[0]?.at?.toISOString() ?? null;
      });
    };
    const presented = async () => ok(await get(`${base}/${customer.id}?fields=lastFollowupAt`, sales1)).lastFollowupAt;
    expect([await stored(), await presented()]).toEqual([newer, newer]);
    ok(await del(`/api/v1/followups/${latest.id}`, admin));
    expect([await stored(), await presented()]).toEqual([older, older]);
    ok(await restore(`/api/v1/followups/${latest.id}`, admin));
    expect([await stored(), await presented()]).toEqual([newer, newer]);
    const moved = '2026-09-01T08:00:00.000Z';
    const { version } = ok(await get(`/api/v1/followups/${latest.id}`, admin));
    ok(await patch(`/api/v1/followups/${latest.id}`, admin, { occurredAt: moved, version }));
    expect([await stored(), await presented()]).toEqual([older, older]);
  });
});
