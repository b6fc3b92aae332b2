import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { buildApp, API_VERSION } from '../../server/http/app.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import { appQueues, queueNames } from '../../server/jobs/queues.ts';
import { signBody } from '../../server/integration/channel-secrets.ts';
import { registerIntakeJobs } from '../../server/integration/intake-jobs.ts';
import { INTAKE_TOPIC, type IntakeFaults } from '../../server/integration/intake-process.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { post } from '../support/resource-helpers.ts';
import { connectionDrops, type ConnectionDrops } from '../support/connection-drops.ts';

/**
 * The intake through the real job queue: a server listening on loopback, pg-boss workers, the
 * outbox dispatcher, and failures injected from the test side: handlers that throw, database
 * connections dropped in the middle of a job (tests/support/connection-drops.ts: on PostgreSQL
 * pg_terminate_backend of the job's backend; on PGlite the driver's lost-connection error) and a
 * job-runner restart half-way. `CAIRN_NO_LOSS_N` sets how many intakes (the figure is
 * 5,000; CI runs 500).
 */
const NO_LOSS_N = Number(process.env.CAIRN_NO_LOSS_N ?? 500);

let database: Database;
let company: Company;
let app: FastifyInstance;
let baseUrl: string;
let runner: JobRunner | undefined;
let secret: string;
let channelId: string;
let drops: ConnectionDrops;
const faults: IntakeFaults & { rate: number; afterRate: number; dropRate: number; thrown: number } = {
  rate: 0,
  afterRate: 0,
  dropRate: 0,
  thrown: 0,
  async beforeApply(_job, trx) {
    if (Math.random() < faults.rate) {
      faults.thrown++;
      throw new Error('injected: handler threw before applying');
    }
    if (Math.random() < faults.dropRate) await drops.arm(trx);
  },
  afterCommit() {
    if (Math.random() < faults.afterRate) {
      faults.thrown++;
      throw new Error('injected: process died after the outcome committed');
    }
  },
};

const intakeQueues = appQueues
  .filter((q) => q.name === queueNames.intakeProcess)
  .map((q) => ({ ...q, retryDelay: 1, retryBackoff: false }));

async function startRunner() {
  const started = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: intakeQueues,
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerIntakeJobs(started, drops.jobDatabase, { info() {}, warn() {}, error() {} }, { faults, sweep: false });
  startOutboxDispatcher(database, started, {
    topicQueues: { [INTAKE_TOPIC]: [queueNames.intakeProcess] },
    intervalMs: 100,
  });
  return started;
}

const counts = () =>
  withTenant(database.db, company.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('intake_records')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', company.tenantId)
      .where('channel_id', '=', channelId)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  });

