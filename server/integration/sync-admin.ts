import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { writeAuditAs } from '../audit/audit.ts';
import { channelByKey } from './channel-lookup.ts';
import { channelHealthOf, type ChannelHealth } from './channel-health.ts';
import { issueChannelSecret, openSecret } from './channel-secrets.ts';
import { runIntakeJob, type JobOutcome } from './intake-process.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import { runDeliverJob, type DeliverOutcome, type SendDeliverJob } from './outbound-deliver.ts';
import { handBackOutbound, OUTBOUND_RETRY_TOPIC } from './outbound-jobs.ts';

/**
 * What the `cairn channel` and `cairn db-sync` commands do, as functions the tests call too.
 * They work across companies (as the system), narrowed with `tenant` (a company code).
 */
const cliMeta = (command: string) => ({ requestId: `cli-${process.pid}`, ip: null, userAgent: `cairn-cli ${command}` });

/**
 * Prints a channel's secret; `rotate` issues a new one first (the old one stops working at
 * once, and the rotation is audited). Channels created before a secret was sealed get one.
 */
export async function channelSecret(database: Database, key: string, opts: { tenant?: string; rotate?: boolean } = {}) {
  const channel = await channelByKey(database, key, { tenant: opts.tenant });
  if (channel.secret_sealed && !opts.rotate)
    return { tenant: channel.slug, secret: openSecret(channel.cursor_key, channel.secret_sealed), rotated: false };
  const issued = issueChannelSecret(channel.cursor_key);
  await withTenant(database.db, channel.tenant_id, async (trx) => {
    await trx
      .updateTable('channels')
      .set({
        secret_hash: issued.secretHash,
        secret_sealed: issued.sealed,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', channel.tenant_id)
      .where('id', '=', channel.id)
      .execute();
    await writeAuditAs(trx, channel.tenant_id, { id: null, name: 'cli' }, cliMeta('channel secret'), [
      {
        action: 'rotate_secret',
        recordType: 'channel',
        recordId: channel.id,
        changes: { secret: { before: '***', after: '***' } },
      },
    ]);
  });
  return { tenant: channel.slug, secret: issued.secret, rotated: true };
}

export interface ForceRetryOptions {
  batch: number;
  channel?: string;
  tenant?: string;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ForceRetrySummary {
  selected: number;
  retried: number;
  succeeded: Record<string, number>;
  stillFailing: Record<string, number>;
  /** In a dry run: what would be retried, by reason. */
  byReason: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/**
 * An outbound dead letter, retried from the command line: handed back to delivery (audited as
 * the CLI's), then its next attempt is sent at once in this process. A later attempt, should the
 * channel allow one, goes through the outbox and the deliver queue.
 */
async function retryOutboundNow(database: Database, r: { tenant_id: string; id: string }): Promise<DeliverOutcome> {
  const attempts = await withTenant(database.db, r.tenant_id, async (trx) => {
    const handed = await handBackOutbound(trx, r.tenant_id, r.id, null);
    await writeAuditAs(trx, r.tenant_id, { id: null, name: 'cli' }, cliMeta('db-sync --force-retry'), [
      {
        action: 'retry',
        recordType: 'intake',
        recordId: r.id,
        changes: { status: { before: 'dead', after: 'queued' } },
      },
    ]);
    return handed;
  });
  if (attempts === undefined) return { kind: 'skipped' };
  const send: SendDeliverJob = async (job, _startAfter, trx) => {
    await writeOutboxEvent(trx, job.tenantId, OUTBOUND_RETRY_TOPIC, {
      deliveryId: job.deliveryId,
      attempt: job.attempt,
    });
  };
  return runDeliverJob(database, { tenantId: r.tenant_id, deliveryId: r.id, attempt: attempts }, { send });
}

/**
 * A finance delivery waiting for its backed-off next attempt: that attempt is sent now, in this
 * process (audited as the CLI's). The queued job of the same attempt then finds the delivery
 * moved on and changes nothing.
 */
async function retryPendingOutboundNow(
  database: Database,
  r: { tenant_id: string; id: string; attempts: number },
): Promise<DeliverOutcome> {
  const send: SendDeliverJob = async (job, _startAfter, trx) => {
    await writeOutboxEvent(trx, job.tenantId, OUTBOUND_RETRY_TOPIC, {
      deliveryId: job.deliveryId,
      attempt: job.attempt,
    });
  };
  const outcome = await runDeliverJob(
    database,
    { tenantId: r.tenant_id, deliveryId: r.id, attempt: r.attempts },
    { send },
  );
  if (outcome.kind !== 'skipped')
    await withTenant(database.db, r.tenant_id, (trx) =>
      writeAuditAs(trx, r.tenant_id, { id: null, name: 'cli' }, cliMeta('db-sync --force-retry'), [
        {
          action: 'retry',
          recordType: 'outbound_delivery',
          recordId: r.id,
          changes: { attempts: { before: r.attempts, after: r.attempts + 1 } },
        },
      ]),
    );
  return outcome;
}

/** Finance deliveries that failed and wait for a backed-off retry (not leased by a worker now). */
async function backedOffDeliveries(database: Database, opts: ForceRetryOptions, limit: number) {
  if (limit <= 0) return [];
  return asSystem(database.db, (trx) =>
    trx
      .selectFrom('outbound_deliveries as d')
      .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.id', '=', 'd.channel_id'))
      .innerJoin('tenants as t', 't.id', 'd.tenant_id')
      .select(['d.tenant_id', 'd.id', 'd.attempts', 'd.reason'])
      .where('d.status', '=', 'pending')
      .where('d.attempts', '>', 0)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', sql<Date>`now()`)]))
      .$if(Boolean(opts.channel), (q) => q.where('c.key', '=', opts.channel!))
      .$if(Boolean(opts.tenant), (q) => q.where('t.slug', '=', opts.tenant!))
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute(),
  );
}

/**
 * Re-runs the newest `batch` failed records (dead letters not discarded — inbound records and
 * outbound deliveries alike — and records waiting for a backed-off retry, inbound or outbound)
 * now, in this process, bypassing the backoff: each gets one attempt.
 */
export async function forceRetry(database: Database, opts: ForceRetryOptions): Promise<ForceRetrySummary> {
  const records = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('intake_records as i')
      .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.channel_id'))
      .innerJoin('tenants as t', 't.id', 'i.tenant_id')
      .select(['i.tenant_id', 'i.id', 'i.status', 'i.attempts', 'i.reason', 'c.kind'])
      .where((eb) =>
        eb.or([
          eb.and([eb('i.status', '=', 'dead'), eb('i.discarded_at', 'is', null)]),
          eb.and([eb('i.status', '=', 'queued'), eb('i.attempts', '>', 0)]),
        ]),
      )
      .$if(Boolean(opts.channel), (q) => q.where('c.key', '=', opts.channel!))
      .$if(Boolean(opts.tenant), (q) => q.where('t.slug', '=', opts.tenant!))
      .orderBy('i.received_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(opts.batch)
      .execute(),
  );
  const pending = await backedOffDeliveries(database, opts, opts.batch - records.length);
  const summary: ForceRetrySummary = {
    selected: records.length + pending.length,
    retried: 0,
    succeeded: {},
    stillFailing: {},
    byReason: {},
  };
  for (const r of [...records, ...pending]) bump(summary.byReason, r.reason ?? 'unknown');
  if (opts.dryRun) return summary;
  let done = 0;
  const total = summary.selected;
  for (const d of pending) {
    const outcome = await retryPendingOutboundNow(database, d);
    summary.retried++;
    if (outcome.kind === 'delivered') bump(summary.succeeded, 'delivered');
    else if (outcome.kind === 'failed') bump(summary.stillFailing, outcome.reason);
    else bump(summary.stillFailing, 'skipped (changed meanwhile)');
    opts.onProgress?.(++done, total);
  }
  for (const r of records) {
    if (r.kind === 'outbound') {
      // a finance delivery that ran out of retries: handed back (as the web's retry does), then one attempt now
      const outcome = await retryOutboundNow(database, r);
      summary.retried++;
      if (outcome.kind === 'delivered') bump(summary.succeeded, 'delivered');
      else if (outcome.kind === 'failed') bump(summary.stillFailing, outcome.reason);
      else bump(summary.stillFailing, 'skipped (changed meanwhile)');
      opts.onProgress?.(++done, total);
      continue;
    }
    if (r.status === 'dead') {
      await withTenant(database.db, r.tenant_id, (trx) =>
        trx
          .updateTable('intake_records')
          .set({ status: 'queued', next_attempt_at: null, processed_at: null })
          .where('tenant_id', '=', r.tenant_id)
          .where('id', '=', r.id)
          .where('status', '=', 'dead')
          .execute(),
      );
    }
    const outcome: JobOutcome = await runIntakeJob(database, {
      tenantId: r.tenant_id,
      intakeId: r.id,
      attempt: r.attempts,
    });
    summary.retried++;
    if (outcome.kind === 'applied') bump(summary.succeeded, outcome.result.status);
    else if (outcome.kind === 'failed') bump(summary.stillFailing, outcome.reason);
    else bump(summary.stillFailing, 'skipped (changed meanwhile)');
    opts.onProgress?.(++done, total);
  }
  return summary;
}

export interface ChannelStatus {
  tenant: string;
  channel: string;
  kind: string;
  status: ChannelHealth['status'];
  queueDepth: number;
  /** Age in seconds of the oldest record still queued (0 when none). */
  lagSeconds: number;
  /** p95 seconds from receipt to outcome over the last 24 hours. */
  p95Seconds: number | null;
  /** Share of the last 24 hours' settled records that became dead letters. */
  failureRate: number;
  deadLetters: number;
  review: number;
}

/**
 * Each live channel's figures, computed by the very function behind the channel's `health` in
 * the API and the web app (channel-health.ts), so the command line and the web show the same.
 */
export async function syncStatus(database: Database, opts: { tenant?: string } = {}): Promise<ChannelStatus[]> {
  const channels = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('channels as c')
      .innerJoin('tenants as t', 't.id', 'c.tenant_id')
      .selectAll('c')
      .select('t.slug')
      .where('c.deleted_at', 'is', null)
      .$if(Boolean(opts.tenant), (q) => q.where('t.slug', '=', opts.tenant!))
      .orderBy('t.slug')
      .orderBy('c.key')
      .execute(),
  );
  const out: ChannelStatus[] = [];
  for (const { slug, ...row } of channels) {
    const health = await withTenant(database.db, row.tenant_id, (trx) => channelHealthOf(trx, row));
    out.push({
      tenant: slug,
      channel: row.key,
      kind: row.kind,
      status: health.status,
      queueDepth: health.queued,
      lagSeconds: health.lagSeconds,
      p95Seconds: health.p95LagSeconds,
      failureRate: health.failureRate,
      deadLetters: health.deadLetters,
      review: health.review,
    });
  }
  return out;
}
