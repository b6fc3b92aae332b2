import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Company } from '../support/test-app.ts';
import { applyBatch, storeIntake, webhookChannelWorld } from '../support/webhook-channel.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';
import type { Database } from '../../server/db/database.ts';

/**
 * The new customers of a set-based batch are written together (create-many.ts): one insert for
 * the rows, one statement for their audit entries and `created` events, then each one's
 * assignment on the row as inserted. Each customer must end up exactly as if created alone.
 */
let company: Company;
let admin: Headers;
let database: Database;
let secret: string;
let teamMembers: string[];

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'phone', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  { source: 'from', target: 'source', transforms: [{ op: 'emptyToNull' }] },
  { source: 'lead_id', target: 'externalId', transforms: [{ op: 'emptyToNull' }] },
];

const status = async (id: string) => ok(await get(`/api/v1/intake/${id}`, admin));
const batch = (ids: string[]) => applyBatch(database, company.tenantId, ids);
const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, company.tenantId, fn);

beforeAll(async () => {
  ({ database, company, admin, secret } = await webhookChannelWorld({
    customers: 2,
    key: 'bulk-form',
    name: '批量建档表单',
    mapping,
  }));
  const departments = ok(await get('/api/v1/departments?limit=100', admin)) as Array<{ id: string; name: string }>;
  const team = departments.find((d) => d.name === '销售一组')!;
  teamMembers = (
    await inTenant((trx) =>
      trx
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('department_id', '=', team.id)
        .where('is_active', '=', true)
        .where('is_service', '=', false)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute(),
    )
  ).map((u) => u.id);
  expect(teamMembers.length).toBeGreaterThan(1);
  for (const rule of [
    {
      name: '官网线索轮转',
      position: 0,
      conditions: [{ field: 'source', op: 'in', value: ['website'] }],
      target: { type: 'round_robin', departmentId: team.id },
    },
    { name: '其余线索交总监', position: 1, target: { type: 'fallback', userId: company.users.manager } },
  ])
    ok(await post('/api/v1/assignment-rules', admin, rule), 201);
});

