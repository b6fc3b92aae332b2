import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem } from '../db/tenant-transaction.ts';
import { transactionExecutor, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import type { OutboxJob } from '../jobs/outbox.ts';
import { deadLetterName, queueNames } from '../jobs/queues.ts';
import {
  recordFailure,
  retryJobId,
  runIntakeJob,
  type IntakeFaults,
  type IntakeJob,
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
  await runner.work<QueuedData>(
    queueNames.intakeProcess,
    async (job) => {
      const outcome = await runIntakeJob(database, intakeJobOf(job.data), { schedule, faults: opts.faults });
      if (outcome.kind === 'failed')
        logger.warn({ reason: outcome.reason, dead: outcome.dead }, 'intake record failed');
      return { outcome: outcome.kind };
    },
    { workers: opts.workers ?? intakeWorkers(database) },
  );
  await runner.work<QueuedData>(deadLetterName(queueNames.intakeProcess), async (job) => {
    const intake = intakeJobOf(job.data);
    const error = new Error(
      'the job failed repeatedly without recording an outcome (crash, lost connection or timeout)',
    );
    return recordFailure(database, intake, error, undefined);
  });
  if (opts.sweep !== false) {
    await runner.work(queueNames.intakeSweep, () => sweepIntake(database, runner));
    await runner.schedule(queueNames.intakeSweep, intakeSweepCron);
  }
}
