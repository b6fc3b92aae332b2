import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant, type Trx } from '../db/tenant-transaction.ts';
import { openSecret } from './channel-secrets.ts';
import { DEFAULT_TIMEOUT_MS, outboundConfigSchema } from './outbound-events.ts';
import { postSigned, verdictOf, type PostResult, type Verdict } from './outbound-http.ts';

/**
 * One delivery attempt. Guarantees:
 * - at most one worker sends an attempt: it claims the delivery (status `pending`, its
 *   `attempts` equal to the job's, no live lease) before the request and holds a lease for the
 *   request's timeout plus a margin;
 * - the outcome is written only if the delivery is still at that attempt, so a repeated or stale
 *   job changes nothing, and a delivered event is never sent again (the event id is the key);
 * - a failure schedules the next attempt in the same transaction (the channel's base delay ×
 *   2^(attempts−1), capped at an hour, with "equal jitter": a random point in its upper half),
 *   or past the channel's retry limit — at once for a 4xx other than 408/429 — makes the
 *   delivery a dead letter: a row of intake_records (the one dead-letter list) whose id is the
 *   delivery's and whose idempotency key is the event id, with reason remote_4xx, remote_5xx or
 *   timeout and the last error.
 * A crash between a 2xx and its record leaves the attempt to be sent again once its lease has
 * expired: the receiver deduplicates on `x-cairn-event-id`.
 */
export const MAX_BACKOFF_SECONDS = 3600;
const LEASE_MARGIN_MS = 30_000;

export interface DeliverJob {
  tenantId: string;
  deliveryId: string;
  attempt: number;
}

/** Sends the job of an attempt, to start at `startAfter`, inside `trx` (the outcome's transaction). */
export type SendDeliverJob = (job: DeliverJob, startAfter: Date, trx: Trx) => Promise<void>;

export interface DeliverOptions {
  send: SendDeliverJob;
  /** For tests: the jitter's random source (default Math.random). */
  random?: () => number;
}

export type DeliverOutcome =
  | { kind: 'skipped' }
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; reason: string; dead: boolean; delayMs: number | null };

/** The delay before attempt `attempts + 1`, in ms: the upper half of base × 2^(attempts−1), at random. */
export function backoffMs(baseSeconds: number, attempts: number, random: () => number = Math.random): number {
  const full = Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS) * 1000;
  return Math.round(full / 2 + (random() * full) / 2);
}

/** A stable job id per delivery and attempt: sending the same attempt twice queues it once. */
export function deliverJobId(job: DeliverJob): string {
  const h = createHash('sha256').update(`outbound:${job.deliveryId}:${job.attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Claimed {
  url: string;
  secret: string;
  timeoutMs: number;
  body: string;
  eventId: string;
  problem: string | null;
}

async function claim(database: Database, job: DeliverJob): Promise<Claimed | undefined> {
  return withTenant(database.db, job.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('outbound_deliveries as d')
      .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.id', '=', 'd.channel_id'))
      .innerJoin('tenants as t', 't.id', 'd.tenant_id')
      .select(['d.body', 'd.event_id', 'c.config', 'c.kind', 'c.deleted_at', 'c.secret_sealed', 't.cursor_key'])
      .where('d.tenant_id', '=', job.tenantId)
      .where('d.id', '=', job.deliveryId)
      .where('d.status', '=', 'pending')
      .where('d.attempts', '=', job.attempt)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', sql<Date>`now()`)]))
      .forUpdate('d')
      .executeTakeFirst();
    if (!row) return undefined;
    const config = outboundConfigSchema.safeParse(row.config);
    const timeoutMs = (config.success && config.data.timeoutMs) || DEFAULT_TIMEOUT_MS;
    await trx
      .updateTable('outbound_deliveries')
      .set({ lease_until: sql<Date>`now() + make_interval(secs => ${(timeoutMs + LEASE_MARGIN_MS) / 1000})` })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.deliveryId)
      .execute();
    const problem =
      row.deleted_at || row.kind !== 'outbound'
        ? 'the channel was removed'
        : !config.success
          ? `the channel's config is invalid: ${config.error.issues[0]?.message ?? '?'}`
          : !row.secret_sealed
            ? 'the channel has no signing secret'
            : null;
    return {
      url: config.success ? config.data.url : '',
      secret: row.secret_sealed ? openSecret(row.cursor_key, row.secret_sealed) : '',
      timeoutMs,
      body: JSON.stringify(row.body),
      eventId: row.event_id,
      problem,
    };
  });
}

/** The tables of signed deliveries (outbound channels' events, rules' webhook calls): the same delivery columns. */
export type DeliveryTable = 'outbound_deliveries' | 'automation_webhook_deliveries';

/**
 * Writes an attempt's outcome on its locked delivery row: delivered, pending again after the
 * backoff, or dead (past `retryLimit` retries, or at once when no retry helps). Answers what the
 * caller records and schedules next.
 */
