import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { del, expectError, expectFieldError, get, ok, patch, post } from '../../tests/support/resource-helpers.ts';
import type { Insertable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Actor } from '../resources/context.ts';
import { assignCustomer, ASSIGNED_TOPIC } from './assign-customer.ts';

const base = '/api/v1/assignment-rules';

async function db() {
  return (await testDatabase()).db;
}

/** A team of `n` active reps in a department of its own. */
async function team(company: Company, n: number, name = `组-${newId().slice(-6)}`) {
  const departmentId = newId();
  const ids: string[] = [];
  await withTenant(await db(), company.tenantId, async (trx) => {
    await trx
      .insertInto('departments')
      .values({ id: departmentId, tenant_id: company.tenantId, name, path: `/${departmentId}` })
      .execute();
    for (let i = 0; i < n; i++) {
      const id = newId();
      ids.push(id);
      await trx
        .insertInto('users')
        .values({
          id,
          tenant_id: company.tenantId,
          username: `rep-${id.slice(-10)}`,
          display_name: `代表${i + 1}`,
          department_id: departmentId,
        })
        .execute();
    }
  });
  return { departmentId, ids: ids.sort() };
}

async function customer(company: Company, values: Partial<Insertable<DB['customers']>> = {}, ownerId?: string) {
  const id = newId();
  await withTenant(await db(), company.tenantId, (trx) =>
    trx
      .insertInto('customers')
      .values({
        id,
        tenant_id: company.tenantId,
        name: `客户-${id.slice(-12)}`,
        owner_id: ownerId ?? null,
        ...values,
        custom: values.custom ?? '{}',
      })
      .execute(),
  );
  return id;
}

const actorOf = (company: Company): Actor => ({
  tenantId: company.tenantId,
  userId: company.users.admin,
  username: 'admin',
  displayName: '管理员',
  role: 'admin',
  isService: false,
  departmentId: null,
});

async function assign(company: Company, customerId: string) {
  return withTenant(await db(), company.tenantId, (trx) =>
    assignCustomer(
      trx,
      { actor: actorOf(company), meta: { requestId: 'test', ip: null, userAgent: null } },
      customerId,
    ),
  );
}

async function rule(company: Company, body: Record<string, unknown>) {
  return ok(await post(base, await company.as('admin'), body), 201);
}

async function ownerOf(company: Company, customerId: string) {
  return withTenant(await db(), company.tenantId, (trx) =>
    trx
      .selectFrom('customers')
      .select(['owner_id', 'assigned_by_rule_id', 'assigned_rule_version', 'assignment_reason'])
      .where('tenant_id', '=', company.tenantId)
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow(),
  );
}

