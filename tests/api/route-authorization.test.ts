import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../server/http/app.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { newId } from '../../common/ids.ts';
import { multipart } from '../support/resource-helpers.ts';

/**
 * Generated from the route table, so a new route cannot skip the checks: every /api/v1 route
 * declares who may call it; anonymous callers get 401, another company's records 404, and a
 * signed-in user without grants 403 — never a 2xx. Routes open to any signed-in user serve
 * only the caller's own data and are listed here on purpose.
 */
const openToSignedIn = new Set([
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'GET /api/v1/tenant',
  'GET /api/v1/audit',
  'GET /api/v1/recycle-bin',
  'POST /api/v1/recycle-bin/:type/:id/restore',
  'GET /api/v1/users/:id/roles',
  'GET /api/v1/access/explain',
  'GET /api/v1/departments',
  'GET /api/v1/departments/:id',
  'GET /api/v1/custom-fields',
  'GET /api/v1/custom-fields/:id',
  'POST /api/v1/auth/step-up',
  'POST /api/v1/auth/step-up/verify',
  'GET /api/v1/approvals',
  'POST /api/v1/approvals',
  'GET /api/v1/approvals/:id',
  'POST /api/v1/approvals/:id/cancel',
  'GET /api/v1/exports/:id/download',
  // each report is the caller's own; the groups are for those who may read the audit trail
  'POST /api/v1/client-errors',
  // each operation is authorized as its record's own route authorizes it
  'POST /api/v1/sync/batch',
  'GET /api/v1/notifications',
  'GET /api/v1/todos',
  'POST /api/v1/todos/:id/complete',
  // the company's smart buttons (labels and templates) for every rep's phone; changing them needs settings.update
  'GET /api/v1/smart-buttons',
  // the company's follow-up templates (texts) for every rep's composer; writing them needs the settings grants
  'GET /api/v1/followup-templates',
  'GET /api/v1/followup-templates/:id',
  // a JS-SDK signature for the sidebar page; no record data
  'GET /api/v1/wecom/agent-config',
  // manual rules as buttons: listed for a user who may update the type, run per record the caller may update
  'GET /api/v1/manual-rules',
  'POST /api/v1/automation-rules/:id/run',
]);

let a: Company;
let b: Company;
let routes: RouteEntry[];
const ids = new Map<string, string>();
/** Records in company A's recycle bin, for the restore routes. */
const deleted = new Map<string, string>();
let noGrant: Record<string, string>;

const unknownId = '01900000-0000-7000-8000-000000000000';

function idFor(route: RouteEntry): string {
  const segment = route.url.split('/')[3] ?? '';
  return (route.url.endsWith('/restore') && deleted.get(segment)) || ids.get(segment) || unknownId;
}

function fill(route: RouteEntry): string {
  return route.url
    .replace(':type', 'customer')
    .replace(':id', idFor(route))
    .replace(':variant', 'web')
    .replace(':runId', unknownId)
    .replace(':buttonId', 'just_talked');
}

/** A body that passes validation, so the answer is about the record, not the input. */
const validBodies: Record<string, object> = {
  'POST /api/v1/approvals/:id/reject': { reason: '测试：驳回' },
  'POST /api/v1/followups/:id/amendments': { content: '测试：补充说明' },
  'PUT /api/v1/users/:id/roles': { roleIds: [] },
  'POST /api/v1/dead-letters/:id/discard': { reason: '测试：丢弃' },
  'POST /api/v1/review-queue/:id/resolve': { create: true },
  'POST /api/v1/channels/:id/dry-run': {},
  'POST /api/v1/metric-definitions/:id/versions': {
    semver: '9.0',
    validFrom: '2026-01-01',
    document: {
      basis: 'signed',
      amount: 'net',
      currency: { target: 'CNY', rateRule: 'basisDate', rateSet: 'x' },
      measures: ['sum'],
    },
    changeNote: '探针',
  },
  'POST /api/v1/metric-definitions/:id/rollback': { toVersion: '1.0' },
  'POST /api/v1/imports/:id/dry-run': {},
  'POST /api/v1/automation-rules/:id/run': { recordIds: ['01900000-0000-7000-8000-000000000001'] },
  'POST /api/v1/automation-rules/:id/dry-run': {},
  'POST /api/v1/customers/:id/smart-buttons/:buttonId': {},
};

