import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';

let company: Company;

beforeAll(async () => {
  company = await demoCompany({ customers: 5, orders: 5 });
});

const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
  call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, tenant: company.slug },
    remoteAddress,
  });

describe('auth', () => {
  it('signs in, reads /me, signs out and the token stops working', async () => {
    const res = await login('manager', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'manager', role: 'member', tenantId: company.tenantId });
    const headers = { authorization: `Bearer ${res.body.token}` };
    const me = await call({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.body.data).toMatchObject({ id: company.users.manager, username: 'manager' });
    expect((await call({ method: 'POST', url: '/api/v1/auth/logout', headers })).status).toBe(204);
    const after = await call({ method: 'GET', url: '/api/v1/me', headers });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it("/me reports the caller's effective function and system permissions", async () => {
    const me = async (username: string) => {
      const token = (await login(username, DEMO_PASSWORD, '10.0.0.7')).body.token as string;
      const res = await call({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return res.body.data.permissions as { functions: Record<string, string[]>; system: string[] };
    };
    const admin = await me('admin');
    expect(admin.system).toEqual(expect.arrayContaining(['manageRoles', 'manageUsers', 'viewAudit']));
    expect(admin.functions.customer).toEqual(['create', 'read', 'update', 'delete', 'export', 'import']);
    const sales = await me('sales1');
    expect(sales.system).not.toContain('manageRoles');
    expect(sales.functions.customer).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    expect(sales.functions.role).toBeUndefined();
    const legal = await me('legal');
    expect(legal.system).toContain('approveContractDeletion');
    expect(legal.system).not.toContain('manageRoles');
  });

  it('rejects wrong passwords without telling which part was wrong, and rate-limits repeated failures', async () => {
    const wrong = await login('finance', 'not-the-password', '10.9.9.9');
    expect(wrong.status).toBe(401);
    const unknown = await login('nobody-here', 'whatever', '10.9.9.9');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    for (let i = 0; i < 4; i++) await login('finance', 'still-wrong', '10.9.9.9');
    const limited = await login('finance', DEMO_PASSWORD, '10.9.9.9');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('answers 401 without a token or with a forged one', async () => {
    expect((await call({ method: 'GET', url: '/api/v1/customers' })).status).toBe(401);
    const forged = `cs_${company.tenantId.replace(/-/g, '')}_${'A'.repeat(43)}`;
    expect(
      (await call({ method: 'GET', url: '/api/v1/customers', headers: { authorization: `Bearer ${forged}` } })).status,
    ).toBe(401);
    expect(
      (await call({ method: 'GET', url: '/api/v1/customers', headers: { authorization: 'Bearer nonsense' } })).status,
    ).toBe(401);
  });

  it('issues API keys to administrators; the key works as a bearer token until revoked', async () => {
    const admin = await company.as('admin');
    const sales1 = await company.as('sales1');
    const refused = await call({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: sales1,
      payload: { name: '官网表单' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'MISSING_GRANT', details: { missing: 'manageIntegrations' } });
    const created = await call({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: '官网表单' },
    });
    expect(created.status).toBe(201);
    const keyHeaders = { authorization: `Bearer ${created.body.key}` };
    const me = await call({ method: 'GET', url: '/api/v1/me', headers: keyHeaders });
    expect(me.status).toBe(200);
    expect(me.body.data.id).toBe(created.body.data.userId);
    expect(me.body.data.permissions).toEqual({ functions: {}, system: [] });
    // the key's service user holds no role yet: it is authenticated, but granted nothing on customers
    const list = await call({ method: 'GET', url: '/api/v1/customers?limit=1', headers: keyHeaders });
    expect(list.status).toBe(403);
    expect(list.body.error).toMatchObject({ code: 'MISSING_GRANT', details: { missing: 'customer.read' } });
    // what every signed-in user may read, it reads
    const departments = await call({ method: 'GET', url: '/api/v1/departments?limit=1', headers: keyHeaders });
    expect(departments.status).toBe(200);
    expect(departments.body.data).toHaveLength(1);
    const keys = await call({ method: 'GET', url: '/api/v1/api-keys', headers: admin });
    expect(JSON.stringify(keys.body)).not.toContain(created.body.key);
    expect(
      (await call({ method: 'DELETE', url: `/api/v1/api-keys/${created.body.data.id}`, headers: admin })).status,
    ).toBe(204);
    expect((await call({ method: 'GET', url: '/api/v1/customers?limit=1', headers: keyHeaders })).status).toBe(401);
    expect((await call({ method: 'GET', url: '/api/v1/departments?limit=1', headers: keyHeaders })).status).toBe(401);
  });

  it('reports health without authentication', async () => {
    const res = await call({ method: 'GET', url: '/api/health' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { ok: true }, version: expect.any(String) });
  });
});
