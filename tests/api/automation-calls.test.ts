import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import { CALL_RULE_NAME } from '../../server/seed/demo-automation.ts';
import { automationTopicQueues, registerAutomationJobs } from '../../server/workflows/workflow-jobs.ts';
import { runAutomationEvent } from '../../server/workflows/engine.ts';
import fc from 'fast-check';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { outboxJobsOf } from '../support/outbox-jobs.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectError, expectFieldError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/**
 * Telephony call records through the real path: POST /api/v1/events/calls with an integration
 * API key → call_records + outbox event in one transaction → dispatcher → pg-boss
 * `automation.run` → the demo's 90 s rule → a follow-up (深度沟通, kind call) or nothing.
 */
let database: Database;
let company: Company;
let admin: Headers;
let keyHeaders: Headers;
let runner: JobRunner;
let ruleId: string;
let customerId: string;
let customerPhone: string;
let contactCustomerId: string;
let contactMobile: string;

// unique per run: numbers are unique per company, and one database may hold several runs' companies
const suffix = String(Math.floor(Math.random() * 9000) + 1000);
const company400 = '4008001234';

const postCall = (body: unknown, headers = keyHeaders) =>
  call({ method: 'POST', url: '/api/v1/events/calls', headers, payload: body as Record<string, unknown> });

