import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { newId } from '../common/ids.ts';
import { loadConfig } from '../server/config.ts';
import { loadAccess } from '../server/access/access-context.ts';
import { actorFromUser } from '../server/auth/authenticate.ts';
import { receiveCall } from '../server/calls/call-records.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { withTenant } from '../server/db/tenant-transaction.ts';
import { createBoss } from '../server/jobs/boss.ts';
import { startOutboxDispatcher, wakeOutboxDispatchers, type OutboxJob } from '../server/jobs/outbox.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { runAutomationEvents } from '../server/workflows/engine.ts';
import { CALL_TOPIC, topicOf } from '../server/workflows/rule-validation.ts';
import {
  AUTOMATION_BATCH_SIZE,
  automationTopicQueues,
  automationWorkers,
  registerAutomationJobs,
} from '../server/workflows/workflow-jobs.ts';
import '../server/domains/register-all.ts';

/**
 * bench:automation (issue 12): a fresh demo company with 50 active rules on call records (its
 * 90 s rule and 49 more whose conditions rarely match), then
 * - engine throughput: `events` call records stored, and their events run through the engine
 *   (every rule → one run row each) by as many workers as the job queue uses, each taking
 *   batches of the queue's batch size (as a busy queue hands them out); events/s and runs/s.
 *   1000 events by default: 200 were 10 batches, 2.5 rounds of the 4 workers, so the start and
 *   the last, half-idle round weighed more than the steady rate being measured;
 * - latency: `calls` calls of 95 s at `rate`/s through the real outbox dispatcher and pg-boss
 *   queue; received → follow-up committed, p50/p99 (database timestamps of both rows).
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    calls: { type: 'string', default: '50' },
    rate: { type: 'string', default: '5' },
  },
});
const log = (msg: string) => process.stderr.write(`[bench:automation] ${msg}\n`);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function setup(database: Database) {
  const tag = Date.now().toString(36);
  const company = await seedDemo(database.db, {
    slug: `bench-auto-${tag}`,
    tenantName: `自动化压测 ${tag}`,
    customers: 20,
    orders: 0,
  });
  const tenantId = company.tenantId;
  return withTenant(database.db, tenantId, async (trx) => {
    const admin = await trx
      .selectFrom('users')
      .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id'])
      .where('tenant_id', '=', tenantId)
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 49; i++) {
      const trigger = { type: 'call' as const };
      await trx
        .insertInto('automation_rules')
        .values({
          id: newId(),
          tenant_id: tenantId,
          name: `压测规则 ${i}`,
          owner_id: admin.id,
          trigger: JSON.stringify(trigger),
          trigger_topic: topicOf(trigger),
          conditions: JSON.stringify({
            op: 'and',
            all: [
              { op: 'compare', field: 'talkSeconds', cmp: 'gt', value: 100_000 + i },
              { op: 'in', field: 'direction', values: ['inbound', 'outbound'] },
            ],
          }),
          actions: JSON.stringify([{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{callId}}' }]),
        })
        .execute();
    }
    const customers = await trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .orderBy('id')
      .limit(20)
      .execute();
    for (const [i, c] of customers.entries())
      await trx
        .updateTable('customers')
        .set({
          main_phone: `1395555${String(i).padStart(4, '0')}`,
          main_phone_e164: `+861395555${String(i).padStart(4, '0')}`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', c.id)
        .execute();
    return { tenantId, admin, customers: customers.length };
  });
}

async function postCalls(database: Database, env: Awaited<ReturnType<typeof setup>>, n: number, talkSeconds: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await withTenant(database.db, env.tenantId, async (trx) => {
      const actor = actorFromUser(env.admin);
      const ctx = {
        actor,
        trx,
        access: await loadAccess(trx, actor),
        meta: { requestId: 'bench', ip: null, userAgent: null },
      };
      const phone = `1395555${String(i % env.customers).padStart(4, '0')}`;
      const stored = await receiveCall(
        ctx,
        {
          callId: `bench-${newId()}`,
          direction: 'inbound',
          status: 'answered',
          from: phone,
          to: '4008001234',
          agentUserId: null,
          startedAt: new Date(Date.now() - talkSeconds * 1000),
          talkSeconds,
          recordingUrl: 'https://recordings.example.com/bench.mp3',
          format: 'json',
        },
        {},
      );
      ids.push(stored.id);
    });
  }
  return ids;
}

async function throughput(database: Database, env: Awaited<ReturnType<typeof setup>>, events: number) {
  const ids = new Set(await postCalls(database, env, events, 60));
  const rows = await withTenant(database.db, env.tenantId, (trx) =>
    trx
      .selectFrom('outbox_events')
      .selectAll()
      .where('tenant_id', '=', env.tenantId)
      .where('topic', '=', CALL_TOPIC)
      .execute(),
  );
  const jobs: OutboxJob[] = rows
    .filter((r) => ids.has(String(r.payload.callRecordId)))
    .map((r) => ({
      eventId: r.id,
      tenantId: env.tenantId,
      topic: r.topic,
      createdAt: r.created_at.toISOString(),
      payload: r.payload,
    }));
  // mark them dispatched: this part drives the engine directly, without the queue
  await withTenant(database.db, env.tenantId, (trx) =>
    trx
      .updateTable('outbox_events')
      .set({ dispatched_at: sql`now()` })
      .where('tenant_id', '=', env.tenantId)
      .where('dispatched_at', 'is', null)
      .execute(),
  );
  const workers = automationWorkers(database);
  const started = performance.now();
  let next = 0;
  let runs = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) {
        const batch = jobs.slice(next, (next += AUTOMATION_BATCH_SIZE));
        for (const outcome of await runAutomationEvents(database, batch)) {
          if ('error' in outcome) throw outcome.error;
          runs += Object.values(outcome.results).reduce((a, b) => a + b, 0);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    events: jobs.length,
    rules: 50,
    runs,
    workers,
    batchSize: AUTOMATION_BATCH_SIZE,
    seconds: +seconds.toFixed(2),
    eventsPerSecond: +(jobs.length / seconds).toFixed(1),
    runsPerSecond: +(runs / seconds).toFixed(1),
  };
}

async function latency(database: Database, env: Awaited<ReturnType<typeof setup>>, calls: number, rate: number) {
  const runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [],
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerAutomationJobs(runner, database, { info() {}, warn() {}, error() {} });
  startOutboxDispatcher(database, runner, {
    topicQueues: automationTopicQueues,
    tenantId: env.tenantId,
    intervalMs: 200,
  });
  const ids: string[] = [];
  try {
    for (let i = 0; i < calls; i++) {
      const at = performance.now();
      ids.push(...(await postCalls(database, env, 1, 95)));
      wakeOutboxDispatchers();
      await sleep(Math.max(0, 1000 / rate - (performance.now() - at)));
    }
    const deadline = Date.now() + 120_000;
    for (;;) {
      const done = await withTenant(database.db, env.tenantId, (trx) =>
        trx
          .selectFrom('call_records')
          .select('id')
          .where('tenant_id', '=', env.tenantId)
          .where('id', 'in', ids)
          .where('followup_id', 'is not', null)
          .execute(),
      );
      if (done.length === ids.length || Date.now() > deadline) break;
      await sleep(200);
    }
  } finally {
    await runner.stop();
  }
  const rows = await withTenant(database.db, env.tenantId, (trx) =>
    trx
      .selectFrom('call_records')
      .innerJoin('followups', (j) =>
        j
          .onRef('followups.tenant_id', '=', 'call_records.tenant_id')
          .onRef('followups.id', '=', 'call_records.followup_id'),
      )
      .select(['call_records.received_at', 'followups.created_at'])
      .where('call_records.tenant_id', '=', env.tenantId)
      .where('call_records.id', 'in', ids)
      .execute(),
  );
  const ms = rows.map((r) => r.created_at.getTime() - r.received_at.getTime()).sort((a, b) => a - b);
  return {
    calls,
    followups: rows.length,
    ratePerSecond: rate,
    p50Ms: pct(ms, 50),
    p99Ms: pct(ms, 99),
    maxMs: ms.at(-1) ?? null,
  };
}

const config = loadConfig();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-automation-'));
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : path.join(scratch, 'db'),
  appDbRole: config.appDbRole,
  poolSize: 8,
});
try {
  await migrateToLatest(database, config.appDbRole);
  log('seeding a demo company with 50 call rules');
  const env = await setup(database);
  log(`engine throughput over ${values.events} call events`);
  const engine = await throughput(database, env, Number(values.events));
  log(`received → follow-up latency over ${values.calls} calls at ${values.rate}/s`);
  const endToEnd = await latency(database, env, Number(values.calls), Number(values.rate));
  console.log(
    JSON.stringify(
      {
        database: database.kind,
        loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
        engine,
        endToEnd,
        targets: { eventsPerSecond: 500, p99Ms: 500 },
      },
      null,
      2,
    ),
  );
} finally {
  await database.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
