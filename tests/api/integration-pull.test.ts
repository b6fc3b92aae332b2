import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectFieldError, get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import { runPull } from '../../server/integration/pull/pull-run.ts';
import type { Database } from '../../server/db/database.ts';

/**
 * A loopback source the test controls: GET /leads?cursor=&limit= answers the records whose
 * updated_at ≥ cursor (records without one only when no cursor is sent), oldest first — or a
 * failure the test chose.
 */
interface Lead {
  lead_id: string;
  company: string;
  phone?: string;
  updated_at?: string;
}
const source = {
  leads: [] as Lead[],
  fail: [] as Array<number | 'hang'>,
  requests: [] as Array<{ cursor: string | null; limit: number }>,
};
let server: http.Server;
let base: string;

function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const cursor = url.searchParams.get('cursor');
  const limit = Number(url.searchParams.get('limit') ?? 100);
  source.requests.push({ cursor, limit });
  const failure = source.fail.shift();
  if (failure === 'hang') return; // never answers
  if (failure) {
    res.writeHead(failure, { 'content-type': 'application/json' }).end('{"error":"upstream trouble"}');
    return;
  }
  const page = source.leads
    .filter((l) => (cursor === null ? true : l.updated_at !== undefined && l.updated_at >= cursor))
    .sort((a, b) => (a.updated_at ?? '').localeCompare(b.updated_at ?? ''))
    .slice(0, limit);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: page }));
}

let company: Company;
let admin: Headers;
let database: Database;
const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString();

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'phone', target: 'mainPhone', transforms: [{ op: 'emptyToNull' }, { op: 'phone' }] },
  { source: 'lead_id', target: 'externalId' },
  { source: 'updated_at', target: 'updatedAt', transforms: [{ op: 'emptyToNull' }, { op: 'date', formats: ['iso'] }] },
];

async function pullChannel(key: string, config: Record<string, unknown> = {}) {
  const res = await post('/api/v1/channels', admin, {
    key,
    name: `拉取 ${key}`,
    kind: 'pull',
    serviceUserId: company.users.admin,
    mapping,
    config: { url: `${base}/leads`, cron: '*/10 * * * *', cursorField: 'updated_at', pageSize: 3, ...config },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; trigger: string };
}

const savedCursor = (channelId: string) =>
  withTenant(database.db, company.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('channel_cursors')
      .select('cursor')
      .where('tenant_id', '=', company.tenantId)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row?.cursor ?? null;
  });

const storedLeads = (channelId: string) =>
  withTenant(database.db, company.tenantId, async (trx) =>
    (
      await trx
        .selectFrom('intake_records')
        .select(sql<string>`payload->>'lead_id'`.as('lead'))
        .where('tenant_id', '=', company.tenantId)
        .where('channel_id', '=', channelId)
        .execute()
    )
      .map((r) => r.lead)
      .sort(),
  );

const pull = (channelId: string) => runPull(database, { tenantId: company.tenantId, channelId, trigger: 'manual' });
const health = async (channelId: string) => ok(await get(`/api/v1/channels/${channelId}`, admin)).health;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  server = http.createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('pull channels: saving', () => {
  it('is scheduled only: a realtime pull is refused, and so is a config that cannot run', async () => {
    const base = { kind: 'pull', name: '拉取', serviceUserId: company.users.admin };
    const config = { url: 'http://127.0.0.1:9/x', cron: '0 * * * *', cursorField: 'updated_at' };
    expectFieldError(
      await post('/api/v1/channels', admin, { ...base, key: 'p-rt', trigger: 'realtime', config }),
      'trigger',
    );
    expectFieldError(
      await post('/api/v1/channels', admin, { ...base, key: 'p-url', config: { ...config, url: 'ftp://x' } }),
      'config.url',
    );
    expectFieldError(
      await post('/api/v1/channels', admin, { ...base, key: 'p-cron', config: { ...config, cron: 'every hour' } }),
      'config.cron',
    );
    expectFieldError(
      await post('/api/v1/channels', admin, { ...base, key: 'p-cur', config: { ...config, cursorField: undefined } }),
      'config.cursorField',
    );
  });
});