const postForm = (fields: Record<string, string>, headers = keyHeaders) =>
  call({
    method: 'POST',
    url: '/api/v1/events/calls',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const jsonCall = (talkSeconds: number, extra: Record<string, unknown> = {}) => ({
  callId: `call-${newId()}`,
  direction: 'inbound',
  from: customerPhone,
  to: company400,
  startedAt: '2026-11-30T09:00:00+08:00',
  talkSeconds,
  recordingUrl: 'https://recordings.example.com/r/1.mp3',
  ...extra,
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function runsFor(callId: string) {
  const runs = ok(await get(`/api/v1/automation-rules/${ruleId}/runs?limit=200`, admin)) as Array<Record<string, any>>;
  return runs.filter((r) => r.triggerPayload?.callId === callId);
}

/** The rule's finished run for a call (the dispatcher and the queue have handled its event). */
const settledRun = (callId: string) =>
  waitFor(`the run for ${callId}`, async () => {
    const runs = await runsFor(callId);
    return runs.length > 0 && runs.every((r) => r.status !== 'running') ? runs : undefined;
  });

async function callFollowups(customer: string) {
  const filter = encodeURIComponent(JSON.stringify({ customerId: customer }));
  const all = ok(await get(`/api/v1/followups?filter=${filter}&limit=200`, admin)) as Array<Record<string, any>>;
  return all.filter((f) => f.source?.type === 'call');
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 4, orders: 0 });
  admin = await company.as('admin');
  const key = await post('/api/v1/api-keys', admin, { name: '呼叫中心', role: 'admin' });
  expect(key.status).toBe(201);
  keyHeaders = { authorization: `Bearer ${key.body.key}` };
  const rules = ok(await get('/api/v1/automation-rules', admin)) as Array<Record<string, any>>;
  ruleId = rules.find((r) => r.name === CALL_RULE_NAME)!.id;
  const customers = ok(await get('/api/v1/customers?limit=4&sort=name', admin)) as Array<Record<string, any>>;
  customerPhone = `1391234${suffix}`;
  const first = customers[0]!;
  customerId = first.id;
  ok(await patch(`/api/v1/customers/${customerId}`, admin, { mainPhone: customerPhone, version: first.version }));
  contactCustomerId = customers[1]!.id;
  contactMobile = `1382345${suffix}`;
  ok(
    await post('/api/v1/contacts', admin, { customerId: contactCustomerId, name: '王经理', mobile: contactMobile }),
    201,
  );
  runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [],
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerAutomationJobs(runner, database, { info() {}, warn() {}, error() {} });
  startOutboxDispatcher(database, runner, {
    topicQueues: automationTopicQueues,
    tenantId: company.tenantId,
    intervalMs: 100,
  });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
});

describe('the demo company has the 90 s call rule, on', () => {
  it('is enabled, triggered by call records, and creates a 深度沟通 call follow-up', () => {
    return get(`/api/v1/automation-rules/${ruleId}`, admin).then((res) => {
      expect(ok(res)).toMatchObject({
        enabled: true,
        trigger: { type: 'call' },
        actions: [{ type: 'createFollowup', status: 'deep_talk', kind: 'call' }],
      });
    });
  });
});

describe('POST /api/v1/events/calls → follow-up', () => {
  it('91 s answered: one follow-up, status deep_talk, kind call, linked to the call and its recording', async () => {
    const body = jsonCall(91);
    const res = ok(await postCall(body), 202);
    expect(res).toMatchObject({ callId: body.callId, duplicate: false, customerId, matchNote: null });
    const [run] = await settledRun(body.callId);
    expect(run).toMatchObject({ status: 'succeeded', depth: 1, errorCode: null });
    expect(run!.conditions.result).toBe(true);
    expect(run!.actions).toHaveLength(1);
    expect(run!.actions[0]).toMatchObject({ type: 'createFollowup', output: { customerId } });
    const followupId = run!.actions[0].output.followupId as string;
    const followup = ok(await get(`/api/v1/followups/${followupId}`, admin));
    expect(followup).toMatchObject({
      customerId,
      kind: 'call',
      status: 'deep_talk',
      source: { type: 'call', id: body.callId },
    });
    expect(followup.content).toContain(body.callId);
    expect(followup.content).toContain(body.recordingUrl);
    expect(Date.parse(followup.occurredAt)).toBe(Date.parse(body.startedAt));
    const calls = ok(await get('/api/v1/events/calls?limit=200', admin)) as Array<Record<string, any>>;
    const stored = calls.find((c) => c.callId === body.callId)!;
    expect(stored).toMatchObject({ followupId, customerId, talkSeconds: 91, hasRecording: true, status: 'answered' });
    // numbers are masked in the list
    expect(stored.from).toBe(`139****${suffix}`);
  });

  it('90 s exactly creates nothing: the run is skipped on the talk-time condition', async () => {
    const body = jsonCall(90);
    ok(await postCall(body), 202);
    const [run] = await settledRun(body.callId);
    expect(run).toMatchObject({ status: 'skipped', actions: [] });
    const talk = run!.conditions.steps.find((s: Record<string, unknown>) => s.field === 'talkSeconds');
    expect(talk).toMatchObject({ op: 'compare', actual: 90, result: false });
    const followups = await callFollowups(customerId);
    expect(followups.filter((f) => String(f.content).includes(body.callId))).toEqual([]);
  });

  it('the same call posted 5 times is stored once, runs once and gives one follow-up', async () => {
    const body = jsonCall(95);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(ok(await postCall(body), 202));
    expect(answers.map((a) => a.duplicate)).toEqual([false, true, true, true, true]);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    const runs = await settledRun(body.callId);
    await sleep(1000); // nothing else arrives later
    expect(await runsFor(body.callId)).toHaveLength(1);
    expect(runs[0]!.status).toBe('succeeded');
    const followups = (await callFollowups(customerId)).filter((f) => String(f.content).includes(body.callId));
    expect(followups).toHaveLength(1);
    expect(followups[0]).toMatchObject({ status: 'deep_talk', kind: 'call' });
  });

  it('an event delivered again (pg-boss delivers at least once) never runs the rule twice (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 130 }), fc.integer({ min: 2, max: 4 }), async (seconds, repeats) => {
        const body = jsonCall(seconds);
        ok(await postCall(body), 202);
        await settledRun(body.callId);
        const job = (await outboxJobsOf(database, company.tenantId, 'call.received')).find(
          (j) => j.payload.callId === body.callId,
        )!;
        const again = await Promise.all(Array.from({ length: repeats }, () => runAutomationEvent(database, job)));
        expect(again).toEqual(Array.from({ length: repeats }, () => ({ duplicate: 1 })));
        expect(await runsFor(body.callId)).toHaveLength(1);
        const followups = (await callFollowups(customerId)).filter((f) => String(f.content).includes(body.callId));
        expect(followups).toHaveLength(seconds > 90 ? 1 : 0);
      }),
      { numRuns: 6 },
    );
  });

  it('an outbound call to a contact’s mobile matches the contact’s customer', async () => {
    const body = jsonCall(120, { direction: 'outbound', from: company400, to: `+86 ${contactMobile}` });
    const res = ok(await postCall(body), 202);
    expect(res.customerId).toBe(contactCustomerId);
    const [run] = await settledRun(body.callId);
    expect(run!.status).toBe('succeeded');
    const followups = (await callFollowups(contactCustomerId)).filter((f) => String(f.content).includes(body.callId));
    expect(followups).toHaveLength(1);
  });

  it('accepts the Twilio-style form post (CallSid, CallStatus, CallDuration)', async () => {
    const sid = `CA${newId().replace(/-/g, '')}`;
    const res = ok(
      await postForm({
        CallSid: sid,
        CallStatus: 'completed',
        CallDuration: '95',
        From: `+86${customerPhone}`,
        To: company400,
        Direction: 'inbound',
        RecordingUrl: 'https://api.twilio.example/Recordings/RE1',
      }),
      202,
    );
    expect(res).toMatchObject({ callId: sid, duplicate: false, customerId });
    const [run] = await settledRun(sid);
    expect(run!.status).toBe('succeeded');
    const followup = ok(await get(`/api/v1/followups/${run!.actions[0].output.followupId}`, admin));
    expect(followup).toMatchObject({ status: 'deep_talk', kind: 'call', source: { type: 'call' } });
    // a repeat of the callback is a duplicate; a short Twilio call (no-answer) creates nothing
    expect(
      ok(await postForm({ CallSid: sid, CallStatus: 'completed', CallDuration: '95', From: 'x', To: 'y' }), 202)
        .duplicate,
    ).toBe(true);
    const missed = `CA${newId().replace(/-/g, '')}`;
    ok(await postForm({ CallSid: missed, CallStatus: 'no-answer', From: customerPhone, To: company400 }), 202);
    const [missedRun] = await settledRun(missed);
    expect(missedRun!.status).toBe('skipped');
  });

  it('an unknown number is stored unmatched, listed with the reason, and creates nothing', async () => {
    const body = jsonCall(300, { from: '13700000000' });
    const res = ok(await postCall(body), 202);
    expect(res).toMatchObject({ customerId: null, matchNote: 'no customer or contact has this number' });
    const [run] = await settledRun(body.callId);
    expect(run!.status).toBe('skipped');
    const unmatched = ok(await get('/api/v1/events/calls?matched=false', admin)) as Array<Record<string, any>>;
    expect(unmatched.find((c) => c.callId === body.callId)).toMatchObject({
      customerId: null,
      followupId: null,
      matchNote: 'no customer or contact has this number',
    });
    const matched = ok(await get('/api/v1/events/calls?matched=true', admin)) as Array<Record<string, any>>;
    expect(matched.some((c) => c.callId === body.callId)).toBe(false);
  });
});

