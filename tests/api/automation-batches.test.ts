import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import type { OutboxJob } from '../../server/jobs/outbox.ts';
import { CALL_RULE_NAME } from '../../server/seed/demo-automation.ts';
import { runAutomationEvents } from '../../server/workflows/engine.ts';
import { CALL_TOPIC } from '../../server/workflows/rule-validation.ts';
import { AUTOMATION_QUEUE, automationQueue, registerAutomationJobs } from '../../server/workflows/workflow-jobs.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { outboxJobsOf } from '../support/outbox-jobs.ts';
import { testDatabase } from '../support/test-database.ts';
import { get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/**
 * The automation queue's batches (runAutomationEvents): a company's events screened together
 * give what each event run alone gives, a repeated batch acts on nothing twice, and one event
 * that fails stops only itself, in the engine and through the pg-boss queue.
 */
let database: Database;
let company: Company;
let admin: Headers;
let keyHeaders: Headers;
let callRuleId: string;
let levelRuleId: string;
let customers: Array<Record<string, any>>;
let runner: JobRunner | undefined;

const customerPhone = `1397777${String(Math.floor(Math.random() * 9000) + 1000)}`;

/** Posts a call of `talkSeconds` to the first customer's number; answers its callId. */
async function postCall(talkSeconds: number) {
  const callId = `batch-${newId()}`;
  const res = await call({
    method: 'POST',
    url: '/api/v1/events/calls',
    headers: keyHeaders,
    payload: {
      callId,
      direction: 'inbound',
      from: customerPhone,
      to: '4008001234',
      startedAt: '2026-11-30T09:00:00+08:00',
      talkSeconds,
    },
  });
  ok(res, 202);
  return callId;
}

const outboxJobs = () => outboxJobsOf(database, company.tenantId);

const callJob = async (callId: string) => (await outboxJobs()).find((job) => job.payload.callId === callId)!;

/** A call event whose record id is not an id: reading its subject fails. */
const brokenCallJob = (): OutboxJob => ({
  eventId: newId(),
  tenantId: company.tenantId,
  topic: CALL_TOPIC,
  createdAt: new Date().toISOString(),
  payload: { callRecordId: 'not-a-record-id', callId: `broken-${newId()}` },
});

async function runsOf(ruleId: string, eventId: string) {
  return withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('automation_runs')
      .select(['status', 'conditions'])
      .where('tenant_id', '=', company.tenantId)
      .where('rule_id', '=', ruleId)
      .where('event_id', '=', eventId)
      .execute(),
  );
}

async function callFollowups(callId: string) {
  return withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('followups')
      .select('id')
      .where('tenant_id', '=', company.tenantId)
      .where('content', 'like', `%${callId}%`)
      .execute(),
  );
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  const key = await post('/api/v1/api-keys', admin, { name: '呼叫中心', role: 'admin' });
  expect(key.status).toBe(201);
  keyHeaders = { authorization: `Bearer ${key.body.key}` };
  const rules = ok(await get('/api/v1/automation-rules', admin)) as Array<Record<string, any>>;
  callRuleId = rules.find((r) => r.name === CALL_RULE_NAME)!.id;
  customers = ok(await get('/api/v1/customers?limit=3&sort=name', admin)) as Array<Record<string, any>>;
  const first = customers[0]!;
  customers[0] = ok(
    await patch(`/api/v1/customers/${first.id}`, admin, { mainPhone: customerPhone, version: first.version }),
  );
  // levels the test then changes (events from before the rule was saved are not heard by it)
  for (const [i, level] of [
    [1, 'C'],
    [2, 'A'],
  ] as const) {
    const c = customers[i]!;
    customers[i] = ok(await patch(`/api/v1/customers/${c.id}`, admin, { level, version: c.version }));
  }
  levelRuleId = ok(
    await post('/api/v1/automation-rules', admin, {
      name: '等级改为 A 时提醒',
      trigger: { type: 'record', object: 'customer', on: 'updated', fields: ['level'] },
      conditions: { op: 'compare', field: 'level', cmp: 'eq', value: 'A' },
      actions: [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{name}} 升为 A' }],
    }),
    201,
  ).id;
}, 120_000);

afterAll(async () => {
  await runner?.stop();
});

