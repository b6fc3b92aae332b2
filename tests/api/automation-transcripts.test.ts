import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { API_VERSION, buildApp } from '../../server/http/app.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import type { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { registerTranscriptJobs, transcriptTopicQueues } from '../../server/transcripts/transcript-jobs.ts';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import {
  expectError,
  expectFieldError,
  get,
  multipart,
  ok,
  patch,
  post,
  type Headers,
} from '../support/resource-helpers.ts';

/**
 * Meeting transcripts through the real path: POST with an integration key → transcripts row +
 * outbox event → dispatcher → pg-boss `transcripts.process` → a meeting follow-up with summary
 * and objections on the customer's open opportunity. Audio goes through a loopback ASR service.
 */
let database: Database;
let company: Company;
let admin: Headers;
let keyHeaders: Headers;
let runner: JobRunner;
let customerId: string;
let opportunityId: string;
let phoneCustomerId: string;
const suffix = String(Math.floor(Math.random() * 9000) + 1000);
const phone = `1371234${suffix}`;

const meeting = [
  { speaker: '王总', at: '2026-11-30T10:00:00+08:00', text: '你们这个报价偏高，我们今年预算不够。' },
  { speaker: '李销售', at: '2026-11-30T10:01:00+08:00', text: '我们可以分期付款，首年费用可以降下来。', role: 'rep' },
  { speaker: '王总', at: '2026-11-30T10:02:00+08:00', text: '我们也在看销售易，最后要老板拍板。' },
  { speaker: '王总', at: '2026-11-30T10:03:00+08:00', text: '系统上线时间希望在三月，数据迁移要你们负责。' },
];

const postTranscript = (body: unknown, headers = keyHeaders) =>
  call({ method: 'POST', url: '/api/v1/events/transcripts', headers, payload: body as Record<string, unknown> });

async function settled(id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = ok(await get('/api/v1/events/transcripts?limit=200', admin)) as Array<Record<string, any>>;
    const t = list.find((x) => x.id === id);
    if (t && t.status !== 'received') return t;
    if (Date.now() > deadline) throw new Error(`transcript ${id} was not processed in time`);
    await sleep(100);
  }
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  const key = await post('/api/v1/api-keys', admin, { name: '会议纪要', role: 'admin' });
  expect(key.status).toBe(201);
  keyHeaders = { authorization: `Bearer ${key.body.key}` };
  const customers = ok(await get('/api/v1/customers?limit=3&sort=name', admin)) as Array<Record<string, any>>;
  customerId = customers[0]!.id;
  const opp = ok(await post('/api/v1/opportunities', admin, { customerId, name: '纪要商机', amount: '1000' }), 201);
  opportunityId = opp.id;
  const second = customers[1]!;
  phoneCustomerId = second.id;
  ok(await patch(`/api/v1/customers/${phoneCustomerId}`, admin, { mainPhone: phone, version: second.version }));
  runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [],
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerTranscriptJobs(runner, database, { info() {}, warn() {}, error() {} });
  startOutboxDispatcher(database, runner, {
    topicQueues: transcriptTopicQueues,
    tenantId: company.tenantId,
    intervalMs: 100,
  });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
});

describe('POST /api/v1/events/transcripts', () => {
  it('answers 202, and within seconds a meeting follow-up has the summary and objections, on the open opportunity', async () => {
    const started = Date.now();
    const res = ok(await postTranscript({ customerId, utterances: meeting }), 202);
    expect(res).toMatchObject({ status: 'received', utterances: 4 });
    const t = await settled(res.id);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(t).toMatchObject({ status: 'processed', customerId, opportunityId, source: 'text' });
    const f = ok(await get(`/api/v1/followups/${t.followupId}`, admin));
    expect(f).toMatchObject({
      customerId,
      opportunityId,
      kind: 'meeting',
      source: { type: 'transcript', id: t.id },
      status: 'deep_talk',
    });
    expect(Date.parse(f.occurredAt)).toBe(Date.parse(meeting[0]!.at));
    expect(f.summary).toMatch(/^要点：/);
    const kinds = (f.objections as Array<{ kind: string; text: string }>).map((o) => o.kind).sort();
    expect(kinds).toEqual(['authority', 'competitor', 'price']);
    expect(f.objections.find((o: { kind: string }) => o.kind === 'price').text).toBe(meeting[0]!.text);
    // the seller's own line is no objection
    expect(f.objections.some((o: { text: string }) => o.text === meeting[1]!.text)).toBe(false);
    expect(f.content).toContain('客户异议');
  });

  it('matches the customer by phone; an unknown number is stored unmatched with the reason', async () => {
    const matched = ok(await postTranscript({ phone, utterances: meeting.slice(0, 1) }), 202);
    expect(await settled(matched.id)).toMatchObject({ status: 'processed', customerId: phoneCustomerId });
    const unknown = ok(await postTranscript({ phone: '13000000000', utterances: meeting.slice(0, 1) }), 202);
    const t = await settled(unknown.id);
    expect(t).toMatchObject({ status: 'unmatched', followupId: null, phone: '130****0000' });
    expect(t.matchNote).toBeTruthy();
  });

  it('refuses bad input with the field named, and user sessions', async () => {
    expectFieldError(await postTranscript({ utterances: meeting }), 'customerId');
    expectFieldError(await postTranscript({ customerId, utterances: [] }), 'utterances');
    expectFieldError(
      await postTranscript({ customerId, utterances: [{ speaker: '王总', at: '1' }] }),
      'utterances.0.text',
    );
    expectFieldError(
      await postTranscript({ customerId: '01900000-0000-7000-8000-000000000000', utterances: meeting }),
      'customerId',
    );
    expectFieldError(await postTranscript({ customerId, utterances: meeting, extra: 1 }), 'extra');
    expectError(await postTranscript({ customerId, utterances: meeting }, admin), 403, 'FORBIDDEN');
  });
});