describe('assignment rules API', () => {
  let company: Company;
  beforeAll(async () => {
    company = await demoCompany({ customers: 5, orders: 0 });
  });

  it('creates, lists in order, edits (bumping the version) and deletes rules', async () => {
    const admin = await company.as('admin');
    const second = await rule(company, {
      name: '兜底',
      position: 10,
      target: { type: 'fallback', userId: company.users.manager },
    });
    const first = await rule(company, {
      name: '华东',
      position: 1,
      conditions: [{ field: 'region', op: 'in', value: ['上海', '江苏'] }],
      target: { type: 'user', userId: company.users.sales1 },
    });
    expect(first.version).toBe(1);
    expect(ok(await get(base, admin)).map((r: { id: string }) => r.id)).toEqual([first.id, second.id]);
    const edited = ok(await patch(`${base}/${first.id}`, admin, { name: '华东区', version: 1 }));
    expect(edited).toMatchObject({
      name: '华东区',
      version: 2,
      target: { type: 'user', userId: company.users.sales1 },
    });
    expectError(await patch(`${base}/${first.id}`, admin, { name: 'x', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await del(`${base}/${second.id}`, admin)).status).toBe(204);
    expect(ok(await get(base, admin)).map((r: { id: string }) => r.id)).toEqual([first.id]);
    expectError(await del(`${base}/${second.id}`, admin), 404, 'NOT_FOUND');
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const admin = await company.as('admin');
    const before = ok(await get(base, admin)).length;
    expectFieldError(
      await post(base, admin, { name: 'x', target: { type: 'user', userId: newId() } }),
      'target.userId',
    );
    expectFieldError(
      await post(base, admin, { name: 'x', target: { type: 'round_robin', departmentId: newId() } }),
      'target.departmentId',
    );
    expectFieldError(
      await post(base, admin, {
        name: 'x',
        conditions: [{ field: 'password', value: 'a' }],
        target: { type: 'user', userId: company.users.sales1 },
      }),
      'conditions.0.field',
    );
    expectFieldError(
      await post(base, admin, {
        name: 'x',
        target: { type: 'least_loaded', departmentId: company.departments['销售一组'], capacity: 0 },
      }),
      'target.capacity',
    );
    expectFieldError(await post(base, admin, { target: { type: 'user', userId: company.users.sales1 } }), 'name');
    expect(ok(await get(base, admin)).length).toBe(before);
  });

  it('is admin-gated: a sales rep gets 403 MISSING_GRANT', async () => {
    const sales = await company.as('sales1');
    expectError(await get(base, sales), 403, 'MISSING_GRANT');
    expectError(
      await post(base, sales, { name: 'x', target: { type: 'user', userId: company.users.sales1 } }),
      403,
      'MISSING_GRANT',
    );
  });
});

describe('assignCustomer', () => {
  it('takes the first active matching rule in order, on region, industry, source and custom fields', async () => {
    const company = await demoCompany({ customers: 2, orders: 0 });
    await rule(company, {
      name: '制造',
      position: 1,
      conditions: [
        { field: 'industry', value: '制造业' },
        { field: 'custom.channel', value: '展会' },
      ],
      target: { type: 'user', userId: company.users.sales2 },
    });
    await rule(company, {
      name: '停用',
      position: 0,
      isActive: false,
      target: { type: 'user', userId: company.users.finance },
    });
    await rule(company, {
      name: '华东',
      position: 2,
      conditions: [
        { field: 'region', op: 'prefix', value: '华东' },
        { field: 'source', op: 'in', value: ['website', 'referral'] },
      ],
      target: { type: 'user', userId: company.users.sales1 },
    });
    const both = await customer(company, {
      industry: '制造业',
      region: '华东-上海',
      source: 'website',
      custom: JSON.stringify({ channel: '展会' }),
    });
    expect((await assign(company, both))?.ownerId).toBe(company.users.sales2);
    const east = await customer(company, { industry: '制造业', region: '华东-上海', source: 'website' });
    expect((await assign(company, east))?.ownerId).toBe(company.users.sales1);
    const none = await customer(company, { region: '华北' }, company.users.manager);
    expect(await assign(company, none)).toBeUndefined();
    expect((await ownerOf(company, none)).owner_id).toBe(company.users.manager);
  });

  it('records rule, rule version and reason; exposes them on the customer; audits; notifies through the outbox', async () => {
    const company = await demoCompany({ customers: 2, orders: 0 });
    const admin = await company.as('admin');
    const r = await rule(company, { name: '全部', target: { type: 'user', userId: company.users.sales1 } });
    ok(await patch(`${base}/${r.id}`, admin, { name: '全部客户' }));
    const id = await customer(company, {}, company.users.manager);
    const assignment = await assign(company, id);
    expect(assignment).toMatchObject({ ownerId: company.users.sales1, ruleId: r.id, ruleVersion: 2 });
    expect(await ownerOf(company, id)).toMatchObject({
      owner_id: company.users.sales1,
      assigned_by_rule_id: r.id,
      assigned_rule_version: 2,
      assignment_reason: expect.stringContaining('全部客户'),
    });
    const presented = ok(await get(`/api/v1/customers/${id}`, admin));
    expect(presented).toMatchObject({ ownerId: company.users.sales1, assignedByRuleId: r.id, assignedRuleVersion: 2 });
    expect(presented.assignmentReason).toContain('v2');
    const { audit, events } = await withTenant(await db(), company.tenantId, async (trx) => ({
      audit: await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', '=', id)
        .where('action', '=', 'assign')
        .execute(),
      events: await trx
        .selectFrom('outbox_events')
        .selectAll()
        .where('tenant_id', '=', company.tenantId)
        .where('topic', '=', ASSIGNED_TOPIC)
        .execute(),
    }));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({
      ownerId: { before: company.users.manager, after: company.users.sales1 },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ customerId: id, notifyUserId: company.users.sales1, ruleVersion: 2 });
  });

  it('round-robins a team in order, and 20 parallel assignments take 20 distinct slots (5 each of 4 reps)', async () => {
    const company = await demoCompany({ customers: 2, orders: 0 });
    const reps = await team(company, 4);
    const r = await rule(company, { name: '轮转', target: { type: 'round_robin', departmentId: reps.departmentId } });
    const sequence: string[] = [];
    for (let i = 0; i < 4; i++) sequence.push((await assign(company, await customer(company)))!.ownerId);
    expect(sequence).toEqual(reps.ids);
    const ids = await Promise.all(Array.from({ length: 20 }, () => customer(company)));
    const owners = await Promise.all(ids.map(async (id) => (await assign(company, id))!.ownerId));
    const counts = new Map<string, number>();
    for (const owner of owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual(reps.ids.map((id) => [id, 5]));
    const reasons = await withTenant(await db(), company.tenantId, (trx) =>
      trx
        .selectFrom('customers')
        .select('assignment_reason')
        .where('tenant_id', '=', company.tenantId)
        .where('assigned_by_rule_id', '=', r.id)
        .execute(),
    );
    expect(reasons).toHaveLength(24);
    expect(reasons[0]!.assignment_reason).toMatch(/round-robin \d\/4/);
  });

  it('gives the least-loaded rep under the capacity cap, then falls through to the fallback owner', async () => {
    const company = await demoCompany({ customers: 2, orders: 0 });
    const reps = await team(company, 3);
    const [a, b, c] = reps.ids as [string, string, string];
    for (let i = 0; i < 2; i++) await customer(company, {}, a);
    await customer(company, {}, b);
    await customer(company, { status: 'lost' }, c); // not an open lead
    await rule(company, {
      name: '最少',
      position: 0,
      target: { type: 'least_loaded', departmentId: reps.departmentId, capacity: 2 },
    });
    await rule(company, { name: '兜底', position: 1, target: { type: 'fallback', userId: company.users.manager } });
    const picks: string[] = [];
    for (let i = 0; i < 4; i++) picks.push((await assign(company, await customer(company)))!.ownerId);
    // loads a2 b1 c0 → c (1) → b or c at 1: b (lower id first among equals) … capacity 2 reached by all → fallback
    expect(picks.slice(0, 3).sort()).toEqual([b, c, c].sort());
    expect(picks[3]).toBe(company.users.manager);
    const fallback = await assign(company, await customer(company));
    expect(fallback?.reason).toContain('fallback owner');
  });

  it('skips a rule whose user is inactive and one whose team is empty', async () => {
    const company = await demoCompany({ customers: 2, orders: 0 });
    const empty = await team(company, 0);
    await rule(company, {
      name: '空组',
      position: 0,
      target: { type: 'round_robin', departmentId: empty.departmentId },
    });
    const r = await rule(company, {
      name: '实习',
      position: 1,
      target: { type: 'user', userId: company.users.intern },
    });
    await rule(company, { name: '兜底', position: 2, target: { type: 'fallback', userId: company.users.sales2 } });
    await withTenant(await db(), company.tenantId, (trx) =>
      trx
        .updateTable('users')
        .set({ is_active: false })
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', company.users.intern)
        .execute(),
    );
    const assignment = await assign(company, await customer(company));
    expect(assignment?.ownerId).toBe(company.users.sales2);
    expect(assignment?.ruleId).not.toBe(r.id);
  });
});
