import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectFieldError, fieldPaths, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import { runPull } from '../../server/integration/pull/pull-run.ts';
import type { Database } from '../../server/db/database.ts';

/**
 * A pull source on loopback that wants an API key: GET /leads answers 401 without
 * `Authorization: Bearer <key>`, else the records at or after the cursor. Covers the channel's
 * auth headers (sealed, write-only, never in an answer, the audit log or an error) and records
 * holding text PostgreSQL cannot store (U+0000): they wait as dead letters, the rest of the page
 * lands and the cursor moves on.
 */
const API_KEY = 'pull-key-9f8e7d6c5b4a';
interface Lead {
  lead_id: string;
  company: string;
  updated_at: string;
}
const source = { leads: [] as Lead[], seen: [] as Array<{ authorization?: string; cursor: string | null }> };
let server: http.Server;
let base: string;
let company: Company;
let admin: Headers;
let database: Database;

function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const cursor = url.searchParams.get('cursor');
  source.seen.push({ authorization: req.headers.authorization, cursor });
  if (req.headers.authorization !== `Bearer ${API_KEY}`) {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"missing api key"}');
    return;
  }
  const page = source.leads
    .filter((l) => cursor === null || l.updated_at >= cursor)
    .sort((a, b) => a.updated_at.localeCompare(b.updated_at));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: page }));
}

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'lead_id', target: 'externalId' },
];

async function pullChannel(key: string, extra: Record<string, unknown> = {}) {
  return post('/api/v1/channels', admin, {
    key,
    name: `拉取 ${key}`,
    kind: 'pull',
    serviceUserId: company.users.admin,
    mapping,
    config: { url: `${base}/leads`, cron: '*/10 * * * *', cursorField: 'updated_at', pageSize: 50 },
    ...extra,
  });
}

const pull = (channelId: string) => runPull(database, { tenantId: company.tenantId, channelId, trigger: 'manual' });