/** Headers a route requires beside the session. */
const validHeaders: Record<string, Record<string, string>> = {
  'POST /api/v1/customers/:id/smart-buttons/:buttonId': { 'idempotency-key': 'probe-tap-0001' },
};

const key = (r: RouteEntry) => `${r.method} ${r.url}`;

beforeAll(async () => {
  a = await demoCompany({ customers: 8, orders: 8 });
  b = await demoCompany({ customers: 3, orders: 3 });
  const admin = await a.as('admin');
  routes = (await testApp()).app.routeTable.filter(
    (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
  );
  for (const path of [
    'customers',
    'contacts',
    'opportunities',
    'followups',
    'contracts',
    'payments',
    'products',
    'orders',
    'attachments',
    'departments',
    'users',
    'installments',
    'roles',
  ]) {
    const list = await call({ method: 'GET', url: `/api/v1/${path}?limit=1`, headers: admin });
    if (list.body?.data?.[0]?.id) ids.set(path, list.body.data[0].id);
  }
  const apiKey = await call({ method: 'POST', url: '/api/v1/api-keys', headers: admin, payload: { name: '探针密钥' } });
  expect(apiKey.status).toBe(201);
  ids.set('api-keys', apiKey.body.data.id);
  const rule = await call({
    method: 'POST',
    url: '/api/v1/assignment-rules',
    headers: admin,
    payload: { name: '探针规则', target: { type: 'user', userId: a.users.sales1 } },
  });
  expect(rule.status).toBe(201);
  ids.set('assignment-rules', rule.body.data.id);
  // the demo's call rule
  ids.set(
    'automation-rules',
    (await call({ method: 'GET', url: '/api/v1/automation-rules', headers: admin })).body.data[0].id,
  );
  expect((await call({ method: 'POST', url: '/api/v1/consistency/scan', headers: admin, payload: {} })).status).toBe(
    201,
  );
  const findings = await call({ method: 'GET', url: '/api/v1/consistency/findings?limit=1', headers: admin });
  ids.set('consistency', findings.body.data[0].id);
  // the demo's metric definitions and sealed snapshots
  ids.set(
    'metric-definitions',
    (await call({ method: 'GET', url: '/api/v1/metric-definitions', headers: admin })).body.data[0].id,
  );
  ids.set('snapshots', (await call({ method: 'GET', url: '/api/v1/snapshots', headers: admin })).body.data[0].id);
  const approval = await call({
    method: 'POST',
    url: '/api/v1/approvals',
    headers: await a.as('manager'),
    payload: { kind: 'contract_delete', payload: { contractId: ids.get('contracts') }, reason: '测试：合同录入错误' },
  });
  expect(approval.status).toBe(202);
  ids.set('approvals', approval.body.data.id);
  const binned = await call({
    method: 'POST',
    url: '/api/v1/customers',
    headers: admin,
    payload: { name: '回收站探针有限公司' },
  });
  expect(
    (await call({ method: 'DELETE', url: `/api/v1/customers/${binned.body.data.id}`, headers: admin })).status,
  ).toBe(200);
  deleted.set('customers', binned.body.data.id);
  deleted.set('recycle-bin', binned.body.data.id);
  const field = await call({
    method: 'POST',
    url: '/api/v1/custom-fields',
    headers: admin,
    payload: { objectType: 'customer', key: 'probe', label: '探针', type: 'text' },
  });
  ids.set('custom-fields', field.body.data.id);
  const template = await call({
    method: 'POST',
    url: '/api/v1/followup-templates',
    headers: admin,
    payload: { title: '探针模板', body: '探针' },
  });
  expect(template.status).toBe(201);
  ids.set('followup-templates', template.body.data.id);
  const channel = await call({
    method: 'POST',
    url: '/api/v1/channels',
    headers: admin,
    payload: { key: 'probe', name: '探针通道', kind: 'webhook', serviceUserId: a.users.admin },
  });
  expect(channel.status).toBe(201);
  ids.set('channels', channel.body.data.id);
  const importChannel = await call({
    method: 'POST',
    url: '/api/v1/channels',
    headers: admin,
    payload: { key: 'probe-import', name: '探针导入', kind: 'import', serviceUserId: a.users.admin },
  });
  const form = multipart(
    { channelId: importChannel.body.data.id },
    { name: 'probe.csv', type: 'text/csv', data: Buffer.from('公司名称\n探针导入有限公司\n') },
  );
  const uploaded = await call({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...admin, 'content-type': form.contentType },
    payload: form.payload,
  });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  ids.set('imports', uploaded.body.data.id);
  // a dead letter and a review item of company A, as the intake job leaves them
  const database = await testDatabase();
  // a to-do of company A's admin, as a rule action writes it
  const todoId = newId();
  await withTenant(database.db, a.tenantId, (trx) =>
    trx
      .insertInto('todos')
      .values({ tenant_id: a.tenantId, id: todoId, user_id: a.users.admin, title: '探针待办', due_at: new Date() })
      .execute(),
  );
  ids.set('todos', todoId);
  for (const [segment, status] of [
    ['dead-letters', 'dead'],
    ['review-queue', 'review'],
    ['intake', 'queued'],
  ] as const) {
    const id = newId();
    await withTenant(database.db, a.tenantId, (trx) =>
      trx
        .insertInto('intake_records')
        .values({
          tenant_id: a.tenantId,
          id,
          channel_id: channel.body.data.id,
          idempotency_key: `probe-${segment}`,
          payload: '{}',
          status,
          reason: status === 'dead' ? 'validation' : null,
          candidates: status === 'review' ? JSON.stringify([ids.get('customers')]) : null,
        })
        .execute(),
    );
    ids.set(segment, id);
  }
  const user = await call({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: { username: 'nogrant', displayName: '无权限', password: 'no-grants-123' },
  });
  expect(user.status).toBe(201);
  const login = await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'nogrant', password: 'no-grants-123', tenant: a.slug },
  });
  noGrant = { authorization: `Bearer ${login.body.token}` };
});

