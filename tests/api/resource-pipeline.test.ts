import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  expectSorted,
  get,
  keysOf,
  missingId,
  numeric,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';
import { listAll } from '../support/access-helpers.ts';

const opps = '/api/v1/opportunities';
const fups = '/api/v1/followups';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let manager: Headers;
let customerId: string;
let otherCustomerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2, manager] = await Promise.all([
    company.as('admin'),
    company.as('sales1'),
    company.as('sales2'),
    company.as('manager'),
  ]);
  customerId = ok(await post('/api/v1/customers', sales1, { name: '销售管道测试客户' }), 201).id;
  otherCustomerId = ok(await post('/api/v1/customers', sales1, { name: '销售管道测试另一客户' }), 201).id;
});

describe('opportunities', () => {
  it('creates with defaults, reads, updates, deletes and restores', async () => {
    const created = ok(await post(opps, sales1, { customerId, name: '年度采购项目' }), 201);
    expect(created).toMatchObject({
      customerId,
      name: '年度采购项目',
      currency: 'CNY',
      stage: 'initial',
      ownerId: company.users.sales1,
      version: 1,
    });
    expect(Number(created.amount)).toBe(0);
    const url = `${opps}/${created.id}`;
    const updated = ok(
      await patch(url, sales1, { stage: 'proposal', amount: '125000.50', expectedCloseDate: '2031-06-30', version: 1 }),
    );
    expect(updated).toMatchObject({
      stage: 'proposal',
      amount: '125000.50',
      expectedCloseDate: '2031-06-30',
      version: 2,
    });
    expect(ok(await get(url, sales1)).amount).toBe('125000.50');
    ok(await del(url, sales1));
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expect(ok(await restore(url, sales1))).toMatchObject({ id: created.id, stage: 'proposal', deletedAt: null });
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await post(opps, sales1, { name: '无客户' }), 'customerId');
    expectFieldError(await post(opps, sales1, { customerId: missingId(), name: '客户不存在' }), 'customerId');
    expectFieldError(await post(opps, sales1, { customerId, name: '负数', amount: '-5' }), 'amount');
    expectFieldError(await post(opps, sales1, { customerId, name: '三位小数', amount: '1.234' }), 'amount');
    expectFieldError(await post(opps, sales1, { customerId, name: '坏阶段', stage: 'done' }), 'stage');
    expectFieldError(await post(opps, sales1, { customerId, name: '坏币种', currency: 'RMB' }), 'currency');
    expectFieldError(
      await post(opps, sales1, { customerId, name: '坏日期', expectedCloseDate: '30/06/2031' }),
      'expectedCloseDate',
    );
    expectFieldError(await post(opps, sales1, { customerId, name: '坏自定义', custom: { x: 1 } }), 'custom.x');
  });

  it('names the field for a calendar-invalid date (2031-02-30) instead of failing in the database', async () => {
    expectFieldError(
      await post(opps, sales1, { customerId, name: '不存在的日期', expectedCloseDate: '2031-02-30' }),
      'expectedCloseDate',
    );
  });

  it('names the filter for a calendar-invalid date (2031-02-30) instead of failing in the database', async () => {
    expectFieldError(
      await get(`${opps}${qs({ filter: { expectedCloseDate: { gte: '2031-02-30' } } })}`, sales1),
      'filter.expectedCloseDate.gte',
    );
  });

  it('answers 409 VERSION_CONFLICT, 403/404 for another member, 404 for unknown ids', async () => {
    const o = ok(await post(opps, sales1, { customerId, name: '冲突商机' }), 201);
    const url = `${opps}/${o.id}`;
    ok(await patch(url, sales1, { stage: 'qualified', version: 1 }));
    expectError(await patch(url, sales1, { stage: 'won', version: 1 }), 409, 'VERSION_CONFLICT');
    // outside sales2's own_assigned scope, so not even readable: 404
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { stage: 'lost', version: 2 }), 404, 'NOT_FOUND');
    expectError(await del(url, sales2), 404, 'NOT_FOUND');
    // the owner defaults to the customer's owner (sales1): outside sales2's create scope
    const outside = await post(opps, sales2, { customerId, name: '别人客户的商机' });
    expectError(outside, 404, 'NOT_FOUND'); // a customer you cannot read is not revealed, not even by a write
    expect(outside.body.error.details).toEqual({ recordType: 'customer', id: customerId });
    // 法务 holds no opportunity grant at all: 403 naming it, for this record or any other id
    for (const target of [url, `${opps}/${missingId()}`]) {
      const res = await get(target, await company.as('legal'));
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('opportunity.read');
    }
    expect(ok(await patch(url, manager, { stage: 'proposal', version: 2 })).stage).toBe('proposal');
    expect(ok(await patch(url, admin, { stage: 'won', version: 3 })).stage).toBe('won');
    const missing = `${opps}/${missingId()}`;
    expectError(await get(missing, sales1), 404, 'NOT_FOUND');
    expectError(await patch(missing, sales1, { stage: 'won', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(missing, sales1), 404, 'NOT_FOUND');
    expectError(await restore(missing, sales1), 404, 'NOT_FOUND');
  });

  it('refuses to restore an opportunity whose customer is in the recycle bin (409 PARENT_DELETED)', async () => {
    const customer = ok(await post('/api/v1/customers', sales1, { name: '商机父记录删除测试' }), 201);
    const o = ok(await post(opps, sales1, { customerId: customer.id, name: '孤儿商机' }), 201);
    ok(await del(`${opps}/${o.id}`, sales1));
    ok(await del(`/api/v1/customers/${customer.id}`, sales1));
    const res = await restore(`${opps}/${o.id}`, sales1);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'customer', parentId: customer.id });
  });

  it('shows a rep only the opportunities they own or are assigned, the manager his department tree', async () => {
    const everything = await listAll(opps, admin);
    const mine = await listAll(opps, sales1);
    expect(mine.length).toBeGreaterThan(0);
    // no opportunity is assigned in the demo data, so own_assigned is "owned by sales1" here
    expect(mine.map((o) => o.id).sort()).toEqual(
      everything
        .filter((o) => o.ownerId === company.users.sales1)
        .map((o) => o.id)
        .sort(),
    );
    const team = new Set(['manager', 'sales1', 'sales2', 'intern'].map((u) => company.users[u as 'manager']));
    expect((await listAll(opps, manager)).map((o) => o.id).sort()).toEqual(
      everything
        .filter((o) => team.has(o.ownerId))
        .map((o) => o.id)
        .sort(),
    );
  });

  it('filters, sorts and pages (descending sort on nullable expectedCloseDate)', async () => {
    // the manager's department tree holds most of the pipeline; sales1's own slice is checked below
    const all = ok(await get(`${opps}${qs({ limit: 200 })}`, manager)) as any[];
    expect(all.length).toBeGreaterThan(10);
    const big = ok(
      await get(`${opps}${qs({ filter: { amount: { gte: 100000 } }, sort: '-amount', limit: 200 })}`, manager),
    ) as any[];
    expect(big.length).toBe(all.filter((o) => Number(o.amount) >= 100000).length);
    expectSorted(
      big.map((o) => o.amount),
      'desc',
      numeric,
    );
    const early = ok(
      await get(`${opps}${qs({ filter: { stage: { in: ['initial', 'qualified'] } }, limit: 200 })}`, manager),
    ) as any[];
    expect(early.every((o) => ['initial', 'qualified'].includes(o.stage))).toBe(true);
    const byDate = ok(await get(`${opps}${qs({ sort: '-expectedCloseDate', limit: 200 })}`, manager)) as any[];
    expectSorted(
      byDate.map((o) => o.expectedCloseDate),
      'desc',
    );
    await expectPagingMatches(opps, manager, {}, 5);
    const nullable = await expectPagingMatches(opps, manager, { sort: '-expectedCloseDate' }, 4);
    expect(nullable.rows.some((r) => r.expectedCloseDate === null)).toBe(true);
    await expectPagingMatches(opps, manager, { sort: 'amount', filter: { currency: 'CNY' } }, 3);
    // a rep's slice, scoped before paging
    const own = await expectPagingMatches(opps, sales1, { sort: '-expectedCloseDate' }, 2);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.ownerId === company.users.sales1)).toBe(true);
    expectSorted(
      own.rows.map((r) => r.expectedCloseDate),
      'desc',
    );
    const ownBig = ok(await get(`${opps}${qs({ filter: { amount: { gte: 100000 } }, limit: 200 })}`, sales1)) as any[];
    expect(ownBig.map((o) => o.id).sort()).toEqual(
      own.rows
        .filter((o) => Number(o.amount) >= 100000)
        .map((o) => o.id as string)
        .sort(),
    );
  });

  it('supports fields= and include=followups,contracts', async () => {
    const o = ok(await post(opps, sales1, { customerId, name: '包含跟进的商机' }), 201);
    const f = ok(
      await post(fups, sales1, { customerId, opportunityId: o.id, kind: 'call', content: '电话沟通需求' }),
      201,
    );
    const one = ok(await get(`${opps}/${o.id}${qs({ include: 'followups,contracts', fields: 'name,stage' })}`, sales1));
    expect(keysOf(one)).toEqual(['contracts', 'followups', 'id', 'name', 'stage']);
    expect(one.followups.map((x: any) => x.id)).toEqual([f.id]);
    expect(one.contracts).toEqual([]);
  });

  it('answers 400 for unknown filter field, bad operator, bad cursor', async () => {
    expectFieldError(await get(`${opps}${qs({ filter: { probability: 1 } })}`, sales1), 'filter.probability');
    expectFieldError(
      await get(`${opps}${qs({ filter: { amount: { contains: '1' } } })}`, sales1),
      'filter.amount.contains',
    );
    expectFieldError(await get(`${opps}${qs({ filter: { amount: 'lots' } })}`, sales1), 'filter.amount');
    expectFieldError(await get(`${opps}${qs({ filter: { stage: { in: [] } } })}`, sales1), 'filter.stage.in');
    expectFieldError(await get(`${opps}${qs({ sort: 'currency' })}`, sales1), 'sort.currency');
    expectFieldError(await get(`${opps}${qs({ cursor: Buffer.from('[]').toString('base64url') })}`, sales1), 'cursor');
  });
});