describe('the objection lexicon is data admins edit', () => {
  it('GET answers the defaults; PUT replaces them and the next transcript uses the new list', async () => {
    const before = ok(await get('/api/v1/transcript-lexicon', admin));
    expect(before.isDefault).toBe(true);
    expect(before.entries).toContainEqual({ kind: 'price', phrase: '太贵' });
    expectFieldError(
      await call({
        method: 'PUT',
        url: '/api/v1/transcript-lexicon',
        headers: admin,
        payload: { entries: [{ kind: 'price', phrase: '太 贵' }] },
      }),
      'entries.0.phrase',
    );
    expectFieldError(
      await call({
        method: 'PUT',
        url: '/api/v1/transcript-lexicon',
        headers: admin,
        payload: {
          entries: [
            { kind: 'price', phrase: '开票' },
            { kind: 'price', phrase: '开票' },
          ],
        },
      }),
      'entries.1.phrase',
    );
    const saved = ok(
      await call({
        method: 'PUT',
        url: '/api/v1/transcript-lexicon',
        headers: admin,
        payload: { entries: [{ kind: 'feature_gap', phrase: '开专票' }] },
      }),
    );
    expect(saved).toEqual({ isDefault: false, entries: [{ kind: 'feature_gap', phrase: '开专票' }] });
    const sales = await company.as('sales1');
    expectError(await get('/api/v1/transcript-lexicon', sales), 403, 'MISSING_GRANT');
    const res = ok(
      await postTranscript({
        customerId,
        utterances: [{ speaker: '王总', at: '00:01:00', text: '报价偏高，而且你们的系统能开专票吗？' }],
      }),
      202,
    );
    const t = await settled(res.id);
    const f = ok(await get(`/api/v1/followups/${t.followupId}`, admin));
    expect(f.objections.map((o: { kind: string }) => o.kind)).toEqual(['feature_gap']);
    const reset = ok(
      await call({ method: 'PUT', url: '/api/v1/transcript-lexicon', headers: admin, payload: { entries: [] } }),
    );
    expect(reset.isDefault).toBe(true);
  });
});

describe('POST /api/v1/events/transcripts/audio through the HTTP ASR provider', () => {
  let asr: http.Server;
  let seen: { authorization?: string; type?: string; bytes: number } | undefined;
  let app: FastifyInstance;

  beforeAll(async () => {
    asr = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = {
          authorization: req.headers.authorization,
          type: req.headers['content-type'],
          bytes: Buffer.concat(chunks).length,
        };
        res.setHeader('content-type', 'application/json');
        if (req.url === '/broken') return res.end('{"nope":1}');
        res.end(JSON.stringify({ utterances: [{ speaker: '客户', at: 3.5, text: '价格太贵了，明年再说吧。' }] }));
      });
    });
    await new Promise<void>((resolve) => asr.listen(0, '127.0.0.1', resolve));
    const { storage } = await testApp();
    app = await buildApp(
      {
        config: {
          ...loadConfig({}),
          asr: { url: `http://127.0.0.1:${(asr.address() as AddressInfo).port}/asr`, token: 'asr-secret' },
        },
        database,
        storage: storage as LocalFileStorage,
        version: API_VERSION,
      },
      { logger: false },
    );
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => asr?.close(resolve));
  });

  const upload = (target: FastifyInstance | undefined, fields: Record<string, string>, type = 'audio/mpeg') => {
    const form = multipart(fields, { name: '会议.mp3', type, data: Buffer.from('ID3 fake mpeg frames') });
    const options = {
      method: 'POST' as const,
      url: '/api/v1/events/transcripts/audio',
      headers: { ...keyHeaders, 'content-type': form.contentType },
      payload: form.payload,
    };
    if (!target) return call(options);
    return target.inject(options).then((r) => ({ status: r.statusCode, body: JSON.parse(r.body), res: r }));
  };

  it('sends the audio to the ASR service and handles its utterances as a transcript', async () => {
    const res = ok(await upload(app, { customerId }), 202);
    expect(seen).toMatchObject({ authorization: 'Bearer asr-secret', type: 'audio/mpeg', bytes: 20 });
    const t = await settled(res.id);
    expect(t).toMatchObject({ status: 'processed', source: 'audio', utterances: 1 });
    const f = ok(await get(`/api/v1/followups/${t.followupId}`, admin));
    expect(f.objections.map((o: { kind: string }) => o.kind).sort()).toEqual(['price', 'timing']);
  });

  it('answers 503 ASR_NOT_CONFIGURED without a provider, 415 for a non-audio file, 400 without a customer', async () => {
    expectError(await upload(undefined, { customerId }), 503, 'ASR_NOT_CONFIGURED');
    expectError(await upload(app, { customerId }, 'image/png'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectFieldError(await upload(app, {}), 'customerId');
  });
});
