import { sql } from 'kysely';
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { Channels } from '../db/schema.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { loadServiceIdentity } from './service-identity.ts';
import { lastPullRun, pullRunSchema } from './pull/pull-run-view.ts';

/**
 * A channel's health: what stops it (errors, e.g. a grant its service identity lacks), what needs
 * someone (warnings), and its flow figures, computed in SQL from the channel's own tables: the
 * inbound records (intake_records) of an inbound channel, the deliveries (outbound_deliveries) of
 * an outbound one. The same figures as `cairn db-sync --status`, plus the last success and error.
 */
export const channelHealth = z
  .object({
    status: z.enum(['ok', 'degraded', 'error']),
    errors: z.array(z.string()).describe('What stops the channel, e.g. a grant its service identity lacks'),
    warnings: z.array(z.string()),
    missingGrants: z
      .array(z.string())
      .describe(
        'Required grants the service identity lacks: runBackgroundSync, customer.read, customer.create, customer.update',
      ),
    queued: z.number(),
    review: z.number(),
    deadLetters: z.number(),
    lagSeconds: z.number().describe('Age in seconds of the oldest record still waiting (0 when none)'),
    p95LagSeconds: z
      .number()
      .nullable()
      .describe('p95 seconds from receipt (outbound: from the event) to outcome over the last 24 hours'),
    failureRate: z.number().describe("Share of the last 24 hours' settled records that became dead letters (0–1)"),
    settled24h: z.number().describe('Records settled in the last 24 hours'),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastRun: pullRunSchema
      .nullable()
      .describe('Pull channels: the latest run (null for other kinds, or before the first)'),
  })
  .meta({ id: 'ChannelHealth' });

export type ChannelHealth = z.infer<typeof channelHealth>;

interface FlowFigures {
  queued: number;
  review: number;
  dead: number;
  lag: number | null;
  p95: number | null;
  settled: number;
  failed: number;
}

async function inboundFigures(trx: Trx, tenantId: string, channelId: string): Promise<FlowFigures> {
  const { rows } = await sql<FlowFigures>`
    select
      count(*) filter (where status = 'queued')::int as queued,
      count(*) filter (where status = 'review' and resolved_at is null)::int as review,
      count(*) filter (where status = 'dead' and discarded_at is null)::int as dead,
      extract(epoch from now() - min(received_at) filter (where status = 'queued'))::float8 as lag,
      (percentile_cont(0.95) within group (order by extract(epoch from processed_at - received_at))
        filter (where processed_at > now() - interval '24 hours'))::float8 as p95,
      count(*) filter (where processed_at > now() - interval '24 hours')::int as settled,
      count(*) filter (where processed_at > now() - interval '24 hours' and status = 'dead')::int as failed
    from intake_records
    where tenant_id = ${tenantId} and channel_id = ${channelId}
      and (status in ('queued', 'review', 'dead') or processed_at > now() - interval '24 hours')`.execute(trx);
  return rows[0]!;
}

async function outboundFigures(trx: Trx, tenantId: string, channelId: string): Promise<FlowFigures> {
  const { rows } = await sql<FlowFigures>`
    select
      count(*) filter (where status = 'pending')::int as queued,
      0 as review,
      -- dead letters still waiting: a discarded one (or one handed back) has left the list
      (select count(*) from intake_records i where i.tenant_id = ${tenantId} and i.channel_id = ${channelId}
        and i.status = 'dead' and i.discarded_at is null)::int as dead,
      extract(epoch from now() - min(created_at) filter (where status = 'pending'))::float8 as lag,
      (percentile_cont(0.95) within group (order by extract(epoch from delivered_at - occurred_at))
        filter (where delivered_at > now() - interval '24 hours'))::float8 as p95,
      count(*) filter (where status in ('delivered', 'dead') and created_at > now() - interval '24 hours')::int
        as settled,
      count(*) filter (where status = 'dead' and created_at > now() - interval '24 hours')::int as failed
    from outbound_deliveries
    where tenant_id = ${tenantId} and channel_id = ${channelId}
      and (status in ('pending', 'dead') or created_at > now() - interval '24 hours')`.execute(trx);
  return rows[0]!;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

export async function channelHealthOf(trx: Trx, row: Selectable<Channels>): Promise<ChannelHealth> {
  const outbound = row.kind === 'outbound';
  const identity = outbound
    ? undefined
    : await loadServiceIdentity(trx, row.tenant_id, row.service_user_id, `health-${row.id}`, row.mapping);
  const figures = await (outbound ? outboundFigures : inboundFigures)(trx, row.tenant_id, row.id);
  const errors = [...(identity?.problems ?? [])];
  const warnings: string[] = [];
  const lastRun = await lastPullRun(trx, row);
  if (lastRun?.status === 'failed')
    errors.push(
      `the last pull failed (${lastRun.reason}${lastRun.httpStatus ? `, HTTP ${lastRun.httpStatus}` : ''}): ${lastRun.message}`,
    );
  else if (lastRun?.message) warnings.push(lastRun.message);
  if (lastRun && lastRun.missingCursor > 0)
    warnings.push(
      `${lastRun.missingCursor} record(s) of the last pull had no cursor value: taken and counted, not skipped`,
    );
  if (figures.dead > 0) warnings.push(`${figures.dead} dead letter(s) waiting for retry or discard`);
  if (figures.review > 0) warnings.push(`${figures.review} record(s) waiting in the review queue`);
  return {
    status: errors.length ? 'error' : warnings.length ? 'degraded' : 'ok',
    errors,
    warnings,
    missingGrants: identity?.missingGrants ?? [],
    queued: figures.queued,
    review: Number(figures.review),
    deadLetters: figures.dead,
    lagSeconds: Math.max(0, Math.round(figures.lag ?? 0)),
    p95LagSeconds: figures.p95 === null ? null : tenths(Math.max(0, figures.p95)),
    failureRate: figures.settled ? figures.failed / figures.settled : 0,
    settled24h: figures.settled,
    lastSuccessAt: iso(row.last_success_at),
    lastError: row.last_error,
    lastErrorAt: iso(row.last_error_at),
    lastRun,
  };
}