describe('new customers written together by a batch', () => {
  it('audits, announces and assigns each one as if created alone (round robin in consecutive slots)', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => ({
      company: `整批建档${String(i).padStart(2, '0')}有限公司`,
      phone: `1390030${String(i).padStart(4, '0')}`,
      from: i % 2 === 0 ? 'website' : 'referral',
      lead_id: `BULK-${i}`,
    }));
    const ids = await storeIntake('bulk-form', secret, payloads);
    expect((await batch(ids)).map((o) => o.kind)).toEqual(ids.map(() => 'applied'));

    const customers = await inTenant((trx) =>
      trx
        .selectFrom('customers')
        .select(['id', 'name', 'owner_id', 'main_phone', 'assigned_by_rule_id', 'assignment_reason', 'version'])
        .where('tenant_id', '=', company.tenantId)
        .where('name', 'like', '整批建档%')
        .orderBy('name')
        .execute(),
    );
    expect(customers.map((c) => c.name)).toEqual(payloads.map((p) => p.company));
    for (const [i, id] of ids.entries())
      expect(await status(id)).toMatchObject({ status: 'created', recordId: customers[i]!.id });
    expect(customers[0]).toMatchObject({ main_phone: '+8613900300000' });

    // website leads take the team's slots one after the other; the rest go to the fallback
    const website = customers.filter((_, i) => i % 2 === 0);
    const slots = website.map((c) => teamMembers.indexOf(c.owner_id!));
    expect(slots.every((s) => s >= 0)).toBe(true);
    for (let i = 1; i < slots.length; i++) expect(slots[i]).toBe((slots[i - 1]! + 1) % teamMembers.length);
    expect(website.every((c) => /round-robin/.test(c.assignment_reason ?? ''))).toBe(true);
    expect(customers.filter((_, i) => i % 2 === 1).every((c) => c.owner_id === company.users.manager)).toBe(true);
    expect(customers.every((c) => c.assigned_by_rule_id !== null && c.version === 2)).toBe(true);

    const recordIds = customers.map((c) => c.id);
    const audit = await inTenant((trx) =>
      trx
        .selectFrom('audit_log')
        .select(['record_id', 'action', 'changes'])
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', 'in', recordIds)
        .execute(),
    );
    for (const customer of customers) {
      const actions = audit.filter((a) => a.record_id === customer.id).map((a) => a.action);
      expect(actions.sort()).toEqual(['assign', 'create']);
    }
    const created = audit.find((a) => a.record_id === customers[0]!.id && a.action === 'create')!;
    expect(created.changes).toMatchObject({ name: { after: customers[0]!.name } });

    const events = await inTenant((trx) =>
      trx.selectFrom('outbox_events').select(['topic', 'payload']).where('tenant_id', '=', company.tenantId).execute(),
    );
    const about = (topic: string, key: string) =>
      events
        .filter((e) => e.topic === topic)
        .map((e) => (e.payload as Record<string, string>)[key])
        .filter((id) => recordIds.includes(id!));
    expect(about('customer.created', 'id').sort()).toEqual([...recordIds].sort());
    expect(about('customer.assigned', 'customerId').sort()).toEqual([...recordIds].sort());
    expect(about('intake.applied', 'recordId').sort()).toEqual([...recordIds].sort());
  });

  it('with a least-loaded rule each customer is placed on its own, counting the ones placed before it', async () => {
    const departments = ok(await get('/api/v1/departments?limit=100', admin)) as Array<{ id: string; name: string }>;
    const rule = ok(
      await post('/api/v1/assignment-rules', admin, {
        name: '伙伴线索均衡',
        position: 0,
        conditions: [{ field: 'source', op: 'eq', value: 'partner' }],
        target: { type: 'least_loaded', departmentId: departments.find((d) => d.name === '销售一组')!.id },
      }),
      201,
    );
    const ids = await storeIntake(
      'bulk-form',
      secret,
      Array.from({ length: 4 }, (_, i) => ({ company: `整批均衡${i}有限公司`, from: 'partner', lead_id: `LL-${i}` })),
    );
    expect((await batch(ids)).map((o) => o.kind)).toEqual(ids.map(() => 'applied'));
    const placed = await inTenant((trx) =>
      trx
        .selectFrom('customers')
        .select(['owner_id', 'assigned_by_rule_id', 'assignment_reason'])
        .where('tenant_id', '=', company.tenantId)
        .where('name', 'like', '整批均衡%')
        .execute(),
    );
    expect(placed).toHaveLength(4);
    expect(placed.every((c) => c.assigned_by_rule_id === rule.id && /least loaded/.test(c.assignment_reason!))).toBe(
      true,
    );
    // each one counts the ones placed before it: not all four on whoever was least loaded at first
    expect(placed.every((c) => teamMembers.includes(c.owner_id!))).toBe(true);
    expect(new Set(placed.map((c) => c.owner_id)).size).toBeGreaterThan(1);
    expect((await call({ method: 'DELETE', url: `/api/v1/assignment-rules/${rule.id}`, headers: admin })).status).toBe(
      204,
    );
  });

  it('a new customer the unique indexes refuse sends the batch one by one: the others land, it is named', async () => {
    // this channel matches by its own external ids only, so a taken name reaches the insert
    const channel = await post('/api/v1/channels', admin, {
      key: 'bulk-by-id',
      name: '按编号建档',
      kind: 'webhook',
      serviceUserId: company.users.admin,
      mapping,
      matchOrder: ['externalId'],
      retryLimit: 0,
    });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    ok(await post('/api/v1/customers', admin, { name: '整批已占名有限公司' }), 201);
    const ids = await storeIntake('bulk-by-id', channel.body.secret as string, [
      { company: '整批新名甲有限公司', lead_id: 'ID-1' },
      { company: '整批已占名有限公司', lead_id: 'ID-2' },
      { company: '整批新名乙有限公司', lead_id: 'ID-3' },
    ]);
    expect((await batch(ids)).map((o) => o.kind)).toEqual(['applied', 'failed', 'applied']);
    expect(await status(ids[0]!)).toMatchObject({ status: 'created' });
    expect(await status(ids[1]!)).toMatchObject({ status: 'dead', reason: 'conflict' });
    const dead = ok(await get(`/api/v1/dead-letters?channelId=${channel.body.data.id}`, admin));
    expect(dead.map((d: { id: string }) => d.id)).toEqual([ids[1]]);
    expect(dead[0].lastError).toBe('a customer with the same name already exists: 整批已占名有限公司');
    expect(await status(ids[2]!)).toMatchObject({ status: 'created' });
  });
});
