import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import { answerDeadlineMs, createPool, endPool, queryPool } from '../db/pg-pool.ts';
import type { DB } from '../db/schema.ts';
import {
  appQueues,
  deadLetterName,
  deadLetterRetentionMinutes,
  defaultQueueOptions,
  type QueueSpec,
} from './queues.ts';

/** The part of a pino logger the jobs use. Job data is never logged (it may hold personal data). */
export interface JobLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

export const silentLogger: JobLogger = { info() {}, warn() {}, error() {} };

/** Runs one SQL statement for pg-boss; `values` absent means "may be several statements". */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface JobInfo<T> {
  id: string;
  name: string;
  data: T;
  /** Aborted when the runner stops; long handlers should check it and return early. */
  signal: AbortSignal;
}

export type JobHandler<T> = (job: JobInfo<T>) => Promise<unknown>;
export type BatchHandler<T> = (jobs: Array<JobInfo<T>>) => Promise<unknown>;
type WorkOptions = { pollingIntervalSeconds?: number; workers?: number };

export interface SendOptions {
  /** A fixed job id (uuid): a second send with the same id to the same queue is ignored (returns null). */
  id?: string;
  startAfter?: Date | number | string;
  singletonKey?: string;
  priority?: number;
  /**
   * Insert the job through this connection instead of the runner's own, e.g. an open transaction
   * (see `transactionExecutor`), so the job exists exactly when that transaction commits.
   */
  executor?: SqlExecutor;
}

export interface JobRunner {
  readonly boss: PgBoss;
  /** Queues created by this runner (including dead-letter queues). */
  readonly queues: ReadonlySet<string>;
  ensureQueue(spec: QueueSpec): Promise<void>;
  send(queue: string, data: object, opts?: SendOptions): Promise<string | null>;
  /**
   * Runs `handler` on the queue's jobs; `workers` > 1 runs that many fetch loops in this process,
   * so as many jobs of the queue run at once (answers the first worker's id).
   */
  work<T>(
    queue: string,
    handler: JobHandler<T>,
    opts?: { pollingIntervalSeconds?: number; workers?: number },
  ): Promise<string>;
  /** As `work`, up to `batchSize` jobs a call: success completes them all, a throw fails them all. */
  workBatch<T>(queue: string, handler: BatchHandler<T>, opts?: WorkOptions & { batchSize?: number }): Promise<string>;
  /** Makes this process's workers of `queue` fetch now instead of at their next poll (jobs were just sent). */
  wake(queue: string): void;
  /** Upserts the queue's cron schedule (one per queue); pg-boss fires it once across all instances. */
  schedule(queue: string, cron: string, data?: object, opts?: { tz?: string }): Promise<void>;
  /** Runs `hook` at the start of `stop()` (loops that feed the runner stop before it does). */
  onStop(hook: () => Promise<void>): void;
  /** Stops workers (waiting for running handlers up to the timeout) and releases connections. */
  stop(): Promise<void>;
}

export interface CreateBossOptions {
  /** Run cron schedules on this instance (default true). Schedules can be registered either way. */
  schedule?: boolean;
  /** pg-boss maintenance: expiring, archiving and deleting old jobs (default true). */
  supervise?: boolean;
  logger?: JobLogger;
  /** Queues to create at start (default: the app's, from queues.ts). */
  queues?: QueueSpec[];
  pollingIntervalSeconds?: number;
  /** How long `stop()` waits for running handlers before failing them (default 10 s). */
  stopTimeoutMs?: number;
  /** Connections of the runner's own pool on PostgreSQL (default 4). */
  poolSize?: number;
}

export const defaultTimezone = 'Asia/Shanghai';

/**
 * An executor that runs pg-boss statements inside a Kysely transaction. On PostgreSQL the
 * transaction must run as the schema owner (`database.owner`): the app role has no rights on
 * the `pgboss` schema. On PGlite `owner` and `db` are the same single session.
 */
export function transactionExecutor(trx: Kysely<DB>): SqlExecutor {
  return async (text, values) => {
    const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: result.rows as unknown[] };
  };
}

export const errorInfo = (error: unknown): Record<string, unknown> => {
  const e = error as { message?: unknown; code?: unknown; stack?: unknown; queue?: unknown };
  return { message: String(e?.message ?? error), code: e?.code, queue: e?.queue, stack: e?.stack };
};

/*
 * pg-boss 10 records a worker's job outcome (complete / fail) without awaiting it. Should that
 * statement fail (a connection blip), the rejection would be unhandled and end the process. For
 * exactly these two statements the runner logs and answers "0 jobs affected" instead: the job
 * stays active, expires and is retried. (Read from pg-boss's internals; if they move, the set is
 * empty and only this safety net is lost. Explicit `boss.complete/fail` calls share it.)
 */