describe('every route × anonymous, other company and no-grant user', () => {
  it('declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => r.access === undefined).map(key)).toEqual([]);
    const signedIn = routes.filter((r) => r.access === 'signedIn').map(key);
    expect(signedIn.filter((k) => !openToSignedIn.has(k))).toEqual([]);
  });

  it('answers 401 to anonymous callers', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await call({
        method: route.method as 'GET',
        url: fill(route),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.status, key(route)).toBe(401);
    }
  });

  it("answers 404 NOT_FOUND naming the id to another company's admin for this company's records", async () => {
    const otherAdmin = await b.as('admin');
    for (const route of routes.filter((r) => r.url.includes(':id'))) {
      const res = await call({
        method: route.method as 'GET',
        url: fill(route),
        headers: { ...otherAdmin, ...validHeaders[key(route)] },
        payload:
          route.method === 'GET' || route.method === 'DELETE' ? undefined : (validBodies[key(route)] ?? { version: 1 }),
      });
      const answer = `${key(route)} → ${res.status} ${JSON.stringify(res.body)}`;
      expect(res.status, answer).toBe(404);
      expect(res.body.error.code, answer).toBe('NOT_FOUND');
      expect(res.body.error.details.id, answer).toBe(idFor(route));
    }
  });

  it('uses real records of company A for every :id route but the export download', () => {
    const fakes = routes.filter((r) => r.url.includes(':id') && idFor(r) === unknownId).map(key);
    expect(fakes).toEqual(['GET /api/v1/exports/:id/download']);
  });

  it('answers 403 to a user without grants on every route that needs one', async () => {
    for (const route of routes.filter((r) => r.access !== 'public' && r.access !== 'signedIn')) {
      const res = await call({
        method: route.method as 'GET',
        url: fill(route),
        headers: noGrant,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.status, key(route)).toBe(403);
      expect(res.body.error.code, key(route)).toBe('MISSING_GRANT');
    }
  });

  it('gives a user without grants nothing of anyone else through the open routes', async () => {
    // departments, custom-field definitions and follow-up templates are company reference data every user reads
    const referenceData = (r: RouteEntry) =>
      r.method === 'GET' && /^\/api\/v1\/(departments|custom-fields|followup-templates)\//.test(r.url);
    for (const route of routes.filter((r) => r.access === 'signedIn' && r.url.includes(':id') && !referenceData(r))) {
      const res = await call({
        method: route.method as 'GET',
        url: fill(route),
        headers: noGrant,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.status >= 200 && res.status < 300, `${key(route)} → ${res.status}`).toBe(false);
    }
  });
});
