import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { writeAuditAs } from '../audit/audit.ts';
import { issueChannelSecret, openSecret } from './channel-secrets.ts';
import { runIntakeJob, type JobOutcome } from './intake-process.ts';

/**
 * What the `cairn channel` and `cairn db-sync` commands do, as functions the tests call too.
 * They work across companies (as the system), narrowed with `tenant` (a company code).
 */
const cliMeta = (command: string) => ({ requestId: `cli-${process.pid}`, ip: null, userAgent: `cairn-cli ${command}` });

async function findChannel(database: Database, key: string, tenant?: string) {
  const rows = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('channels')
      .innerJoin('tenants', 'tenants.id', 'channels.tenant_id')
      .select([
        'channels.id',
        'channels.tenant_id',
        'channels.secret_sealed',
        'channels.kind',
        'tenants.slug',
        'tenants.cursor_key',
      ])
      .where('channels.key', '=', key)
      .where('channels.deleted_at', 'is', null)
      .$if(Boolean(tenant), (q) => q.where('tenants.slug', '=', tenant!))
      .execute(),
  );
  if (rows.length === 0) throw new Error(`no channel "${key}"${tenant ? ` in company "${tenant}"` : ''}`);
  if (rows.length > 1)
    throw new Error(`several companies have a channel "${key}" (${rows.map((r) => r.slug).join(', ')}): pass --tenant`);
  return rows[0]!;
}

/**
 * Prints a channel's secret; `rotate` issues a new one first (the old one stops working at
 * once, and the rotation is audited). Channels created before a secret was sealed get one.
 */
export async function channelSecret(database: Database, key: string, opts: { tenant?: string; rotate?: boolean } = {}) {
  const channel = await findChannel(database, key, opts.tenant);
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
 * Re-runs the newest `batch` failed records (dead letters not discarded, and records waiting for
 * a backed-off retry) now, in this process, bypassing the backoff: each gets one attempt.
 */
export async function forceRetry(database: Database, opts: ForceRetryOptions): Promise<ForceRetrySummary> {
  const records = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('intake_records as i')
      .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.channel_id'))
      .innerJoin('tenants as t', 't.id', 'i.tenant_id')
      .select(['i.tenant_id', 'i.id', 'i.status', 'i.attempts', 'i.reason'])
      .where((eb) =>
        eb.or([
          eb.and([eb('i.status', '=', 'dead'), eb('i.discarded_at', 'is', null)]),
          eb.and([eb('i.status', '=', 'queued'), eb('i.attempts', '>', 0)]),
        ]),
      )
      // inbound records only: an outbound dead letter is a finance event, retried by its own route
      .where('c.kind', '!=', 'outbound')
      .$if(Boolean(opts.channel), (q) => q.where('c.key', '=', opts.channel!))
      .$if(Boolean(opts.tenant), (q) => q.where('t.slug', '=', opts.tenant!))
      .orderBy('i.received_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(opts.batch)
      .execute(),
  );
  const summary: ForceRetrySummary = {
    selected: records.length,
    retried: 0,
    succeeded: {},
    stillFailing: {},
    byReason: {},
  };
  for (const r of records) bump(summary.byReason, r.reason ?? 'unknown');
  if (opts.dryRun) return summary;
  let done = 0;
  for (const r of records) {
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
    opts.onProgress?.(++done, records.length);
  }
  return summary;
}

export interface ChannelStatus {
  tenant: string;
  channel: string;
  kind: string;
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

export async function syncStatus(database: Database, opts: { tenant?: string } = {}): Promise<ChannelStatus[]> {
  const { rows } = await asSystem(database.db, (trx) =>
    sql<{
      tenant: string;
      channel: string;
      kind: string;
      queued: number;
      lag: number | null;
      p95: number | null;
      settled: number;
      failed: number;
      dead: number;
      review: number;
    }>`
      select t.slug as tenant, c.key as channel, c.kind,
        count(i.id) filter (where i.status = 'queued')::int as queued,
        extract(epoch from now() - min(i.received_at) filter (where i.status = 'queued'))::float8 as lag,
        (percentile_cont(0.95) within group (order by extract(epoch from i.processed_at - i.received_at))
          filter (where i.processed_at > now() - interval '24 hours'))::float8 as p95,
        count(i.id) filter (where i.processed_at > now() - interval '24 hours')::int as settled,
        count(i.id) filter (where i.processed_at > now() - interval '24 hours' and i.status = 'dead')::int as failed,
        count(i.id) filter (where i.status = 'dead' and i.discarded_at is null)::int as dead,
        count(i.id) filter (where i.status = 'review' and i.resolved_at is null)::int as review
      from channels c
      join tenants t on t.id = c.tenant_id
      left join intake_records i on i.tenant_id = c.tenant_id and i.channel_id = c.id
      where c.deleted_at is null ${opts.tenant ? sql`and t.slug = ${opts.tenant}` : sql``}
      group by t.slug, c.key, c.kind
      order by t.slug, c.key`.execute(trx),
  );
  return rows.map((r) => ({
    tenant: r.tenant,
    channel: r.channel,
    kind: r.kind,
    queueDepth: r.queued,
    lagSeconds: Math.round(r.lag ?? 0),
    p95Seconds: r.p95 === null ? null : Math.round(r.p95 * 10) / 10,
    failureRate: r.settled ? r.failed / r.settled : 0,
    deadLetters: r.dead,
    review: r.review,
  }));
}
