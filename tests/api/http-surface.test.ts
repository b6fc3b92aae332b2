import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/config.ts';
import { buildApp, API_VERSION } from '../../server/http/app.ts';
import { parseToken } from '../../server/auth/tokens.ts';
import { inlineScriptHashes } from '../../server/http/security-headers.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
const extraApps: FastifyInstance[] = [];

beforeAll(async () => {
  company = await demoCompany({ customers: 2, orders: 1 });
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
});

/** An app over the shared test database with some settings from the environment. */
async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const database = await testDatabase();
  const storage = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-surface-')));
  const app = await buildApp(
    { config: loadConfig(env), database, storage, version: API_VERSION, queueHealth: async () => ({ ok: true }) },
    { logger: false },
  );
  await app.ready();
  extraApps.push(app);
  return app;
}

const webLogin = async (username = 'sales1') => {
  const res = await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD, tenant: company.slug },
  });
  expect(res.status).toBe(200);
  const cookies = Object.fromEntries(res.res.cookies.map((c) => [c.name, c]));
  return {
    res,
    cookies,
    cookieHeader: `cairn_session=${cookies.cairn_session!.value}; cairn_csrf=${cookies.cairn_csrf!.value}`,
  };
};

describe('security headers', () => {
  it('API and HTML responses carry a CSP without unsafe-inline scripts, frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const url of ['/api/health', '/', '/customers']) {
      const res = await call({ method: 'GET', url });
      const csp = String(res.res.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, url).toContain("'self'");
      expect(scriptSrc, url).not.toContain('unsafe-inline');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    }
  });

  it("hashes the page's inline boot script, so exactly that script may run", () => {
    const html = '<head><script>console.log(1)</script><script type="module" src="/assets/app.js"></script></head>';
    expect(inlineScriptHashes(html)).toEqual(["'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"]);
  });

  it('frame-ancestors follows CAIRN_FRAME_ANCESTORS', async () => {
    const app = await appWith({ CAIRN_FRAME_ANCESTORS: 'https://work.weixin.qq.com https://*.qq.com' });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(String(res.headers['content-security-policy'])).toContain(
      'frame-ancestors https://work.weixin.qq.com https://*.qq.com',
    );
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('the API docs page loads its scripts from this origin, within the policy', async () => {
    const res = await call({ method: 'GET', url: '/api/docs/' });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-security-policy']).toBeDefined();
    expect(inlineScriptHashes(String(res.body))).toEqual([]);
  });
});

describe('/metrics', () => {
  it('is not public by default', async () => {
    const res = await call({ method: 'GET', url: '/metrics' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('with CAIRN_METRICS_TOKEN, answers only the bearer of that token', async () => {
    const app = await appWith({ CAIRN_METRICS_TOKEN: 'metrics-secret-123' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = { authorization: 'Bearer metrics-secret-124' };
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: wrong })).statusCode).toBe(401);
    const ok = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-secret-123' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('cairn_http_request_duration_seconds');
  });

  it('with CAIRN_METRICS_PORT, is served on its own listener and not on the main port', async () => {
    const app = await appWith({ CAIRN_METRICS_PORT: '0' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const address = app.metricsAddress!;
    expect(address.address).toBe('127.0.0.1');
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: address.port, path: '/metrics' }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        })
        .on('error', reject);
    });
    expect(body.status).toBe(200);
    expect(body.text).toContain('process_cpu_user_seconds_total');
  });
});