describe('POST /api/v1/events/calls refuses bad input and the wrong credentials', () => {
  it('answers 400 naming the field, and stores nothing', async () => {
    const { talkSeconds: _t, ...noTalk } = jsonCall(100);
    expectFieldError(await postCall(noTalk), 'talkSeconds');
    expectFieldError(await postCall(jsonCall(-1)), 'talkSeconds');
    expectFieldError(await postCall(jsonCall(12.5)), 'talkSeconds');
    expectFieldError(await postCall(jsonCall(100, { direction: 'sideways' })), 'direction');
    expectFieldError(await postCall(jsonCall(100, { startedAt: 'yesterday' })), 'startedAt');
    expectFieldError(await postCall(jsonCall(100, { recordingUrl: 'ftp://x/y' })), 'recordingUrl');
    expectFieldError(await postCall(jsonCall(100, { agentUserId: newId() })), 'agentUserId');
    expectFieldError(await postCall(jsonCall(100, { extra: 1 })), 'extra');
    expectFieldError(await postForm({ CallStatus: 'completed', CallDuration: '5', From: 'a', To: 'b' }), 'CallSid');
    expectFieldError(await postForm({ CallSid: 'CA1', CallStatus: 'ringing', From: 'a', To: 'b' }), 'CallStatus');
    expectFieldError(await postForm({ CallSid: 'CA2', CallStatus: 'completed', From: 'a', To: 'b' }), 'CallDuration');
    expectFieldError(
      await postForm({ CallSid: 'CA3', CallStatus: 'completed', CallDuration: 'ten', From: 'a', To: 'b' }),
      'CallDuration',
    );
    const stored = await withTenant(database.db, company.tenantId, (trx) =>
      trx.selectFrom('call_records').select('call_id').where('call_id', 'in', ['CA1', 'CA2', 'CA3']).execute(),
    );
    expect(stored).toEqual([]);
  });

  it('needs an integration API key with runBackgroundSync: not a session, not a plain member key', async () => {
    expectError(await postCall(jsonCall(100), {}), 401, 'UNAUTHENTICATED');
    expectError(await postCall(jsonCall(100), admin), 403, 'FORBIDDEN');
    const member = await post('/api/v1/api-keys', admin, { name: '无权限', role: 'member' });
    expect(member.status).toBe(201);
    expectError(await postCall(jsonCall(100), { authorization: `Bearer ${member.body.key}` }), 403, 'MISSING_GRANT');
  });
});