async function settle(total: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await counts();
    const settled = Object.entries(c).reduce((sum, [s, n]) => sum + (s === 'queued' ? 0 : n), 0);
    if (settled === total) return c;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(c)}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 2, orders: 0 });
  drops = await connectionDrops(database);
  const config = loadConfig({});
  app = await buildApp(
    { config, database, storage: new LocalFileStorage('/tmp'), version: API_VERSION },
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const created = await post('/api/v1/channels', await company.as('admin'), {
    key: 'queue-form',
    name: '队列测试',
    kind: 'webhook',
    serviceUserId: company.users.admin,
    retryBaseSeconds: 0,
    retryLimit: 3,
    mapping: [
      { source: 'company', target: 'name' },
      { source: 'phone', target: 'mainPhone', transforms: [{ op: 'emptyToNull' }, { op: 'phone' }] },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  secret = created.body.secret;
  channelId = created.body.data.id;
  runner = await startRunner();
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await drops?.close();
  await app?.close();
});

describe('intake through the queue', () => {
  it('round-trips over loopback HTTP: a signed post is accepted, processed by the worker and polled', async () => {
    const body = JSON.stringify({ company: '回环测试有限公司', phone: '13900139001' });
    const res = await fetch(`${baseUrl}/api/v1/intake/queue-form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-cairn-signature': signBody(secret, body) },
      body,
    });
    expect(res.status).toBe(202);
    const { data } = (await res.json()) as { data: { id: string; status: string } };
    expect(data.status).toBe('queued');
    let outcome: { status: string; recordId: string | null } = { status: 'queued', recordId: null };
    for (let i = 0; i < 100 && outcome.status === 'queued'; i++) {
      await sleep(100);
      const polled = await fetch(`${baseUrl}/api/v1/intake/${data.id}`, {
        headers: { 'x-cairn-channel-secret': secret },
      });
      outcome = ((await polled.json()) as { data: typeof outcome }).data;
    }
    expect(outcome).toMatchObject({ status: 'created', recordId: expect.any(String) });
  });

  it(`ends ${NO_LOSS_N} intakes with handler throws, dropped connections and a runner restart as exactly ${NO_LOSS_N} outcomes, none applied twice`, async () => {
    const before = await counts();
    const already = Object.values(before).reduce((a, b) => a + b, 0);
    faults.rate = 0.15;
    faults.afterRate = 0.05;
    faults.dropRate = 0.1;
    const started = Date.now();
    for (let i = 0; i < NO_LOSS_N; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/intake/queue-form',
        headers: { 'x-cairn-channel-secret': secret },
        payload: { company: `无损测试${i}号有限公司` },
      });
      expect(res.statusCode).toBe(202);
      if (i === Math.floor(NO_LOSS_N / 2)) {
        // a process restart: running jobs are handed back and retried by the next runner
        await runner!.stop();
        runner = await startRunner();
      }
    }
    const result = await settle(already + NO_LOSS_N, 1_800_000);
    faults.rate = 0;
    faults.afterRate = 0;
    faults.dropRate = 0;
    // exactly N outcomes: each created (applied) or dead (a dead letter with its reason), no other state
    const outcomes = (result.created ?? 0) + (result.dead ?? 0) - (before.created ?? 0) - (before.dead ?? 0);
    expect(outcomes).toBe(NO_LOSS_N);
    expect(Object.keys(result).filter((s) => s !== 'created' && s !== 'dead')).toEqual([]);
    expect(faults.thrown).toBeGreaterThan(0);
    expect(drops.dropped).toBeGreaterThan(0);
    const deadWithoutReason = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('intake_records')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', company.tenantId)
        .where('channel_id', '=', channelId)
        .where('status', '=', 'dead')
        .where((eb) => eb.or([eb('reason', 'is', null), eb('last_error', 'is', null)]))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(deadWithoutReason.n)).toBe(0);
    // each applied record points at the customer it created, with the name it sent
    const mismatched = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('intake_records')
        .leftJoin('customers', (j) =>
          j
            .onRef('customers.tenant_id', '=', 'intake_records.tenant_id')
            .onRef('customers.id', '=', 'intake_records.record_id'),
        )
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('intake_records.tenant_id', '=', company.tenantId)
        .where('intake_records.channel_id', '=', channelId)
        .where('intake_records.status', '=', 'created')
        .where(sql<boolean>`customers.name is distinct from intake_records.payload->>'company'`)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(mismatched.n)).toBe(0);
    // every created record is a distinct customer, created once (one audit entry each)
    const applied = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('customers')
        .select((eb) => [eb.fn.countAll<string>().as('customers'), eb.fn.count<string>('name').distinct().as('names')])
        .where('tenant_id', '=', company.tenantId)
        .where('name', 'like', '无损测试%')
        .executeTakeFirstOrThrow(),
    );
    const creates = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .innerJoin('customers', (j) =>
          j.onRef('customers.tenant_id', '=', 'audit_log.tenant_id').onRef('customers.id', '=', 'audit_log.record_id'),
        )
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('audit_log.tenant_id', '=', company.tenantId)
        .where('audit_log.action', '=', 'create')
        .where('customers.name', 'like', '无损测试%')
        .executeTakeFirstOrThrow(),
    );
    const createdNow = (result.created ?? 0) - (before.created ?? 0);
    expect(Number(applied.customers)).toBe(createdNow);
    expect(Number(applied.names)).toBe(createdNow);
    expect(Number(creates.n)).toBe(createdNow);
    console.log(
      `no-loss: ${NO_LOSS_N} intakes in ${((Date.now() - started) / 1000).toFixed(1)} s, ${faults.thrown} handler throws, ${drops.dropped} dropped connections, outcomes ${JSON.stringify(result)}`,
    );
  }, 2_400_000);
});
