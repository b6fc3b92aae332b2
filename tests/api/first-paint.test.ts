import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { API_VERSION, buildApp } from '../../server/http/app.ts';
import { inlineScriptHashes } from '../../server/http/security-headers.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { demoCompany, type Company, type DemoUser } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { get, ok, patch, qs } from '../support/resource-helpers.ts';
import { PHONE, REGION, withSalesRepFieldRules } from '../support/field-rule-setup.ts';

// The built app's index.html as far as the server cares: the boot script inline (by hash in the CSP), #root's spinner.
const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <script>window.__boot = 1;</script>
    <title>Cairn CRM</title>
    <link rel="stylesheet" crossorigin href="/assets/index-test.css">
  </head>
  <body>
    <div id="root">
      <div class="page-loading" role="status"><span class="page-loading__spinner" aria-hidden="true"></span></div>
    </div>
    <noscript>Cairn 需要启用 JavaScript。</noscript>
    <script type="module" src="/assets/app.js"></script>
  </body>
</html>
`;

const STYLESHEET = '.lite-fields__item{display:flex;gap:8px}';

let app: FastifyInstance;
let company: Company;
let customerId: string;
const sessions = new Map<DemoUser, string>();

async function sessionCookie(user: DemoUser) {
  let token = sessions.get(user);
  if (!token) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user, password: DEMO_PASSWORD, tenant: company.slug },
    });
    expect(res.statusCode, res.body).toBe(200);
    token = (res.json() as { token: string }).token;
    sessions.set(user, token);
  }
  return `cairn_session=${token}; cairn_csrf=x`;
}

const page = async (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-first-paint-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-test.css'), STYLESHEET);
  const database = await testDatabase();
  const storage = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-first-paint-files-')));
  app = await buildApp(
    { config: loadConfig({}), database, storage, version: API_VERSION, queueHealth: async () => ({ ok: true }) },
    { logger: false, webRoot },
  );
  await app.ready();
  company = await demoCompany({ customers: 8, orders: 0 });
  customerId = await withSalesRepFieldRules(company);
  const admin = await company.as('admin');
  // region (hidden for 销售代表) joins the lite fields; mainPhone is masked for them
  ok(
    await patch('/api/v1/tenant/settings', admin, { liteFields: ['name', 'ownerId', 'mainPhone', 'level', 'region'] }),
  );
  const current = ok(await get(`/api/v1/customers/${customerId}`, admin));
  ok(
    await patch(`/api/v1/customers/${customerId}`, admin, {
      name: `<img src=x onerror="alert(1)">&'客户`,
      level: 'A',
      version: current.version,
    }),
  );
});

afterAll(async () => {
  await app?.close();
});

