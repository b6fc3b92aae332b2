import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { asSystem, type Trx } from '../db/tenant-transaction.ts';
import { errorInfo, silentLogger, transactionExecutor, type JobLogger, type JobRunner } from './boss.ts';

/**
 * Records that something happened, in the caller's business transaction: the event exists
 * exactly when the change does. The dispatcher hands it to pg-boss afterwards.
 */
export async function writeOutboxEvent(
  trx: Trx,
  tenantId: string,
  topic: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('outbox_events')
    .values({ tenant_id: tenantId, id, topic, payload: JSON.stringify(payload) })
    .execute();
  return id;
}

/** Which pg-boss queues receive the events of a topic (e.g. `customer.deleted`). */
export type TopicQueues = Readonly<Record<string, readonly string[]>>;

/** The data of a job created from an outbox event. The job id is the event id. */
export interface OutboxJob {
  eventId: string;
  tenantId: string;
  topic: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

export interface DispatchOptions {
  topicQueues: TopicQueues;
  batch?: number;
  logger?: JobLogger;
  /** Only this company's events (tests that share one database with other companies' events). */
  tenantId?: string;
}

export interface DispatchResult {
  /** Events marked dispatched (including those no queue subscribes to). */
  dispatched: number;
  /** Events whose sending failed; they stay pending with attempts + 1 and last_error. */
  failed: number;
  /** The queues that received jobs (committed when the call returns). */
  queues: string[];
}

/*
 * Delivery guarantee.
 * One transaction claims a batch (`for update skip locked`, so instances share the work),
 * inserts the events' jobs into pg-boss *through that transaction's connection* (the batch's
 * with one statement; should that fail, event by event, each under a savepoint) and sets
 * dispatched_at. Jobs and mark commit or roll back together: after a crash an event is either
 * dispatched with its jobs or pending without them — never lost, never queued twice. (Sending
 * through pg-boss's own connection instead would need claim → commit → send → mark, because on
 * PGlite an open transaction holds the single session that pg-boss would wait for; that order
 * has a crash window between send and mark.) As a second guard the job id is the event id:
 * pg-boss keys jobs by (queue, id) and ignores a repeated insert while the job is kept
 * (until archived, 12 h after completion by default), e.g. if someone re-dispatches by hand.
 * From the queue on pg-boss delivers at least once — a failed or crashed handler is retried —
 * so handlers must be idempotent; `job.id` (= event id) identifies the event.
 *
 * The transaction runs as the schema owner (asSystem on `database.owner`): on PostgreSQL the
 * app role has no rights on the pgboss schema. On PGlite owner and app share one session.
 */
/** Marks events dispatched with one statement (ids are unique across companies: uuid v7). */
async function markDispatched(trx: Trx, events: ReadonlyArray<{ tenant_id: string; id: string }>) {
  await trx
    .updateTable('outbox_events')
    .set({ dispatched_at: sql`now()` })
    .where('tenant_id', 'in', [...new Set(events.map((e) => e.tenant_id))])
    .where(
      'id',
      'in',
      events.map((e) => e.id),
    )
    .execute();
}

export async function dispatchOutbox(
  database: Database,
  runner: JobRunner,
  opts: DispatchOptions,
): Promise<DispatchResult> {
  const { topicQueues, batch = 100, logger = silentLogger, tenantId } = opts;
  return asSystem(database.owner, async (trx) => {
    const claim = (retries: boolean, limit: number) =>
      trx
        .selectFrom('outbox_events')
        .select(['tenant_id', 'id', 'topic', 'payload', 'created_at', 'attempts'])
        .where('dispatched_at', 'is', null)
        .where('attempts', retries ? '>' : '=', 0)
        .$if(Boolean(tenantId), (q) => q.where('tenant_id', '=', tenantId!))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    // Fresh events first, so events that keep failing cannot starve them; retries fill the rest.
    const events = await claim(false, batch);
    if (events.length < batch) events.push(...(await claim(true, batch - events.length)));

    const send = transactionExecutor(trx);
    const result: DispatchResult = { dispatched: 0, failed: 0, queues: [] };
    const queues = new Set<string>();
    // events no queue consumes (most audit events): marked dispatched together, nothing to send
    const unrouted = events.filter((e) => !topicQueues[e.topic]?.length);
    if (unrouted.length) {
      await markDispatched(trx, unrouted);
      result.dispatched += unrouted.length;
    }
    const routed = events.filter((e) => topicQueues[e.topic]?.length);
    const jobOf = (event: (typeof events)[number]): OutboxJob => ({
      eventId: event.id,
      tenantId: event.tenant_id,
      topic: event.topic,
      createdAt: event.created_at.toISOString(),
      payload: event.payload,
    });
    // the whole batch at once: one insert of its jobs, one mark; should that fail, event by event
    const known = routed.every((e) => topicQueues[e.topic]!.every((queue) => runner.queues.has(queue)));
    if (routed.length > 1 && known) {
      await sql`savepoint outbox_batch`.execute(trx);
      try {
        await runner.boss.insert(
          routed.flatMap((event) =>
            (topicQueues[event.topic] ?? []).map((queue) => ({ id: event.id, name: queue, data: jobOf(event) })),
          ),
          { db: { executeSql: send } },
        );
        await markDispatched(trx, routed);
        await sql`release savepoint outbox_batch`.execute(trx);
        for (const event of routed) for (const queue of topicQueues[event.topic]!) queues.add(queue);
        result.dispatched += routed.length;
        routed.length = 0;
      } catch {
        await sql`rollback to savepoint outbox_batch`.execute(trx);
      }
    }
    for (const event of routed) {
      await sql`savepoint outbox_event`.execute(trx);
      try {
        for (const queue of topicQueues[event.topic] ?? [])
          await runner.send(queue, jobOf(event), { id: event.id, executor: send });
        await trx
          .updateTable('outbox_events')
          .set({ dispatched_at: sql`now()` })
          .where('tenant_id', '=', event.tenant_id)
          .where('id', '=', event.id)
          .execute();
        await sql`release savepoint outbox_event`.execute(trx);
        for (const queue of topicQueues[event.topic] ?? []) queues.add(queue);
        result.dispatched++;
      } catch (error) {
        await sql`rollback to savepoint outbox_event`.execute(trx);
        const message = String((error as Error)?.message ?? error).slice(0, 2000);
        await trx
          .updateTable('outbox_events')
          .set({ attempts: sql`attempts + 1`, last_error: message })
          .where('tenant_id', '=', event.tenant_id)
          .where('id', '=', event.id)
          .execute();
        result.failed++;
        logger.warn(
          { eventId: event.id, topic: event.topic, attempts: event.attempts + 1, err: errorInfo(error) },
          'outbox event not dispatched',
        );
      }
    }
    result.queues = [...queues];
    return result;
  });
}

const wakeups = new Set<() => void>();

/**
 * Tells this process's dispatchers that events were just committed: they dispatch now rather
 * than at their next interval, and wake this process's workers of the queues they fed (an
 * intake is processed in milliseconds, not after a poll). Other instances keep their intervals.
 */
export function wakeOutboxDispatchers() {
  for (const wake of wakeups) wake();
}

export interface OutboxDispatcher {
  stop(): Promise<void>;
}

export interface DispatcherOptions extends DispatchOptions {
  intervalMs?: number;
}

/**
 * Runs `dispatchOutbox` every `intervalMs` (immediately again while full batches come back),
 * never overlapping itself. Stops with `stop()` or when the runner stops.
 */
export function startOutboxDispatcher(
  database: Database,
  runner: JobRunner,
  opts: DispatcherOptions,
): OutboxDispatcher {
  const { intervalMs = 1000, batch = 100, logger = silentLogger } = opts;
  for (const [topic, queues] of Object.entries(opts.topicQueues)) {
    for (const queue of queues) {
      if (!runner.queues.has(queue)) throw new Error(`outbox topic "${topic}" is routed to unknown queue "${queue}"`);
    }
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let busy = false;
  let again = false;

  const pass = async () => {
    busy = true;
    again = false;
    let delay = intervalMs;
    try {
      const result = await dispatchOutbox(database, runner, { ...opts, batch, logger });
      if (result.dispatched + result.failed === batch && result.failed === 0) delay = 0;
      for (const queue of result.queues) runner.wake(queue);
    } catch (error) {
      logger.error({ err: errorInfo(error) }, 'outbox dispatch failed');
    }
    busy = false;
    if (!stopped) timer = setTimeout(tick, again ? 0 : delay);
  };
  const tick = () => {
    running = pass();
  };
  // a wake-up during a pass runs one more pass right after it (events committed meanwhile)
  const wake = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    clearTimeout(timer);
    tick();
  };
  wakeups.add(wake);

  const dispatcher: OutboxDispatcher = {
    async stop() {
      stopped = true;
      wakeups.delete(wake);
      clearTimeout(timer);
      await running;
    },
  };
  runner.onStop(() => dispatcher.stop());
  tick();
  return dispatcher;
}
