import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { createBoss, type JobRunner } from './boss.ts';
import { dispatchOutbox, startOutboxDispatcher, writeOutboxEvent, type OutboxJob } from './outbox.ts';

// The run's shared database: in-memory PGlite, or PostgreSQL when DATABASE_URL is set (RLS then
// applies to `database.db`). Other files' outbox events may be pending in it too.
let database: Database;
let runner: JobRunner;
let tenantId: string;

const queue = 'test.outbox';
const otherQueue = 'test.outbox-other';

beforeAll(async () => {
  database = await testDatabase();
  runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [{ name: queue }, { name: otherQueue }],
    pollingIntervalSeconds: 0.5,
  });
  tenantId = newId();
  await asSystem(database.db, (trx) =>
    trx
      .insertInto('tenants')
      .values({ id: tenantId, name: 'Outbox Test', slug: `t-${tenantId}`, settings: '{}' })
      .execute(),
  );
}, 60_000);

afterAll(async () => {
  await runner?.stop();
});

const pending = async (ids: string[]) =>
  withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('outbox_events')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .orderBy('id')
      .execute(),
  );

const jobsOf = async (name: string, ids: string[]) =>
  (
    await database.raw(`select id, data from pgboss.job where name = $1 and id = any($2::uuid[]) order by id`, [
      name,
      ids,
    ])
  ).rows as {
    id: string;
    data: OutboxJob;
  }[];

const writeEvents = (topic: string, count: number) =>
  withTenant(database.db, tenantId, async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await writeOutboxEvent(trx, tenantId, topic, { n: i }));
    return ids;
  });

describe('writeOutboxEvent', () => {
  it('writes the event only when the business transaction commits', async () => {
    let rolledBack = '';
    await expect(
      withTenant(database.db, tenantId, async (trx) => {
        rolledBack = await writeOutboxEvent(trx, tenantId, 'test.written', { n: 1 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const committed = await withTenant(database.db, tenantId, (trx) =>
      writeOutboxEvent(trx, tenantId, 'test.written', { n: 2, nested: { ok: true } }),
    );

    const rows = await pending([rolledBack, committed]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: committed,
      topic: 'test.written',
      payload: { n: 2, nested: { ok: true } },
      dispatched_at: null,
      attempts: 0,
    });
  });
});

describe('dispatchOutbox', () => {
  it('hands each event to its queues exactly once, even when dispatchers run concurrently and again', async () => {
    const topicQueues = { 'test.fanout': [queue, otherQueue], 'test.single': [queue] };
    const fanout = await writeEvents('test.fanout', 30);
    const single = await writeEvents('test.single', 5);
    const unrouted = await writeEvents('test.nobody-listens', 3);

    await Promise.all([
      dispatchOutbox(database, runner, { topicQueues, batch: 7 }),
      dispatchOutbox(database, runner, { topicQueues, batch: 7 }),
      dispatchOutbox(database, runner, { topicQueues, batch: 7 }),
    ]);
    // drain whatever is left (this file's and any other pending events), then once more
    while ((await dispatchOutbox(database, runner, { topicQueues, batch: 7 })).dispatched > 0);
    await dispatchOutbox(database, runner, { topicQueues, batch: 7 });

    const all = [...fanout, ...single, ...unrouted];
    const rows = await pending(all);
    expect(rows.every((r) => r.dispatched_at !== null && r.attempts === 0)).toBe(true);

    const main = await jobsOf(queue, all);
    expect(main.map((j) => j.id)).toEqual([...fanout, ...single].sort());
    const other = await jobsOf(otherQueue, all);
    expect(other.map((j) => j.id)).toEqual([...fanout].sort());
    expect(main.find((j) => j.id === fanout[3])!.data).toMatchObject({
      eventId: fanout[3],
      tenantId,
      topic: 'test.fanout',
      payload: { n: 3 },
    });

    // an event dispatched again (e.g. reset by hand) does not create a second job
    await withTenant(database.db, tenantId, (trx) =>
      trx
        .updateTable('outbox_events')
        .set({ dispatched_at: null })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', single[0]!)
        .execute(),
    );
    await dispatchOutbox(database, runner, { topicQueues });
    expect((await pending([single[0]!]))[0]!.dispatched_at).not.toBeNull();
    expect(await jobsOf(queue, [single[0]!])).toHaveLength(1);
  });

  it('keeps failed events pending with attempts and last_error (the batch, then each one), and delivers them later', async () => {
    const topicQueues = { 'test.flaky': [queue] };
    const ids = await writeEvents('test.flaky', 2);
    const unavailable = async () => Promise.reject(new Error('queue unavailable'));
    const boss = Object.create(runner.boss, { insert: { value: unavailable } }) as JobRunner['boss'];
    const broken: JobRunner = { ...runner, boss, send: unavailable };

    const first = await dispatchOutbox(database, broken, { topicQueues });
    expect(first.failed).toBe(2);
    for (const event of await pending(ids))
      expect(event).toMatchObject({ dispatched_at: null, attempts: 1, last_error: 'queue unavailable' });
    expect(await jobsOf(queue, ids)).toHaveLength(0);

    // one insert for the batch: each event's job once, with the event id as job id
    const again = await dispatchOutbox(database, runner, { topicQueues });
    expect(again).toMatchObject({ failed: 0, queues: [queue] });
    for (const event of await pending(ids)) expect(event.dispatched_at).not.toBeNull();
    expect((await jobsOf(queue, ids)).map((job) => job.id).sort()).toEqual([...ids].sort());
  });
});

describe('startOutboxDispatcher', () => {
  it('delivers committed events to a worker in the background, with the event id as job id', async () => {
    const received: { jobId: string; data: OutboxJob }[] = [];
    await runner.work<OutboxJob>(otherQueue, async (job) => {
      received.push({ jobId: job.id, data: job.data });
    });
    const dispatcher = startOutboxDispatcher(database, runner, {
      topicQueues: { 'test.live': [otherQueue] },
      intervalMs: 200,
    });
    const [id] = await writeEvents('test.live', 1);

    const deadline = Date.now() + 15_000;
    while (!received.some((r) => r.jobId === id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await dispatcher.stop();

    const mine = received.filter((r) => r.jobId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toMatchObject({ eventId: id, tenantId, topic: 'test.live', payload: { n: 0 } });
  }, 30_000);

  it('refuses a topic routed to a queue the runner does not have', () => {
    expect(() => startOutboxDispatcher(database, runner, { topicQueues: { x: ['no.such.queue'] } })).toThrow(
      /unknown queue/,
    );
  });
});