describe('first paint: /customers/{id} as a plain navigation', () => {
  it('carries the lite card with the field rules applied, escaped, its scripts admitted by the CSP', async () => {
    const res = await page(`/customers/${customerId}`, await sessionCookie('sales1'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['x-cairn-first-paint']).toMatch(/^[0-9a-f]{16}$/);
    const html = res.body;
    expect(html).toContain(`data-first-paint="${customerId}"`);
    // name, escaped: markup in a value stays text
    expect(html).toContain(
      'data-testid="lite-field-name">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;客户</h1>',
    );
    expect(html).not.toContain('<img src=x');
    // the masked phone as the API shows it, never the number behind it; the hidden region absent
    expect(html).toMatch(
      /data-testid="lite-field-mainPhone"><dt>主要电话<\/dt><dd><a href="tel:[^"]*"[^>]*>138\*+9468<\/a>/,
    );
    expect(html).not.toContain(PHONE);
    expect(html).not.toContain(REGION);
    expect(html).toContain('data-testid="lite-field-region"><dt>地区</dt><dd>—</dd>');
    expect(html).toContain('<span class="tag tag--red">A 级</span>');
    expect(html).toMatch(/data-testid="lite-field-ownerId"><dt>负责人<\/dt><dd>[^<—]+<\/dd>/);
    // the CSP still admits exactly the page's inline scripts
    expect(html.match(/<script/g)?.length).toBe(2);
    const csp = String(res.headers['content-security-policy']);
    for (const hash of inlineScriptHashes(html)) expect(csp).toContain(hash);
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')+(;|$)/);
    // the app starts after the card's first paint: its entry is imported by the admitted inline script
    expect(html).toContain('import("/assets/app.js")');
    expect(html).not.toContain('<script type="module" src="/assets/app.js">');
  });

  it('inlines the stylesheet, so the card paints without a second request', async () => {
    const html = (await page(`/customers/${customerId}`, await sessionCookie('sales1'))).body;
    expect(html).toContain(`<style data-href="/assets/index-test.css">${STYLESHEET}</style>`);
    expect(html).not.toContain('rel="stylesheet"');
    // the plain page (no card) keeps its link, cached as a file
    const plain = (await page(`/customers/${customerId}`)).body;
    expect(plain).toContain('<link rel="stylesheet" crossorigin href="/assets/index-test.css">');
    expect(plain).not.toContain(STYLESHEET);
  });

  it('is compressed when the browser accepts it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/customers/${customerId}`,
      headers: { accept: 'text/html', 'accept-encoding': 'br, gzip', cookie: await sessionCookie('sales1') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['x-cairn-first-paint']).toMatch(/^[0-9a-f]{16}$/);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString('utf8')).toContain(`data-first-paint="${customerId}"`);
  });

  it("speaks the app's language from its cookie, zh-CN otherwise", async () => {
    const cookie = await sessionCookie('sales1');
    const english = (await page(`/customers/${customerId}`, `${cookie}; cairn_lang=en-US`)).body;
    expect(english).toContain('<html lang="en-US">');
    expect(english).toMatch(/data-testid="lite-field-mainPhone"><dt>Main phone<\/dt>/);
    expect(english).toContain('data-testid="lite-field-ownerId"><dt>Owner</dt>');
    expect(english).not.toContain('负责人');
    for (const lang of ['xx', '<script>', '']) {
      const html = (await page(`/customers/${customerId}`, `${cookie}; cairn_lang=${encodeURIComponent(lang)}`)).body;
      expect(html, lang).toContain('<html lang="zh-CN">');
      expect(html, lang).toContain('data-testid="lite-field-ownerId"><dt>负责人</dt>');
    }
  });

  it('renders the card the API would give: the same values', async () => {
    const cookie = await sessionCookie('sales1');
    const api = ok(
      await get(
        `/api/v1/customers/${customerId}${qs({ fields: 'name,mainPhone,level,region' })}`,
        await company.as('sales1'),
      ),
    );
    expect(api.region).toBeUndefined();
    const html = (await page(`/customers/${customerId}`, cookie)).body;
    expect(html).toContain(`>${String(api.mainPhone)}</a>`);
  });

  it("does not render another rep's customer, an unknown id or a malformed one", async () => {
    const cookie = await sessionCookie('sales2');
    for (const url of [
      `/customers/${customerId}`,
      `/customers/${crypto.randomUUID()}`,
      '/customers/not-an-id',
      '/customers/new',
    ]) {
      const res = await page(url, cookie);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('data-first-paint');
      expect(res.body, url).not.toContain('onerror');
      expect(res.headers['x-cairn-first-paint'], url).toBeUndefined();
    }
  });

  it('serves the plain page (the app shows its login) when signed out or the session is not valid', async () => {
    const forged = `cs_${company.tenantId.replaceAll('-', '')}_${'A'.repeat(43)}`;
    for (const cookie of [undefined, 'cairn_session=nonsense', `cairn_session=${forged}`]) {
      const res = await page(`/customers/${customerId}`, cookie);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('page-loading__spinner');
      expect(res.body).not.toContain('data-first-paint');
      expect(res.headers['x-cairn-first-paint']).toBeUndefined();
    }
  });

  it('stops rendering once the session is signed out', async () => {
    const cookie = await sessionCookie('manager');
    expect((await page(`/customers/${customerId}`, cookie)).body).toContain('data-first-paint');
    const token = sessions.get('manager')!;
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await page(`/customers/${customerId}`, cookie)).body).not.toContain('data-first-paint');
  });
});
