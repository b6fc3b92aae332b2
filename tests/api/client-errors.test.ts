import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { expectError, inDb, login, type Headers } from './guards-support.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { PER_REPORTER_PER_MINUTE } from '../../server/client-telemetry/client-error-routes.ts';

const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1';
const CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36';

let company: Company;
let admin: Headers;
let sales1: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
});

const report = (headers: Headers, payload: Record<string, unknown>, userAgent = SAFARI) =>
  call({
    method: 'POST',
    url: '/api/v1/client-errors',
    headers: { ...headers, 'user-agent': userAgent },
    payload: payload as never,
  });
const safariCase = {
  kind: 'save_failed',
  errorName: 'InvalidStateError',
  message: "Failed to execute 'transaction' on 'IDBDatabase' while saving 13800138000",
  appVersion: '1.4.2',
  route: '/customers/new?phone=13800138000',
  screen: '客户新建',
};
const groups = async (headers: Headers) => {
  const res = await call({ method: 'GET', url: '/api/v1/client-errors/groups?days=1', headers });
  return res;
};

describe('client error telemetry', () => {
  it('accepts a report with 202 and groups it the way support reads it, without personal data', async () => {
    for (let i = 0; i < 3; i++) expect((await report(sales1, safariCase)).status).toBe(202);
    expect((await report(sales1, { ...safariCase, appVersion: '1.4.3' })).status).toBe(202);
    expect((await report(sales1, safariCase, CHROME)).status).toBe(202);
    expect((await report(sales1, { ...safariCase, errorName: 'TypeError', kind: 'uncaught' })).status).toBe(202);

    const res = await groups(admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const safari = res.body.data.find((g: any) => g.line === 'Safari 17.3.1 · InvalidStateError · 客户新建');
    expect(safari, JSON.stringify(res.body.data)).toMatchObject({
      count: 4,
      browser: 'Safari 17.3.1',
      os: 'iOS 17.3.1',
      appVersions: ['1.4.2', '1.4.3'],
      kinds: ['save_failed'],
      route: '/customers/new',
    });
    expect(safari.sampleMessage).not.toContain('13800138000');
    expect(res.body.data.map((g: any) => g.line).sort()).toEqual(
      [
        'Chrome 124.0.6367.82 · InvalidStateError · 客户新建',
        'Safari 17.3.1 · InvalidStateError · 客户新建',
        'Safari 17.3.1 · TypeError · 客户新建',
      ].sort(),
    );
    const stored = await inDb(company, (trx) => trx.selectFrom('client_errors').selectAll().execute());
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    expect(JSON.stringify(stored)).not.toContain(company.users.sales1);
  });

  it('shows the groups only to those who may read the audit trail', async () => {
    expectError(await groups(sales1), 403, 'MISSING_GRANT');
    expectError(await call({ method: 'GET', url: '/api/v1/client-errors/groups' }), 401, 'UNAUTHENTICATED');
  });

  it('refuses bad reports with 400 naming the field, and stores nothing', async () => {
    const before = await inDb(company, (trx) =>
      trx
        .selectFrom('client_errors')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const noName = await report(sales1, { ...safariCase, errorName: '' });
    expectError(noName, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(noName.body.error.details)).toContain('errorName');
    expectError(await report(sales1, { ...safariCase, kind: 'boom' }), 400, 'VALIDATION_FAILED');
    expectError(await report(sales1, { ...safariCase, userId: 'x' }), 400, 'VALIDATION_FAILED');
    const after = await inDb(company, (trx) =>
      trx
        .selectFrom('client_errors')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('rate-limits one session with 429, while another session still reports', async () => {
    const session = await login(company, 'sales2', DEMO_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i <= PER_REPORTER_PER_MINUTE; i++) statuses.push((await report(session, safariCase)).status);
    expect(statuses.slice(0, PER_REPORTER_PER_MINUTE).every((s) => s === 202)).toBe(true);
    const refused = await report(session, safariCase);
    expectError(refused, 429, 'RATE_LIMITED');
    expect(refused.body.error.details.retryAfterSeconds).toBe(60);
    expect((await report(admin, safariCase)).status).toBe(202);
  });
});