describe('automation batches', () => {
  it('screens a company’s events together and gives each what it gets alone; a repeated batch acts on nothing', async () => {
    const [long, short, longer] = [await postCall(95), await postCall(60), await postCall(120)];
    const [second, third] = [customers[1]!, customers[2]!];
    ok(await patch(`/api/v1/customers/${second.id}`, admin, { level: 'A', version: second.version }));
    ok(await patch(`/api/v1/customers/${third.id}`, admin, { level: 'B', version: third.version }));
    const all = await outboxJobs();
    // the two updates just made (the company's older events come first)
    const levelJobs = all
      .filter((job) => job.topic === 'customer.updated' && [second.id, third.id].includes(job.payload.id as string))
      .slice(-2);
    expect(levelJobs.map((job) => job.payload.id)).toEqual([second.id, third.id]);
    const batch = [await callJob(long), await callJob(short), await callJob(longer), ...levelJobs];

    const first = await runAutomationEvents(database, batch);
    expect(first).toEqual([
      { results: { succeeded: 1 } },
      { results: { skipped: 1 } },
      { results: { succeeded: 1 } },
      { results: { succeeded: 1 } },
      { results: { skipped: 1 } },
    ]);
    const [skippedCall] = await runsOf(callRuleId, batch[1]!.eventId);
    expect(skippedCall).toMatchObject({ status: 'skipped', conditions: { result: false } });
    const [skippedLevel] = await runsOf(levelRuleId, batch[4]!.eventId);
    expect(skippedLevel!.conditions).toMatchObject({ result: false, steps: [{ field: 'level', actual: 'B' }] });

    // the queue delivers at least once: the same batch again, and an event twice in one batch
    const again = await runAutomationEvents(database, [...batch, batch[0]!]);
    expect(again).toEqual(Array.from({ length: 6 }, () => ({ results: { duplicate: 1 } })));
    for (const [callId, count] of [
      [long, 1],
      [short, 0],
      [longer, 1],
    ] as const)
      expect(await callFollowups(callId)).toHaveLength(count);
    for (const job of batch)
      expect(await runsOf(job.topic === CALL_TOPIC ? callRuleId : levelRuleId, job.eventId)).toHaveLength(1);
  });

  it('an event that fails stops only itself: the others of its batch run once', async () => {
    const [long, short] = [await postCall(100), await postCall(30)];
    const broken = brokenCallJob();
    const batch = [await callJob(long), broken, await callJob(short)];
    const outcomes = await runAutomationEvents(database, batch);
    expect(outcomes[0]).toEqual({ results: { succeeded: 1 } });
    expect(outcomes[1]).toEqual({ error: expect.anything() });
    expect(outcomes[2]).toEqual({ results: { skipped: 1 } });
    expect(await runsOf(callRuleId, broken.eventId)).toEqual([]);
    expect(await callFollowups(long)).toHaveLength(1);
    // retried, the failed event fails again and the others find their runs
    const retried = await runAutomationEvents(database, batch);
    expect(retried.map((o) => ('results' in o ? o.results : 'error'))).toEqual([
      { duplicate: 1 },
      'error',
      { duplicate: 1 },
    ]);
    expect(await callFollowups(long)).toHaveLength(1);
  });

  it('through the queue: a batch with a failed event completes the others, and only the failed job is retried', async () => {
    const [long, short] = [await postCall(97), await postCall(20)];
    const jobs = [await callJob(long), brokenCallJob(), await callJob(short)];
    runner = await createBoss(database, {
      schedule: false,
      supervise: false,
      queues: [],
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 2000,
    });
    await runner.ensureQueue(automationQueue);
    // sent before the workers start, so one fetch takes them together
    const ids: string[] = [];
    for (const job of jobs) ids.push((await runner.send(AUTOMATION_QUEUE, job, { id: job.eventId }))!);
    await registerAutomationJobs(runner, database, { info() {}, warn() {}, error() {} }, { schedule: false });
    const states = async () =>
      Promise.all(ids.map(async (id) => (await runner!.boss.getJobById(AUTOMATION_QUEUE, id))?.state));
    try {
      const deadline = Date.now() + 20_000;
      while ((await states()).some((state) => state === 'created' || state === 'active') && Date.now() < deadline)
        await sleep(100);
      expect(await states()).toEqual(['completed', 'retry', 'completed']);
    } finally {
      // the broken job would be retried for minutes: other tests wait for the shared queue to drain
      await runner.boss.cancel(AUTOMATION_QUEUE, ids[1]!);
    }
    expect(await callFollowups(long)).toHaveLength(1);
    expect((await runsOf(callRuleId, jobs[2]!.eventId)).map((r) => r.status)).toEqual(['skipped']);
  });
});
