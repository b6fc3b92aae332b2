import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem } from '../db/tenant-transaction.ts';
import { transactionExecutor, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import type { OutboxJob } from '../jobs/outbox.ts';
import { deadLetterName, queueNames } from '../jobs/queues.ts';
import { runIntakeBatch } from './intake-batch.ts';
import {
  recordFailure,
  retryJobId,
  runIntakeJob,
  type IntakeFaults,
  type IntakeJob,
  type JobOutcome,
  type ProcessOptions,
  type ScheduleRetry,
} from './intake-process.ts';

/**
 * The intake queue: one pg-boss queue (`intake.process`) for every channel, keyed by record;
 * each channel's base delay and retry limit are applied by the handler when it schedules the
 * next attempt (intake-process.ts), so one queue serves channels with different policies.
 * pg-boss's own retries only cover handlers that died without recording anything (a crash,
 * a lost connection); when those run out, the job lands in `intake.process.dead`, whose worker
 * turns the record into a dead letter (reason `timeout`) instead of leaving it queued forever.
 * A sweep re-sends jobs for records still queued long after they were due (a lost send).
 */
export const intakeSweepCron = '*/5 * * * *';
const SWEEP_AFTER_SECONDS = 300;

type QueuedData = Partial<IntakeJob> & Partial<OutboxJob>;

/**
 * Intake jobs running at once in one instance: on PostgreSQL several (each its own connection
 * and transaction; the record row lock keeps one record to one job), on the embedded database
 * one (a single session serialises them anyway).
 */
export const intakeWorkers = (database: Database) => (database.kind === 'postgres' ? 4 : 1);

/**
 * Intake jobs one worker takes at once, applied together (`runIntakeJobs`): fewer, larger
 * transactions. Smaller on the embedded database, whose one session the web requests wait for.
 */
export const intakeBatchSize = (database: Database) => (database.kind === 'postgres' ? 20 : 10);

/**
 * Runs a batch of queue jobs: each company's jobs through the set-based batch (intake-batch.ts);
 * should that fail as a whole (the connection was lost under it), each job in a transaction of its
 * own, exactly as one job runs. The `afterCommit` fault fires per applied record, after its commit.
 */
export async function runIntakeJobs(
  database: Database,
  jobs: IntakeJob[],
  opts: ProcessOptions,
): Promise<JobOutcome[]> {
  const byTenant = new Map<string, IntakeJob[]>();
  for (const job of jobs) byTenant.set(job.tenantId, [...(byTenant.get(job.tenantId) ?? []), job]);
  const all: JobOutcome[] = [];
  for (const [tenantId, group] of byTenant) {
    let outcomes: JobOutcome[] | undefined;
    try {
      outcomes = await runIntakeBatch(database, tenantId, group, opts);
    } catch {
      outcomes = undefined;
    }
    if (outcomes) {
      for (const [i, outcome] of outcomes.entries())
        if (outcome.kind === 'applied') opts.faults?.afterCommit?.(group[i]!);
    } else {
      outcomes = [];
      for (const job of group) outcomes.push(await runIntakeJob(database, job, opts));
    }
    all.push(...outcomes);
  }
  return all;
}

/** A job from the outbox (`intake.received`) or a scheduled retry, as one shape. */
export function intakeJobOf(data: QueuedData): IntakeJob {
  const payload = (data.payload ?? {}) as { intakeId?: string; attempt?: number };
  return {
    tenantId: data.tenantId!,
    intakeId: data.intakeId ?? payload.intakeId!,
    attempt: data.attempt ?? payload.attempt ?? 0,
  };
}

export function scheduleWith(runner: JobRunner): ScheduleRetry {
  return async (job, delaySeconds, trx) => {
    await runner.send(queueNames.intakeProcess, job, {
      id: retryJobId(job),
      startAfter: delaySeconds,
      executor: transactionExecutor(trx),
    });
  };
}

/** Re-sends jobs of records queued and overdue (their send was lost); repeated sends are ignored. */
export async function sweepIntake(database: Database, runner: JobRunner): Promise<number> {
  return asSystem(database.owner, async (trx) => {
    const overdue = await trx
      .selectFrom('intake_records')
      .select(['tenant_id', 'id', 'attempts'])
      .where('status', '=', 'queued')
      .where(
        sql<boolean>`coalesce(next_attempt_at, received_at) < now() - make_interval(secs => ${SWEEP_AFTER_SECONDS})`,
      )
      .orderBy('received_at')
      .limit(1000)
      .execute();
    const send = scheduleWith(runner);
    for (const r of overdue) await send({ tenantId: r.tenant_id, intakeId: r.id, attempt: r.attempts }, 0, trx);
    return overdue.length;
  });
}

export async function registerIntakeJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  opts: { faults?: IntakeFaults; sweep?: boolean; workers?: number } = {},
) {
  const schedule = scheduleWith(runner);
  await runner.workBatch<QueuedData>(
    queueNames.intakeProcess,
    async (jobs) => {
      const outcomes = await runIntakeJobs(
        database,
        jobs.map((job) => intakeJobOf(job.data)),
        {
          schedule,
          faults: opts.faults,
        },
      );
      for (const outcome of outcomes)
        if (outcome.kind === 'failed')
          logger.warn({ reason: outcome.reason, dead: outcome.dead }, 'intake record failed');
      return { outcomes: outcomes.map((o) => o.kind) };
    },
    { workers: opts.workers ?? intakeWorkers(database), batchSize: intakeBatchSize(database) },
  );
  await runner.work<QueuedData>(deadLetterName(queueNames.intakeProcess), async (job) => {
    const intake = intakeJobOf(job.data);
    const error = new Error(
      'the job failed repeatedly without recording an outcome (crash, lost connection or timeout)',
    );
    // a record that may still be retried gets its next attempt as a job (not only from the sweep)
    return recordFailure(database, intake, error, schedule);
  });
  if (opts.sweep !== false) {
    await runner.work(queueNames.intakeSweep, () => sweepIntake(database, runner));
    await runner.schedule(queueNames.intakeSweep, intakeSweepCron);
  }
}
