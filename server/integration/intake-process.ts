import { createHash } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant, type Trx } from '../db/tenant-transaction.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import { writeInboundEvent } from '../workflows/inbound-events.ts';
import { INTAKE_APPLIED_TOPIC } from '../workflows/inbound-topics.ts';
import {
  applyIntake,
  errorFieldsOf,
  IntakeError,
  isPermanent,
  reasonOf,
  type ApplyMemo,
  type ApplyResult,
  type FailureReason,
} from './intake-apply.ts';
import { loadServiceIdentity, type ServiceIdentity } from './service-identity.ts';
import type { ChannelRow } from './channel-store.ts';

/**
 * Processing of intake records. Delivery guarantee: the record and its first job (an outbox
 * event, `intake.received`) are written in the intake request's transaction; the outbox
 * dispatcher hands it to the `intake.process` queue. A job applies its record only while the
 * record is `queued` and its `attempts` equal the job's `attempt` (row locked, outcome written in
 * the same transaction as the customer), so a repeated or stale job changes nothing: each
 * record is applied at most once and ends in exactly one outcome.
 *
 * A failure is counted in a transaction of its own, which also schedules the next attempt
 * (pg-boss `startAfter`, exponential: the channel's base × 2^(attempts−1), capped at an hour) or,
 * past the channel's retry limit — or at once for validation and mapping errors, which no retry
 * cures — turns the record into a dead letter with its reason code and last error.
 */
export const INTAKE_TOPIC = 'intake.received';
export const MAX_BACKOFF_SECONDS = 3600;

export interface IntakeJob {
  tenantId: string;
  intakeId: string;
  attempt: number;
}

/** Schedules the next attempt inside the failure's transaction (the job runner's send). */
export type ScheduleRetry = (job: IntakeJob, delaySeconds: number, trx: Trx) => Promise<void>;

/**
 * Test hooks that make a handler fail at chosen points (the faults themselves live in the tests:
 * a throw, or a real dropped connection of the job's transaction).
 */
export interface IntakeFaults {
  /**
   * Runs inside the job's transaction (`trx`, the record locked) before the record is applied;
   * throwing, or cutting the transaction's connection, rolls everything back.
   */
  beforeApply?(job: IntakeJob, trx: Trx): void | Promise<void>;
  /** Runs after the outcome committed; throwing fails the job as if the process died then. */
  afterCommit?(job: IntakeJob): void;
}

export interface ProcessOptions {
  schedule?: ScheduleRetry;
  faults?: IntakeFaults;
}

export type JobOutcome =
  | { kind: 'applied'; result: ApplyResult }
  | { kind: 'skipped' }
  | { kind: 'failed'; reason: FailureReason; message: string; dead: boolean };