describe('followups', () => {
  it('creates (author = creator, defaults), reads, updates, deletes and restores', async () => {
    const created = ok(
      await post(fups, sales1, {
        customerId,
        kind: 'visit',
        content: '上门拜访，了解需求',
        nextStep: '发送报价',
        nextStepAt: '2031-01-05T10:00:00+08:00',
      }),
      201,
    );
    expect(created).toMatchObject({
      customerId,
      kind: 'visit',
      status: 'initial_contact',
      source: { type: 'manual', id: null },
      authorId: company.users.sales1,
      nextStepAt: '2031-01-05T02:00:00.000Z',
      version: 1,
    });
    expect(Date.now() - Date.parse(created.occurredAt)).toBeLessThan(60_000);
    const url = `${fups}/${created.id}`;
    expect(ok(await patch(url, sales1, { status: 'deep_talk', version: 1 }))).toMatchObject({
      status: 'deep_talk',
      version: 2,
    });
    expect(ok(await get(url, sales1)).content).toBe('上门拜访，了解需求');
    // no sales role may delete follow-ups (nor restore them); the admin may
    for (const headers of [sales1, manager]) {
      const res = await del(url, headers);
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('followup.delete');
    }
    ok(await del(url, admin));
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await restore(url, sales1), 403, 'MISSING_GRANT');
    expect(ok(await restore(url, admin))).toMatchObject({ id: created.id, status: 'deep_talk', deletedAt: null });
    expect(ok(await get(url, sales1)).status).toBe('deep_talk');
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await post(fups, sales1, { customerId, content: '缺类型' }), 'kind');
    expectFieldError(await post(fups, sales1, { customerId, kind: 'call', content: '' }), 'content');
    expectFieldError(await post(fups, sales1, { customerId, kind: 'fax', content: '坏类型' }), 'kind');
    expectFieldError(
      await post(fups, sales1, { customerId, kind: 'call', content: '坏时间', nextStepAt: '2031-01-05 10:00' }),
      'nextStepAt',
    );
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expectFieldError(
      await post(fups, sales1, { customerId, kind: 'call', content: '未来', occurredAt: future }),
      'occurredAt',
    );
    const foreign = ok(await post(opps, sales1, { customerId: otherCustomerId, name: '另一客户的商机' }), 201);
    expectFieldError(
      await post(fups, sales1, { customerId, opportunityId: foreign.id, kind: 'call', content: '错配商机' }),
      'opportunityId',
    );
    expectFieldError(
      await post(fups, sales1, { customerId: missingId(), kind: 'call', content: '无客户' }),
      'customerId',
    );
  });

  it("answers 409 VERSION_CONFLICT, 404/403 to a member outside the customer's scope, 404 for unknown ids", async () => {
    const f = ok(await post(fups, sales1, { customerId, kind: 'im', content: '微信沟通' }), 201);
    const url = `${fups}/${f.id}`;
    ok(await patch(url, sales1, { content: '微信沟通（已更新）', version: 1 }));
    expectError(await patch(url, sales1, { content: '过期', version: 1 }), 409, 'VERSION_CONFLICT');
    // follow-ups inherit the customer's scope: sales2 cannot see sales1's customer, so not its follow-ups
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { content: '别人的', version: 2 }), 404, 'NOT_FOUND');
    // no sales role holds followup.delete: refused before the record is looked up
    expectError(await del(url, sales2), 403, 'MISSING_GRANT');
    const outside = await post(fups, sales2, { customerId, kind: 'call', content: '越权跟进' });
    expectError(outside, 404, 'NOT_FOUND'); // a customer you cannot read is not revealed, not even by a write
    expect(outside.body.error.details).toEqual({ recordType: 'customer', id: customerId });
    // ...while the manager, whose customer scope covers it, may edit a follow-up he did not write
    expect(ok(await patch(url, manager, { nextStep: '总监补充', version: 2 }))).toMatchObject({
      nextStep: '总监补充',
      authorId: company.users.sales1,
    });
    expectError(await get(`${fups}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    expectError(await patch(`${fups}/${missingId()}`, sales1, { content: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(`${fups}/${missingId()}`, sales1), 403, 'MISSING_GRANT');
    expectError(await del(`${fups}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('refuses to restore a follow-up whose customer is in the recycle bin (409 PARENT_DELETED)', async () => {
    const customer = ok(await post('/api/v1/customers', sales1, { name: '跟进父记录删除测试' }), 201);
    const f = ok(await post(fups, sales1, { customerId: customer.id, kind: 'call', content: '孤儿跟进' }), 201);
    ok(await del(`${fups}/${f.id}`, admin));
    ok(await del(`/api/v1/customers/${customer.id}`, sales1));
    expectError(await restore(`${fups}/${f.id}`, admin), 409, 'PARENT_DELETED');
  });

  it('filters, sorts and pages (default -occurredAt, descending nullable nextStepAt)', async () => {
    const all = ok(await get(`${fups}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(10);
    // follow-ups inherit the customer's read scope, whoever wrote them
    const visibleCustomers = new Set((await listAll('/api/v1/customers', sales1)).map((c) => c.id));
    expect(all.every((f) => visibleCustomers.has(f.customerId))).toBe(true);
    expect(all.length).toBe((await listAll(fups, admin)).filter((f) => visibleCustomers.has(f.customerId)).length);
    expectSorted(
      all.map((f) => f.occurredAt),
      'desc',
    );
    const calls = ok(
      await get(`${fups}${qs({ filter: { kind: 'call', authorId: company.users.sales1 }, limit: 200 })}`, sales1),
    ) as any[];
    expect(calls.every((f) => f.kind === 'call' && f.authorId === company.users.sales1)).toBe(true);
    const cutoff = all[Math.floor(all.length / 2)].occurredAt;
    const recent = ok(
      await get(`${fups}${qs({ filter: { occurredAt: { gt: cutoff } }, limit: 200 })}`, sales1),
    ) as any[];
    expect(recent.length).toBe(all.filter((f) => Date.parse(f.occurredAt) > Date.parse(cutoff)).length);
    await expectPagingMatches(fups, sales1, {}, 7);
    const nullable = await expectPagingMatches(fups, sales1, { sort: '-nextStepAt' }, 5);
    expect(nullable.rows.some((r) => r.nextStepAt === null)).toBe(true);
    expect(nullable.rows.some((r) => r.nextStepAt !== null)).toBe(true);
    expectSorted(
      nullable.rows.map((r) => r.nextStepAt),
      'desc',
    );
  });

  it('supports fields= and include=attachments; rejects bad filters', async () => {
    const list = ok(
      await get(`${fups}${qs({ fields: 'kind,occurredAt', include: 'attachments', limit: 4 })}`, sales1),
    ) as any[];
    for (const f of list) expect(keysOf(f)).toEqual(['attachments', 'id', 'kind', 'occurredAt']);
    expectFieldError(await get(`${fups}${qs({ filter: { nextStep: 'x' } })}`, sales1), 'filter.nextStep');
    expectFieldError(
      await get(`${fups}${qs({ filter: { occurredAt: { startsWith: '2024' } } })}`, sales1),
      'filter.occurredAt.startsWith',
    );
    expectFieldError(await get(`${fups}${qs({ sort: 'content' })}`, sales1), 'sort.content');
  });
});