describe('pull channels: running', () => {
  it('pages through the source, lands every record (a 30-day-old back-fill and one without a cursor value) and moves the cursor', async () => {
    const channel = await pullChannel('p-paging');
    expect(channel.trigger).toBe('scheduled');
    source.requests = [];
    source.leads = [
      { lead_id: 'P-0', company: '无时间戳线索有限公司', phone: '13700000000' },
      { lead_id: 'P-1', company: '历史补录拉取有限公司', phone: '13700000001', updated_at: daysAgo(30) },
      { lead_id: 'P-2', company: '拉取二号有限公司', phone: '13700000002', updated_at: daysAgo(3) },
      { lead_id: 'P-3', company: '拉取三号有限公司', phone: '13700000003', updated_at: daysAgo(2) },
      { lead_id: 'P-4', company: '拉取四号有限公司', phone: '13700000004', updated_at: daysAgo(1) },
    ];
    const outcome = await pull(channel.id);
    expect(outcome).toMatchObject({ kind: 'succeeded', pages: 3, records: 7, stored: 5, missingCursor: 1 });
    // the first page asks from the start (no time window), the next ones from the greatest cursor seen
    expect(source.requests).toEqual([
      { cursor: null, limit: 3 },
      { cursor: source.leads[2]!.updated_at, limit: 3 },
      { cursor: source.leads[4]!.updated_at, limit: 3 },
    ]);
    expect(await savedCursor(channel.id)).toBe(source.leads[4]!.updated_at);
    expect(await storedLeads(channel.id)).toEqual(['P-0', 'P-1', 'P-2', 'P-3', 'P-4']);

    await drainIntake(database, { tenantId: company.tenantId, channelId: channel.id, ignoreBackoff: true });
    const names = source.leads.map((l) => l.company);
    const list = ok(
      await get(`/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name: { in: names } }))}`, admin),
    ) as Array<{ name: string }>;
    expect(list.map((c) => c.name).sort()).toEqual([...names].sort());

    const h = await health(channel.id);
    expect(h.lastRun).toMatchObject({
      status: 'succeeded',
      trigger: 'manual',
      records: 7,
      stored: 5,
      missingCursor: 1,
    });
    expect(h.warnings.join(' ')).toContain('1 record(s) of the last pull had no cursor value');
    const runs = ok(await get(`/api/v1/channels/${channel.id}/runs`, admin));
    expect(runs[0]).toMatchObject({ id: (outcome as { runId: string }).runId, pages: 3 });

    // a second run takes nothing new: repeats at the cursor apply nothing
    source.requests = [];
    expect(await pull(channel.id)).toMatchObject({ kind: 'succeeded', pages: 1, records: 1, stored: 0 });
    expect(source.requests[0]!.cursor).toBe(source.leads[4]!.updated_at);
  });

  it('saves the cursor only once a page is stored: a page that cannot be stored leaves the cursor where it was', async () => {
    const channel = await pullChannel('p-atomic', { pageSize: 2 });
    const refused = '原子三号拒收有限公司';
    source.leads = [
      { lead_id: 'A-1', company: '原子一号有限公司', updated_at: daysAgo(5) },
      { lead_id: 'A-2', company: '原子二号有限公司', updated_at: daysAgo(4) },
      // the database refuses this record (a trigger of this test): the page's insert fails after page 1 was stored
      { lead_id: 'A-3', company: refused, updated_at: daysAgo(3) },
      { lead_id: 'A-4', company: '原子四号有限公司', updated_at: daysAgo(2) },
    ];
    await asSystem(database.owner, async (trx) => {
      await sql`create or replace function test_refuse_pulled() returns trigger language plpgsql as $$
        begin
          if new.payload->>'company' = ${sql.lit(refused)} then raise exception 'refused by the test' using errcode = '22023'; end if;
          return new;
        end $$`.execute(trx);
      await sql`create trigger test_refuse_pulled before insert on intake_records
        for each row execute function test_refuse_pulled()`.execute(trx);
    });
    try {
      await expect(pull(channel.id)).rejects.toThrow();
    } finally {
      await asSystem(database.owner, (trx) => sql`drop trigger test_refuse_pulled on intake_records`.execute(trx));
    }
    expect(await savedCursor(channel.id)).toBe(source.leads[1]!.updated_at);
    expect(await storedLeads(channel.id)).toEqual(['A-1', 'A-2']);
    expect((await health(channel.id)).lastRun).toMatchObject({ status: 'failed', stored: 2 });

    // the database takes it again: the next run goes on from the saved cursor and takes the rest
    expect(await pull(channel.id)).toMatchObject({ kind: 'succeeded', stored: 2 });
    expect(await storedLeads(channel.id)).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
    expect(await savedCursor(channel.id)).toBe(source.leads[3]!.updated_at);
  });

  it('shows a remote 500, a 404 and a timeout on the channel with their reason codes, then recovers', async () => {
    // long enough that a loaded machine's answer is never taken for a timeout; 'hang' still is one
    const channel = await pullChannel('p-failing', { timeoutMs: 1500 });
    source.leads = [{ lead_id: 'F-1', company: '故障恢复有限公司', updated_at: daysAgo(1) }];

    source.fail = [500];
    expect(await pull(channel.id)).toMatchObject({ kind: 'failed', reason: 'remote_5xx' });
    let h = await health(channel.id);
    expect(h.status).toBe('error');
    expect(h.lastRun).toMatchObject({ status: 'failed', reason: 'remote_5xx', httpStatus: 500, stored: 0 });
    expect(h.errors.join(' ')).toMatch(/last pull failed \(remote_5xx, HTTP 500\)/);
    expect(h.lastError).toMatch(/^remote_5xx: GET http:\/\/127\.0\.0\.1:\d+\/leads: answered HTTP 500$/);
    expect(await savedCursor(channel.id)).toBeNull();

    source.fail = [404];
    expect(await pull(channel.id)).toMatchObject({ kind: 'failed', reason: 'remote_4xx' });
    source.fail = ['hang'];
    expect(await pull(channel.id)).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect((await health(channel.id)).lastRun).toMatchObject({ reason: 'timeout', httpStatus: null });

    expect(await pull(channel.id)).toMatchObject({ kind: 'succeeded', stored: 1 });
    h = await health(channel.id);
    expect(h.errors).toEqual([]);
    expect(h.lastRun).toMatchObject({ status: 'succeeded', stored: 1 });
    const runs = ok(await get(`/api/v1/channels/${channel.id}/runs`, admin)) as Array<{ reason: string | null }>;
    expect(runs.map((r) => r.reason)).toEqual([null, 'timeout', 'remote_4xx', 'remote_5xx']);
  });

  it('never polls a realtime channel, and queues a run on request', async () => {
    const webhook = ok(
      await post('/api/v1/channels', admin, {
        key: 'p-hook',
        name: '推送',
        kind: 'webhook',
        serviceUserId: company.users.admin,
      }),
      201,
    );
    expect(await pull(webhook.id)).toEqual({ kind: 'skipped', why: 'a webhook channel is never polled' });
    expectFieldError(await post(`/api/v1/channels/${webhook.id}/pull`, admin), 'id');

    const channel = await pullChannel('p-manual');
    const res = await post(`/api/v1/channels/${channel.id}/pull`, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const events = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('outbox_events')
        .select(['topic', 'payload'])
        .where('tenant_id', '=', company.tenantId)
        .where('topic', '=', 'intake.pull.requested')
        .execute(),
    );
    expect(events.map((e) => e.payload)).toContainEqual({ channelId: channel.id });
  });
});
