import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';

let company: Company;
let sales1: Record<string, string>;

beforeAll(async () => {
  company = await demoCompany();
  sales1 = await company.as('sales1');
});

describe('customers', () => {
  it('creates, reads, updates, deletes and restores a customer', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: sales1,
      payload: { name: '苏州测试精密机械有限公司', mainPhone: '138 0013 8000', level: 'A', tags: ['重点'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: '苏州测试精密机械有限公司',
      mainPhone: '138 0013 8000',
      level: 'A',
      ownerId: company.users.sales1,
      version: 1,
      tags: ['重点'],
    });
    const id = created.body.data.id as string;

    const read = await call({ method: 'GET', url: `/api/v1/customers/${id}`, headers: sales1 });
    expect(read.status).toBe(200);
    expect(read.body.data.name).toBe('苏州测试精密机械有限公司');

    const updated = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: sales1,
      payload: { level: 'B', version: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ level: 'B', version: 2 });

    const deleted = await call({ method: 'DELETE', url: `/api/v1/customers/${id}`, headers: sales1 });
    expect(deleted.status).toBe(200);
    expect((await call({ method: 'GET', url: `/api/v1/customers/${id}`, headers: sales1 })).status).toBe(404);

    const restored = await call({ method: 'POST', url: `/api/v1/customers/${id}/restore`, headers: sales1 });
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ id, level: 'B', deletedAt: null });
  });
});

describe('derived fields', () => {
  it('serves lastFollowupAt through fields= (the phone lite view) and it follows new follow-ups', async () => {
    const customer = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: sales1,
        payload: { name: '最近跟进测试有限公司' },
      })
    ).body.data;
    const before = await call({
      method: 'GET',
      url: `/api/v1/customers/${customer.id}?fields=name,lastFollowupAt`,
      headers: sales1,
    });
    expect(before.body.data).toEqual({ id: customer.id, name: '最近跟进测试有限公司', lastFollowupAt: null });
    const occurredAt = '2026-11-20T08:30:00.000Z';
    await call({
      method: 'POST',
      url: '/api/v1/followups',
      headers: sales1,
      payload: { customerId: customer.id, kind: 'call', content: '电话沟通', occurredAt },
    });
    const after = await call({
      method: 'GET',
      url: `/api/v1/customers/${customer.id}?fields=name,lastFollowupAt`,
      headers: sales1,
    });
    expect(after.body.data.lastFollowupAt).toBe(occurredAt);
  });
});