const unawaitedStatements: ReadonlySet<string> = (() => {
  try {
    const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as Record<string, (schema: string) => string>;
    return new Set([plans.completeJobs!('pgboss'), plans.failJobsById!('pgboss')]);
  } catch {
    return new Set<string>();
  }
})();
const noJobsAffected = { rows: [{ count: '0' }] };

/** Starts pg-boss on the app's database (it installs or migrates its own `pgboss` schema). */
export async function createBoss(database: Database, opts: CreateBossOptions = {}): Promise<JobRunner> {
  const logger = opts.logger ?? silentLogger;
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 2;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const started = Date.now();

  // pg-boss gets a connection of its own as the schema owner. On PGlite that is `database.raw`
  // (same session, behind the same mutex as Kysely). On PostgreSQL it is a small pool we own,
  // rather than pg-boss's built-in one, so that `stop()` can wait for in-flight statements
  // before closing it (pg-boss does not await some of its own completions).
  let pool: pg.Pool | undefined;
  let base: SqlExecutor;
  if (database.kind === 'postgres') {
    if (!database.connectionString) throw new Error('the job runner needs database.connectionString on PostgreSQL');
    const ownPool = createPool(
      { connectionString: database.connectionString },
      {
        name: 'jobs',
        max: opts.poolSize ?? 4,
        timeouts: database.timeouts,
        onError: (error) => logger.warn({ err: errorInfo(error) }, 'job database connection lost'),
      },
    );
    pool = ownPool;
    const deadline = answerDeadlineMs(database.timeouts);
    base = async (text, values) => {
      const result = (await queryPool(ownPool, text, values, deadline)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    };
  } else {
    base = database.raw;
  }

  let inflight = 0;
  let closed = false;
  const executeSql = async (text: string, values?: unknown[]) => {
    const unawaited = unawaitedStatements.has(text);
    if (closed) {
      if (unawaited) return noJobsAffected; // a straggler's completion; its job was already failed
      throw new Error('the job runner is stopped');
    }
    inflight++;
    try {
      return await base(text, values);
    } catch (error) {
      if (!unawaited) throw error;
      logger.error({ err: errorInfo(error) }, 'job outcome not recorded; the job will expire and be retried');
      return noJobsAffected;
    } finally {
      inflight--;
    }
  };

  const boss = new PgBoss({
    db: { executeSql },
    schedule: opts.schedule ?? true,
    supervise: opts.supervise ?? true,
    pollingIntervalSeconds,
  });
  boss.on('error', (error) => logger.error({ err: errorInfo(error) }, 'job runner error'));

  // instances starting together would race pg-boss's install and queue creation into deadlocks:
  // one at a time, under a session advisory lock held on a connection of its own
  const startup = pool ? await holdStartupLock(pool) : undefined;
  try {
    await boss.start();
  } catch (error) {
    await startup?.release();
    closed = true;
    if (pool) await endPool(pool);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  let activeHandlers = 0;
  const abort = new AbortController(); // stop requested: handlers may wind down
  const abandon = new AbortController(); // stop timeout passed: handlers are given up on
  const stopHooks: Array<() => Promise<void>> = [];
  const known = new Set<string>();
  const workerIds = new Map<string, string[]>();
  const assertKnown = (queue: string) => {
    if (stopping) throw new Error('the job runner is stopped');
    if (!known.has(queue)) throw new Error(`unknown job queue "${queue}": create it with ensureQueue first`);
  };

  async function ensureQueue(spec: QueueSpec) {
    const dead = deadLetterName(spec.name);
    const deadOptions = { name: dead, retentionMinutes: deadLetterRetentionMinutes };
    await boss.createQueue(dead, deadOptions);
    await boss.updateQueue(dead, deadOptions);
    const { name, ...retry } = spec;
    const options = { ...defaultQueueOptions, ...retry, name, deadLetter: dead };
    await boss.createQueue(name, options); // a no-op when it exists…
    await boss.updateQueue(name, options); // …so the current options are applied here
    known.add(dead);
    known.add(name);
  }

  async function startWorker<T>(
    queue: string,
    handler: BatchHandler<T>,
    workOpts: { pollingIntervalSeconds?: number; batchSize?: number },
  ): Promise<string> {
    assertKnown(queue);
    const options = {
      batchSize: workOpts.batchSize ?? 1,
      pollingIntervalSeconds: workOpts.pollingIntervalSeconds ?? pollingIntervalSeconds,
    };
    const worker = { id: '' }; // set once boss.work returns; a first job may start before that
    worker.id = await boss.work<T>(queue, options, async (fetched) => {
      const jobs = fetched.map((j) => ({ id: j.id, name: j.name, data: j.data, signal: abort.signal }));
      const job = { id: jobs.map((j) => j.id).join(',') };
      activeHandlers++;
      let onAbort: (() => void) | undefined;
      try {
        // a job fetched while stopping goes back to pg-boss, which retries it later
        if (stopping) throw new Error('the job runner is stopping');
        const run = handler(jobs);
        // When the stop timeout passes, pg-boss gets a failure now (and retries the job later)
        // rather than completing it after its connection is gone; the handler is abandoned.
        const abandoned = new Promise<never>((_, reject) => {
          onAbort = () => reject(new Error('the job runner stopped before the job finished'));
          abandon.signal.addEventListener('abort', onAbort, { once: true });
        });
        run.catch(
          (error) =>
            abandon.signal.aborted &&
            logger.warn({ queue, jobId: job.id, err: errorInfo(error) }, 'abandoned job failed'),
        );
        return await Promise.race([run, abandoned]);
      } catch (error) {
        logger.error({ queue, jobId: job.id, err: errorInfo(error) }, 'job failed');
        throw error;
      } finally {
        if (onAbort) abandon.signal.removeEventListener('abort', onAbort);
        activeHandlers--;
        // pg-boss waits a full polling interval after every job; fetch again at once instead
        // (it waits once a fetch comes back empty)
        if (worker.id && !stopping) boss.notifyWorker(worker.id);
      }
    });
    return worker.id;
  }

  const runner: JobRunner = {
    boss,
    queues: known,
    // a feature's queues are created after startup: under the same lock, for the same reason
    async ensureQueue(spec) {
      const lock = pool ? await holdStartupLock(pool) : undefined;
      try {
        await ensureQueue(spec);
      } finally {
        await lock?.release();
      }
    },

    async send(queue, data, sendOpts = {}) {
      assertKnown(queue);
      const { executor, ...rest } = sendOpts;
      return boss.send(queue, data, executor ? { ...rest, db: { executeSql: executor } } : rest);
    },

    async work<T>(
      queue: string,
      handler: JobHandler<T>,
      workOpts: { pollingIntervalSeconds?: number; workers?: number } = {},
    ) {
      return runner.workBatch<T>(queue, (jobs) => handler(jobs[0]!), { ...workOpts, batchSize: 1 });
    },

    async workBatch<T>(queue: string, handler: BatchHandler<T>, workOpts: WorkOptions & { batchSize?: number } = {}) {
      const ids: string[] = [];
      for (let i = 0; i < Math.max(1, workOpts.workers ?? 1); i++)
        ids.push(await startWorker(queue, handler, workOpts));
      workerIds.set(queue, [...(workerIds.get(queue) ?? []), ...ids]);
      return ids[0]!;
    },

    wake(queue) {
      if (stopping) return;
      for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
    },

    async schedule(queue, cron, data = {}, scheduleOpts = {}) {
      assertKnown(queue);
      await boss.schedule(queue, cron, data, { tz: scheduleOpts.tz ?? defaultTimezone });
    },

    onStop(hook) {
      stopHooks.push(hook);
    },

    stop() {
      stopping ??= (async () => {
        abort.abort();
        try {
          for (const hook of [...stopHooks].reverse()) {
            await hook().catch((error) => logger.warn({ err: errorInfo(error) }, 'job runner stop hook failed'));
          }
          // waits for running handlers up to the timeout, then fails the jobs still active
          await boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs });
          abandon.abort();
          // pg-boss resolves stop() before workers finish their last fetch and before its
          // (unawaited) completion updates land; wait until nothing is running, then close.
          const deadline = Date.now() + 2000;
          let idleChecks = 0;
          while (idleChecks < 3 && Date.now() < deadline) {
            idleChecks = inflight === 0 && activeHandlers === 0 ? idleChecks + 1 : 0;
            await sleep(50);
          }
          if (inflight > 0 || activeHandlers > 0) {
            logger.warn({ inflight, activeHandlers }, 'job runner stopped with work still running');
          }
        } finally {
          abandon.abort();
          closed = true;
          if (pool) await endPool(pool);
        }
        logger.info({}, 'job runner stopped');
      })();
      return stopping;
    },
  };

  try {
    for (const spec of opts.queues ?? appQueues) await ensureQueue(spec);
  } catch (error) {
    await startup?.release();
    await runner.stop();
    throw error;
  }
  await startup?.release();
  logger.info({ driver: database.kind, queues: known.size, ms: Date.now() - started }, 'job runner started');
  return runner;
}

/** Any fixed key: the lock only orders job-runner starts among Cairn instances on one database. */
const STARTUP_LOCK_KEY = 7_305_114_082;

async function holdStartupLock(pool: pg.Pool): Promise<{ release(): Promise<void> }> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      let failure: Error | undefined;
      try {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      } catch (error) {
        failure = error as Error; // a dropped connection releases its session locks anyway
      } finally {
        client.release(failure);
      }
    },
  };
}
