import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { auditOf, expectError, inDb, post, type Headers } from './guards-support.ts';

let company: Company;
let sales1: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 5 });
  sales1 = await company.as('sales1');
  customerId = (await post('/api/v1/customers', sales1, { name: '跟进窗口测试有限公司' })).body.data.id;
});

const patch = (url: string, headers: Headers, payload: unknown) =>
  call({ method: 'PATCH', url, headers, payload: payload as never });
const get = (url: string, headers: Headers) => call({ method: 'GET', url, headers });

async function followup(headers = sales1) {
  const res = await post('/api/v1/followups', headers, { customerId, kind: 'call', content: '电话沟通报价' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; version: number };
}

const age = (id: string, hours: number) =>
  inDb(company, (trx) =>
    trx
      .updateTable('followups')
      .set({ created_at: sql`now() - make_interval(hours => ${hours})` })
      .where('id', '=', id)
      .execute(),
  );

describe('the follow-up edit window', () => {
  it('lets a fresh follow-up be edited, and answers 409 EDIT_WINDOW_CLOSED after 72 hours', async () => {
    const f = await followup();
    const fresh = await patch(`/api/v1/followups/${f.id}`, sales1, {
      content: '电话沟通报价（已更正）',
      version: f.version,
    });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);

    await age(f.id, 73);
    const closed = await patch(`/api/v1/followups/${f.id}`, sales1, {
      content: '再改一次',
      version: fresh.body.data.version,
    });
    expectError(closed, 409, 'EDIT_WINDOW_CLOSED');
    expect(closed.body.error.details).toMatchObject({
      windowHours: 72,
      how: `POST /api/v1/followups/${f.id}/amendments`,
    });
    expect(Date.parse(closed.body.error.details.createdAt)).toBeLessThan(Date.now() - 72 * 3600_000);
    expect((await get(`/api/v1/followups/${f.id}`, sales1)).body.data.content).toBe('电话沟通报价（已更正）');
    const denial = (await auditOf(company, 'user', company.users.sales1)).find((a) => a.action === 'risky.denied');
    expect(denial?.changes).toMatchObject({
      operation: { after: 'followup.update' },
      code: { after: 'EDIT_WINDOW_CLOSED' },
    });
  });

  it('follows the tenant setting followupEditWindowHours', async () => {
    const f = await followup();
    await age(f.id, 5);
    const admin = await company.as('admin');
    expect((await patch('/api/v1/tenant/settings', admin, { followupEditWindowHours: 4 })).status).toBe(200);
    try {
      const closed = await patch(`/api/v1/followups/${f.id}`, sales1, { status: 'closed', version: f.version });
      expectError(closed, 409, 'EDIT_WINDOW_CLOSED');
      expect(closed.body.error.details.windowHours).toBe(4);
    } finally {
      expect((await patch('/api/v1/tenant/settings', admin, { followupEditWindowHours: 72 })).status).toBe(200);
    }
    expect((await patch(`/api/v1/followups/${f.id}`, sales1, { status: 'closed', version: f.version })).status).toBe(
      200,
    );
  });
});

describe('amendments', () => {
  it('are appended to an old follow-up, listed oldest first, and audited', async () => {
    const f = await followup();
    await age(f.id, 100);
    const first = await post(`/api/v1/followups/${f.id}/amendments`, sales1, {
      content: '更正：报价为 12 万，不是 21 万',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data).toMatchObject({
      followupId: f.id,
      content: '更正：报价为 12 万，不是 21 万',
      authorId: company.users.sales1,
      authorName: '李娜',
    });
    // the manager may update follow-ups in his department tree, so he may amend too
    const second = await post(`/api/v1/followups/${f.id}/amendments`, await company.as('manager'), {
      content: '补充：客户要求月底前回复',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);

    const list = await get(`/api/v1/followups/${f.id}/amendments`, sales1);
    expect(list.status).toBe(200);
    expect((list.body.data as any[]).map((a) => a.content)).toEqual([
      '更正：报价为 12 万，不是 21 万',
      '补充：客户要求月底前回复',
    ]);
    expect((await get(`/api/v1/followups/${f.id}`, sales1)).body.data.content).toBe('电话沟通报价');

    const audit = (await auditOf(company, 'followup', f.id)).filter((a) => a.action === 'amend');
    expect(audit.map((a) => a.actorId)).toEqual([company.users.sales1, company.users.manager]);
    expect(audit[0]!.changes.amendment!.after.content).toBe('更正：报价为 12 万，不是 21 万');
  });

  it('are for those who can read the follow-up and are its author or may update it', async () => {
    const f = await followup();
    // sales2 cannot see sales1's customer: the follow-up does not exist for her
    expectError(
      await post(`/api/v1/followups/${f.id}/amendments`, await company.as('sales2'), { content: '越权' }),
      404,
      'NOT_FOUND',
    );
    expectError(await get(`/api/v1/followups/${f.id}/amendments`, await company.as('sales2')), 404, 'NOT_FOUND');
    expectError(
      await post(`/api/v1/followups/${f.id}/amendments`, sales1, { content: '  ' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await post(`/api/v1/followups/${crypto.randomUUID()}/amendments`, sales1, { content: '不存在' }),
      404,
      'NOT_FOUND',
    );
  });
});