export async function recordAttemptOutcome(
  trx: Trx,
  table: DeliveryTable,
  job: DeliverJob,
  result: PostResult,
  verdict: Verdict,
  backoff: { baseSeconds: number; retryLimit: number; random?: () => number },
) {
  const attempts = job.attempt + 1;
  const dead = !verdict.delivered && (!verdict.retryable || attempts > backoff.retryLimit);
  const delayMs = verdict.delivered || dead ? null : backoffMs(backoff.baseSeconds, attempts, backoff.random);
  const nextAt = delayMs === null ? null : new Date(Date.now() + delayMs);
  const error = result.error ?? (verdict.delivered ? null : `HTTP ${result.status}`);
  // both tables have these columns; kysely types one table name at a time
  await trx
    .updateTable(table as 'outbound_deliveries')
    .set({
      attempts,
      status: verdict.delivered ? 'delivered' : dead ? 'dead' : 'pending',
      next_attempt_at: nextAt,
      lease_until: null,
      delivered_at: verdict.delivered ? sql<Date>`now()` : null,
      reason: verdict.delivered ? null : verdict.reason,
      last_error: error,
      last_status: result.status,
    })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.deliveryId)
    .execute();
  return { attempts, dead, delayMs, nextAt, error };
}

async function record(
  database: Database,
  job: DeliverJob,
  result: PostResult,
  verdict: Verdict,
  opts: DeliverOptions,
): Promise<DeliverOutcome> {
  return asSystem(database.owner, async (trx) => {
    const d = await trx
      .selectFrom('outbound_deliveries as d')
      .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.id', '=', 'd.channel_id'))
      .select(['d.channel_id', 'd.event_id', 'd.body', 'd.created_at', 'c.retry_base_seconds', 'c.retry_limit'])
      .where('d.tenant_id', '=', job.tenantId)
      .where('d.id', '=', job.deliveryId)
      .where('d.status', '=', 'pending')
      .where('d.attempts', '=', job.attempt)
      .forUpdate('d')
      .executeTakeFirst();
    if (!d) return { kind: 'skipped' as const };
    const { attempts, dead, delayMs, nextAt, error } = await recordAttemptOutcome(
      trx,
      'outbound_deliveries',
      job,
      result,
      verdict,
      { baseSeconds: d.retry_base_seconds, retryLimit: d.retry_limit, random: opts.random },
    );
    await trx
      .insertInto('outbound_delivery_log')
      .values({
        tenant_id: job.tenantId,
        id: newId(),
        channel_id: d.channel_id,
        delivery_id: job.deliveryId,
        event_id: d.event_id,
        attempt: attempts,
        response_code: result.status,
        duration_ms: result.durationMs,
        error,
        outcome: verdict.delivered ? 'delivered' : dead ? 'dead' : 'retry',
      })
      .execute();
    await trx
      .updateTable('channels')
      .set(
        verdict.delivered
          ? { last_success_at: sql<Date>`now()` }
          : { last_error: `${verdict.reason}: ${error}`.slice(0, 2000), last_error_at: sql<Date>`now()` },
      )
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', d.channel_id)
      .execute();
    if (dead && !verdict.delivered)
      await writeOutboundDeadLetter(trx, {
        tenantId: job.tenantId,
        deliveryId: job.deliveryId,
        channelId: d.channel_id,
        eventId: d.event_id,
        body: d.body,
        createdAt: d.created_at,
        reason: verdict.reason,
        error,
        attempts,
      });
    if (verdict.delivered) return { kind: 'delivered' as const, status: result.status! };
    if (nextAt) await opts.send({ ...job, attempt: attempts }, nextAt, trx);
    return { kind: 'failed' as const, reason: verdict.reason, dead, delayMs };
  });
}

/**
 * A delivery that ran out of retries, in the one dead-letter list: a row of intake_records whose
 * id is the delivery's and whose idempotency key is the event id (a dead letter again after a
 * retry is the same row, back in the list).
 */
export async function writeOutboundDeadLetter(
  trx: Trx,
  d: {
    tenantId: string;
    deliveryId: string;
    channelId: string;
    eventId: string;
    body: unknown;
    createdAt: Date;
    reason: string;
    error: string | null;
    attempts: number;
  },
) {
  await trx
    .insertInto('intake_records')
    .values({
      tenant_id: d.tenantId,
      id: d.deliveryId,
      channel_id: d.channelId,
      idempotency_key: d.eventId,
      payload: JSON.stringify(d.body),
      content_type: 'application/json',
      received_at: d.createdAt,
      status: 'dead',
      reason: d.reason,
      last_error: d.error,
      attempts: d.attempts,
      processed_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'channel_id', 'idempotency_key']).doUpdateSet({
        status: 'dead',
        reason: d.reason,
        last_error: d.error,
        attempts: d.attempts,
        processed_at: sql<Date>`now()`,
        discarded_at: null,
        discarded_by: null,
        discard_reason: null,
      }),
    )
    .execute();
}

/** Runs one attempt of a delivery; a failure it could record is an outcome, not an exception. */
export async function runDeliverJob(
  database: Database,
  job: DeliverJob,
  opts: DeliverOptions,
): Promise<DeliverOutcome> {
  const claimed = await claim(database, job);
  if (!claimed) return { kind: 'skipped' };
  if (claimed.problem) {
    const result: PostResult = { status: null, durationMs: 0, timedOut: false, error: claimed.problem };
    // nothing was sent; a removed or broken channel is a dead letter a person looks at
    return record(database, job, result, { delivered: false, reason: 'validation', retryable: false }, opts);
  }
  const result = await postSigned({
    url: claimed.url,
    body: claimed.body,
    secret: claimed.secret,
    eventId: claimed.eventId,
    attempt: job.attempt + 1,
    timeoutMs: claimed.timeoutMs,
  });
  return record(database, job, result, verdictOf(result), opts);
}
