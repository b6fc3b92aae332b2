import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { auditOf, expectError, type Headers } from './guards-support.ts';

let company: Company;
let admin: Headers;
let sales1: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 5, orders: 0 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
});

const customers = (headers: Headers, client?: string) =>
  call({
    method: 'GET',
    url: '/api/v1/customers?limit=1',
    headers: client ? { ...headers, 'x-cairn-client': client } : headers,
  });
const setMinimum = (headers: Headers, minClientVersion: unknown) =>
  call({ method: 'PATCH', url: '/api/v1/tenant', headers, payload: { minClientVersion } as never });

describe('forced client upgrade (x-min-client, 426)', () => {
  it('sends x-min-client on every API answer, signed in or not, errors included', async () => {
    expect((await customers(sales1)).res.headers['x-min-client']).toBe('0.0.0');
    const anonymous = await call({ method: 'GET', url: '/api/v1/customers' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.res.headers['x-min-client']).toBe('0.0.0');
  });

  it('refuses an app older than the company minimum with 426, and serves equal or newer apps and API clients', async () => {
    const set = await setMinimum(admin, '2.3.0');
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.data.settings.minClientVersion).toBe('2.3.0');

    const old = await customers(sales1, '2.2.9');
    expectError(old, 426, 'CLIENT_UPGRADE_REQUIRED');
    expect(old.body.error.details).toEqual({ clientVersion: '2.2.9', minClientVersion: '2.3.0' });
    expect(old.res.headers['x-min-client']).toBe('2.3.0');

    // a write from an old app is refused before anything is written
    const write = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...sales1, 'x-cairn-client': '1.0.0' },
      payload: { name: '旧版本客户端写入' },
    });
    expectError(write, 426, 'CLIENT_UPGRADE_REQUIRED');
    const listed = await call({ method: 'GET', url: '/api/v1/customers?q=旧版本客户端写入', headers: admin });
    expect(listed.body.data).toEqual([]);

    for (const version of ['2.3.0', '2.10.0', '3.0.0']) {
      const ok = await customers(sales1, version);
      expect(ok.status, version).toBe(200);
      expect(ok.res.headers['x-min-client']).toBe('2.3.0');
    }
    // API clients and scripts send no app version and are served
    expect((await customers(sales1)).status).toBe(200);
  });

  it('answers 400 naming the header for a malformed app version', async () => {
    const res = await customers(sales1, 'latest');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.fields[0].path).toBe('headers.x-cairn-client');
  });

  it('lets only administrators set the minimum, validates it, and audits the change', async () => {
    expectError(await setMinimum(sales1, '9.0.0'), 403, 'MISSING_GRANT');
    const bad = await setMinimum(admin, '2.3');
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.body.error.details)).toContain('minClientVersion');

    expect((await setMinimum(admin, '2.4.1')).status).toBe(200);
    const audit = await auditOf(company, 'tenant', company.tenantId);
    const change = audit.find((row: any) => JSON.stringify(row.changes ?? {}).includes('2.4.1'));
    expect(change, JSON.stringify(audit)).toBeTruthy();
    expect(JSON.stringify(change?.changes)).toContain('2.3.0');

    // back to no minimum, for the other tests of this company
    expect((await setMinimum(admin, '0.0.0')).status).toBe(200);
    expect((await customers(sales1, '0.0.1')).status).toBe(200);
  });
});