/** A stable job id per record and attempt, so re-sending the same retry is a no-op. */
export function retryJobId(job: IntakeJob): string {
  const h = createHash('sha256').update(`intake:${job.intakeId}:${job.attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const backoffSeconds = (base: number, attempts: number) =>
  Math.min(base * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);

/** Queues a record (new, or a dead letter sent back) in the caller's transaction. */
export async function enqueueIntake(trx: Trx, tenantId: string, intakeId: string, attempt: number) {
  await writeOutboxEvent(trx, tenantId, INTAKE_TOPIC, { intakeId, attempt });
}

/** The channel and service identity a batch's records share (loaded once per transaction). */
export type Identities = Map<string, { channel: ChannelRow; identity: ServiceIdentity }>;

export type IntakeRow = Selectable<DB['intake_records']>;

/** The record's channel and service identity, loaded once per batch. */
export async function identityOf(trx: Trx, tenantId: string, intake: IntakeRow, shared: Identities) {
  let known = shared.get(intake.channel_id);
  if (!known) {
    const channel = await trx
      .selectFrom('channels')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', intake.channel_id)
      .executeTakeFirstOrThrow();
    const identity = await loadServiceIdentity(
      trx,
      tenantId,
      channel.service_user_id,
      `intake-${intake.id}`,
      channel.mapping,
    );
    known = { channel, identity };
    shared.set(intake.channel_id, known);
  }
  return known;
}

/** The outcome a successful apply writes on its record (one statement per record, or per batch). */
export const appliedColumns = (result: ApplyResult) => ({
  status: result.status,
  record_type: result.recordType,
  record_id: result.recordId,
  candidates: result.candidates ? JSON.stringify(result.candidates) : null,
  source_at: result.sourceAt,
});

/**
 * Applies one locked queued record (`intake`, skipped unless queued at the job's attempt) in
 * `trx`; the outcome is written unless `deferOutcome` (the batch writes them together). A customer
 * created or updated gives an `intake.applied` event (rules with an `intakeApplied` trigger) in `trx`.
 */
export async function applyLockedIn(
  trx: Trx,
  job: IntakeJob,
  intake: IntakeRow | undefined,
  opts: { faults?: IntakeFaults; shared: Identities; memo?: ApplyMemo; deferOutcome?: boolean },
): Promise<JobOutcome> {
  if (!intake || intake.status !== 'queued' || intake.attempts !== job.attempt) return { kind: 'skipped' as const };
  const { channel, identity } = await identityOf(trx, job.tenantId, intake, opts.shared);
  if (channel.deleted_at) throw new IntakeError('validation', `channel ${channel.key} was removed`);
  if (!identity.ctx || identity.problems.length) throw new IntakeError('permission', identity.problems.join('; '));
  await opts.faults?.beforeApply?.(job, trx);
  const input = { id: intake.id, payload: intake.payload, receivedAt: intake.received_at };
  const result = await applyIntake(identity.ctx, channel, input, undefined, opts.memo);
  if (result.status === 'created' || result.status === 'updated') {
    const payload = {
      intakeId: intake.id,
      channelId: channel.id,
      channelKey: channel.key,
      status: result.status,
      recordType: result.recordType,
      recordId: result.recordId,
      contactId: result.contactId ?? null,
    };
    if (opts.memo?.defer) opts.memo.defer.events.push({ ctx: identity.ctx, topic: INTAKE_APPLIED_TOPIC, payload });
    else await writeInboundEvent(identity.ctx, INTAKE_APPLIED_TOPIC, payload);
  }
  if (opts.deferOutcome) return { kind: 'applied' as const, result };
  await trx
    .updateTable('intake_records')
    .set({
      ...appliedColumns(result),
      processed_at: sql`now()`,
      next_attempt_at: null,
      reason: null,
      error_fields: null,
    })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', intake.id)
    .execute();
  return { kind: 'applied' as const, result };
}

/** Applies one queued record in `trx` (locked; skipped unless queued at the job's attempt). */
async function applyQueuedIn(
  trx: Trx,
  job: IntakeJob,
  faults?: IntakeFaults,
  shared: Identities = new Map(),
): Promise<JobOutcome> {
  const intake = await trx
    .selectFrom('intake_records')
    .selectAll()
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.intakeId)
    .forUpdate()
    .executeTakeFirst();
  return applyLockedIn(trx, job, intake, { faults, shared });
}

export async function markChannelSuccess(trx: Trx, tenantId: string, channelIds: Iterable<string>) {
  for (const id of channelIds)
    await trx
      .updateTable('channels')
      .set({ last_success_at: sql`now()` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
}

async function applyQueued(database: Database, job: IntakeJob, faults?: IntakeFaults): Promise<JobOutcome> {
  return withTenant(database.db, job.tenantId, async (trx) => {
    const shared: Identities = new Map();
    const outcome = await applyQueuedIn(trx, job, faults, shared);
    if (outcome.kind === 'applied') await markChannelSuccess(trx, job.tenantId, shared.keys());
    return outcome;
  });
}

/**
 * Applies many queued records of one company in one transaction, each record inside a savepoint,
 * so one failure rolls back only its own writes; each failure is then counted by `recordFailure`
 * exactly as a queue job's would be. Outcomes come back in order. The fallback of the set-based
 * batch (intake-batch.ts `runIntakeBatch`) when one of its records fails.
 */
export async function runIntakeBatchPerRecord(
  database: Database,
  tenantId: string,
  records: Array<{ intakeId: string; attempt: number }>,
  opts: ProcessOptions = {},
): Promise<JobOutcome[]> {
  const failures: Array<{ index: number; error: unknown }> = [];
  const outcomes = await withTenant(database.db, tenantId, async (trx) => {
    const shared: Identities = new Map();
    const done: JobOutcome[] = [];
    for (const [index, record] of records.entries()) {
      const job = { tenantId, ...record };
      await sql`savepoint intake_batch_record`.execute(trx);
      try {
        done.push(await applyQueuedIn(trx, job, opts.faults, shared));
        await sql`release savepoint intake_batch_record`.execute(trx);
      } catch (error) {
        await sql`rollback to savepoint intake_batch_record`.execute(trx);
        done.push({ kind: 'skipped' });
        failures.push({ index, error });
      }
    }
    if (done.some((o) => o.kind === 'applied')) await markChannelSuccess(trx, tenantId, shared.keys());
    return done;
  });
  for (const { index, error } of failures)
    outcomes[index] = await recordFailure(database, { tenantId, ...records[index]! }, error, opts.schedule);
  return outcomes;
}

/** Counts a failed attempt; schedules the next one or makes the record a dead letter. */
export async function recordFailure(
  database: Database,
  job: IntakeJob,
  error: unknown,
  schedule?: ScheduleRetry,
): Promise<JobOutcome> {
  const reason = reasonOf(error);
  const message = String((error as Error)?.message ?? error).slice(0, 2000);
  return asSystem(database.owner, async (trx) => {
    const channel = await trx
      .selectFrom('intake_records')
      .innerJoin('channels', (j) =>
        j
          .onRef('channels.tenant_id', '=', 'intake_records.tenant_id')
          .onRef('channels.id', '=', 'intake_records.channel_id'),
      )
      .select(['channels.id', 'channels.retry_base_seconds', 'channels.retry_limit'])
      .where('intake_records.tenant_id', '=', job.tenantId)
      .where('intake_records.id', '=', job.intakeId)
      .executeTakeFirst();
    if (!channel) return { kind: 'skipped' as const };
    const attempts = job.attempt + 1;
    const dead = isPermanent(reason) || attempts > channel.retry_limit;
    const delay = backoffSeconds(channel.retry_base_seconds, attempts);
    const row = await trx
      .updateTable('intake_records')
      .set({
        attempts,
        reason,
        last_error: message,
        error_fields: JSON.stringify(errorFieldsOf(error)),
        status: dead ? 'dead' : 'queued',
        next_attempt_at: dead ? null : sql<Date>`now() + make_interval(secs => ${delay})`,
        processed_at: dead ? sql`now()` : null,
      })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.intakeId)
      .where('status', '=', 'queued')
      .where('attempts', '=', job.attempt)
      .returning('id')
      .executeTakeFirst();
    if (!row) return { kind: 'skipped' as const };
    await trx
      .updateTable('channels')
      .set({ last_error: `${reason}: ${message}`.slice(0, 2000), last_error_at: sql`now()` })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', channel.id)
      .execute();
    if (!dead) await schedule?.({ ...job, attempt: attempts }, delay, trx);
    return { kind: 'failed' as const, reason, message, dead };
  });
}

/** One job: apply the record, or count the failure. Never throws for a failure it could record. */
export async function runIntakeJob(database: Database, job: IntakeJob, opts: ProcessOptions = {}): Promise<JobOutcome> {
  let outcome: JobOutcome;
  try {
    outcome = await applyQueued(database, job, opts.faults);
  } catch (error) {
    return recordFailure(database, job, error, opts.schedule);
  }
  opts.faults?.afterCommit?.(job);
  return outcome;
}

export interface DrainOptions extends ProcessOptions {
  tenantId?: string;
  channelId?: string;
  /** Process records waiting for a backed-off retry now (tests, `cairn db-sync --force-retry`). */
  ignoreBackoff?: boolean;
  /** Stop after this many jobs (default: until nothing is ready). */
  limit?: number;
  /** One attempt per record, even when it fails and stays queued (default: until each settles or backs off). */
  oncePerRecord?: boolean;
}

/** Processes ready queued records in this process, oldest first (tests, CLI, no job runner). */
export async function drainIntake(database: Database, opts: DrainOptions = {}): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  const limit = opts.limit ?? Number.MAX_SAFE_INTEGER;
  const tried = new Set<string>();
  while (outcomes.length < limit) {
    const ready = await asSystem(database.db, (trx) =>
      trx
        .selectFrom('intake_records')
        .select(['tenant_id', 'id', 'attempts'])
        .where('status', '=', 'queued')
        .$if(Boolean(opts.tenantId), (q) => q.where('tenant_id', '=', opts.tenantId!))
        .$if(Boolean(opts.channelId), (q) => q.where('channel_id', '=', opts.channelId!))
        .$if(!opts.ignoreBackoff, (q) =>
          q.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', sql<Date>`now()`)])),
        )
        .orderBy('received_at')
        .orderBy('id')
        .limit(Math.min(500, limit - outcomes.length))
        .execute(),
    );
    const keyOf = (r: { id: string; attempts: number }) => (opts.oncePerRecord ? r.id : `${r.id}:${r.attempts}`);
    const fresh = ready.filter((r) => !tried.has(keyOf(r)));
    if (fresh.length === 0) break;
    for (const r of fresh) {
      tried.add(keyOf(r));
      outcomes.push(await runIntakeJob(database, { tenantId: r.tenant_id, intakeId: r.id, attempt: r.attempts }, opts));
    }
  }
  return outcomes;
}