const everything = (channelId: string) =>
  asSystem(database.owner, async (trx) => {
    const channel = await trx.selectFrom('channels').selectAll().where('id', '=', channelId).executeTakeFirstOrThrow();
    const audit = await trx.selectFrom('audit_log').selectAll().where('record_id', '=', channelId).execute();
    const runs = await trx.selectFrom('pull_runs').selectAll().where('channel_id', '=', channelId).execute();
    return JSON.stringify({ channel, audit, runs });
  });

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 1, orders: 0 });
  admin = await company.as('admin');
  server = http.createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('pull channels: auth headers for the source', () => {
  let channelId: string;

  it('sends the configured header; its value is sealed, and no answer, audit entry or run shows it', async () => {
    source.leads = [{ lead_id: 'A-1', company: '鉴权拉取一号有限公司', updated_at: '2026-11-01T00:00:00Z' }];
    const created = await pullChannel('p-auth', { authHeaders: { Authorization: `Bearer ${API_KEY}` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    channelId = created.body.data.id;
    expect(created.body.data.authHeaders).toEqual(['Authorization']);
    const read = await get(`/api/v1/channels/${channelId}`, admin);
    const listed = await get('/api/v1/channels', admin);
    for (const res of [created, read, listed]) expect(JSON.stringify(res.body)).not.toContain(API_KEY);
    expect(read.body.data.authHeaders).toEqual(['Authorization']);

    source.seen = [];
    expect(await pull(channelId)).toMatchObject({ kind: 'succeeded', records: 1, stored: 1 });
    expect(source.seen).toEqual([{ authorization: `Bearer ${API_KEY}`, cursor: null }]);
    expect(await everything(channelId)).not.toContain(API_KEY);
  });

  it('without the header the source refuses: remote_4xx on the run and the channel, still without the key', async () => {
    const changed = ok(
      await patch(`/api/v1/channels/${channelId}`, admin, {
        authHeaders: { Authorization: null, 'X-Trace': 'cairn' },
        version: ok(await get(`/api/v1/channels/${channelId}`, admin)).version,
      }),
    );
    expect(changed.authHeaders).toEqual(['X-Trace']);
    source.seen = [];
    expect(await pull(channelId)).toMatchObject({ kind: 'failed', reason: 'remote_4xx' });
    expect(source.seen[0]!.authorization).toBeUndefined();
    const health = ok(await get(`/api/v1/channels/${channelId}`, admin)).health;
    expect(health.lastRun).toMatchObject({ status: 'failed', reason: 'remote_4xx', httpStatus: 401 });

    // put back: the run goes on from the saved cursor
    ok(
      await patch(`/api/v1/channels/${channelId}`, admin, {
        authHeaders: { Authorization: `Bearer ${API_KEY}` },
        version: changed.version,
      }),
    );
    expect(await pull(channelId)).toMatchObject({ kind: 'succeeded', stored: 0 });
    expect(await everything(channelId)).not.toContain(API_KEY);
  });

  it('refuses headers on other kinds, reserved or malformed names and values with line breaks (400 naming authHeaders)', async () => {
    const webhook = await post('/api/v1/channels', admin, {
      key: 'w-auth',
      name: '表单',
      kind: 'webhook',
      authHeaders: { Authorization: 'x' },
    });
    expectFieldError(webhook, 'authHeaders');
    for (const authHeaders of [{ Host: 'evil' }, { 'Bad Name': 'x' }, { Authorization: 'a\r\nX-Injected: 1' }]) {
      const res = await pullChannel(`p-bad-${Math.random().toString(36).slice(2, 8)}`, { authHeaders });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(fieldPaths(res).some((p) => p.startsWith('authHeaders'))).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain('X-Injected: 1');
    }
  });
});

describe('pulled records holding text PostgreSQL cannot store', () => {
  it('lands the rest of the page, dead-letters the record with its reason, and moves the cursor safely', async () => {
    const created = await pullChannel('p-nul', { authHeaders: { Authorization: `Bearer ${API_KEY}` } });
    const channelId = created.body.data.id as string;
    source.leads = [
      { lead_id: 'N-1', company: '零字符前有限公司', updated_at: '2026-11-02T00:00:00Z' },
      { lead_id: 'N-2', company: '坏\u0000名字有限公司', updated_at: '2026-11-03T00:00:00Z' },
      { lead_id: 'N-3', company: '游标带零字符有限公司', updated_at: '2026-11-04T00:00:00Z\u0000junk' },
    ];
    source.seen = [];
    expect(await pull(channelId)).toMatchObject({ kind: 'succeeded', records: 3, stored: 3, missingCursor: 0 });
    const cursor = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('channel_cursors')
        .select('cursor')
        .where('tenant_id', '=', company.tenantId)
        .where('channel_id', '=', channelId)
        .executeTakeFirstOrThrow(),
    );
    // cut before U+0000: a prefix sorts at or before the value, so nothing after it is skipped
    expect(cursor.cursor).toBe('2026-11-04T00:00:00Z');

    const letters = (ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<any>).sort((a, b) =>
      a.payload.lead_id.localeCompare(b.payload.lead_id),
    );
    expect(letters.map((l) => [l.payload.lead_id, l.reason, l.direction])).toEqual([
      ['N-2', 'validation', 'inbound'],
      ['N-3', 'validation', 'inbound'],
    ]);
    expect(letters[0].lastError).toMatch(/U\+0000.* at company;/);
    expect(letters[1].lastError).toMatch(/ at updated_at;/);
    expect(letters[0].payload.company).toBe('坏\uFFFD名字有限公司');

    await drainIntake(database, { tenantId: company.tenantId, channelId, ignoreBackoff: true });
    const names = ['零字符前有限公司', '游标带零字符有限公司', '坏\uFFFD名字有限公司'];
    const list = ok(
      await get(`/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name: { in: names } }))}`, admin),
    ) as Array<{ name: string }>;
    expect(list.map((c) => c.name)).toEqual(['零字符前有限公司']);

    // the next run asks from the cut cursor: N-3 again, stored nothing twice
    source.seen = [];
    expect(await pull(channelId)).toMatchObject({ kind: 'succeeded', records: 1, stored: 0 });
    expect(source.seen[0]!.cursor).toBe('2026-11-04T00:00:00Z');
  });
});