describe('request ids', () => {
  it('keeps a short plain client id, replaces a hostile one, and the hostile one never reaches the audit', async () => {
    const plain = await call({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace:abc-123.4_5' } });
    expect(plain.res.headers['x-request-id']).toBe('trace:abc-123.4_5');
    const hostile = ['<script>alert(1)</script>', 'a'.repeat(65), "x' or 1=1 --", 'line\tbreak'];
    for (const value of hostile) {
      const res = await call({ method: 'GET', url: '/api/health', headers: { 'x-request-id': value } });
      expect(res.res.headers['x-request-id']).not.toBe(value);
      expect(String(res.res.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    }
    const admin = await company.as('admin');
    const created = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...admin, 'x-request-id': '<img src=x onerror=alert(1)>' },
      payload: { name: `请求编号测试 ${Date.now()}` },
    });
    expect(created.status).toBe(201);
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=customer&recordId=${created.body.data.id}`,
      headers: admin,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.data[0].requestId).toBe(created.res.headers['x-request-id']);
    expect(JSON.stringify(audit.body)).not.toContain('onerror');
  });
});

describe('forwarded addresses', () => {
  it('are believed only from a proxy listed in CAIRN_TRUST_PROXY', async () => {
    const app = await appWith({ CAIRN_TRUST_PROXY: '10.77.0.0/16' });
    const signIn = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'finance', password: DEMO_PASSWORD, tenant: company.slug },
        remoteAddress,
        headers: { 'x-forwarded-for': '198.51.100.23' },
      });
    const viaProxy = await signIn('10.77.0.5');
    const direct = await signIn('10.88.0.5');
    expect([viaProxy.statusCode, direct.statusCode]).toEqual([200, 200]);
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=user&recordId=${company.users.finance}`,
      headers: await company.as('admin'),
    });
    const ips = audit.body.data
      .filter((e: { action: string }) => e.action === 'login')
      .map((e: { ip: string }) => e.ip);
    expect(ips).toEqual(expect.arrayContaining(['198.51.100.23', '10.88.0.5']));
    expect(ips).not.toContain('10.77.0.5');
  });
});

describe('web session cookie', () => {
  it('signing in sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie; Secure only over TLS', async () => {
    const { cookies } = await webLogin();
    expect(cookies.cairn_session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookies.cairn_session!.secure).toBeFalsy();
    expect(cookies.cairn_csrf!.httpOnly).toBeFalsy();
    const app = await appWith({ CAIRN_TRUST_PROXY: '10.77.0.1' });
    const overTls = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sales1', password: DEMO_PASSWORD, tenant: company.slug },
      remoteAddress: '10.77.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overTls.cookies.find((c) => c.name === 'cairn_session')).toMatchObject({ secure: true, httpOnly: true });
  });

  it('the cookie authenticates plain navigations and reads; unsafe methods need the CSRF header', async () => {
    const { cookies, cookieHeader } = await webLogin();
    const me = await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieHeader } });
    expect(me.status).toBe(200);
    expect(me.body.data.username).toBe('sales1');
    const payload = { name: `CSRF 测试 ${Date.now()}` };
    const missing = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: cookieHeader },
      payload,
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_FAILED');
    const forged = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: cookieHeader, 'x-csrf-token': 'A'.repeat(43) },
      payload,
    });
    expect(forged.body.error.code).toBe('CSRF_FAILED');
    // a CSRF value from another session does not fit this one
    const other = await webLogin('sales2');
    const mixed = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: {
        cookie: `cairn_session=${cookies.cairn_session!.value}; cairn_csrf=${other.cookies.cairn_csrf!.value}`,
        'x-csrf-token': other.cookies.cairn_csrf!.value,
      },
      payload,
    });
    expect(mixed.body.error.code).toBe('CSRF_FAILED');
    const ok = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie: cookieHeader, 'x-csrf-token': cookies.cairn_csrf!.value },
      payload,
    });
    expect(ok.status).toBe(201);
  });

  it('bearer tokens and API keys need no CSRF header', async () => {
    const admin = await company.as('admin');
    const res = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: admin,
      payload: { name: `Bearer 测试 ${Date.now()}` },
    });
    expect(res.status).toBe(201);
  });

  it('an API key in the session cookie is refused', async () => {
    const admin = await company.as('admin');
    const key = await call({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'cookie-key' },
    });
    expect(key.status).toBe(201);
    const res = await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: `cairn_session=${key.body.key}` } });
    expect(res.status).toBe(401);
  });

  it('logout deletes the session and clears the cookies', async () => {
    const { cookies, cookieHeader } = await webLogin();
    const out = await call({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: cookieHeader, 'x-csrf-token': cookies.cairn_csrf!.value },
    });
    expect(out.status).toBe(204);
    const cleared = Object.fromEntries(out.res.cookies.map((c) => [c.name, c]));
    expect(cleared.cairn_session!.value).toBe('');
    expect(cleared.cairn_csrf!.value).toBe('');
    expect((await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookieHeader } })).status).toBe(401);
    const database = await testDatabase();
    const left = await database.owner
      .selectFrom('sessions')
      .select('id')
      .where('tenant_id', '=', company.tenantId)
      .where('token_hash', '=', parseToken(cookies.cairn_session!.value)!.secretHash)
      .execute();
    expect(left).toEqual([]);
  });
});
