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
    const created = await call({ method: 'POST', url: '/api/v1/customers', headers: sales1, payload: { name: '苏州测试精密机械有限公司', mainPhone: '138 0013 8000', level: 'A', tags: ['重点'] } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: '苏州测试精密机械有限公司', mainPhone: '138 0013 8000', level: 'A', ownerId: company.users.sales1, version: 1, tags: ['重点'] });
    const id = created.body.data.id as string;

    const read = await call({ method: 'GET', url: `/api/v1/customers/${id}`, headers: sales1 });
    expect(read.status).toBe(200);
    expect(read.body.data.name).toBe('苏州测试精密机械有限公司');

    const updated = await call({ method: 'PATCH', url: `/api/v1/customers/${id}`, headers: sales1, payload: { level: 'B', version: 1 } });
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
