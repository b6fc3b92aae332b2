import { sql } from 'kysely';
import { z } from 'zod';
import type { Trx } from '../db/tenant-transaction.ts';
import type { Selectable } from 'kysely';
import type { Channels, PullRuns } from '../db/schema.ts';
import { fieldError, notFound } from '../errors.ts';
import { loadCustomFieldDefs } from '../resources/custom-values.ts';
import { checkMapping, targetsOf, type MappingRule, type TargetField } from './mapping.ts';
import { defaultMergePolicy, mergePolicies, type MergePolicy } from './merge-policy.ts';
import { loadServiceIdentity } from './service-identity.ts';

export type ChannelRow = Selectable<Channels>;

export const channelKinds = ['webhook', 'pull', 'import', 'outbound'] as const;
export const channelTriggers = ['realtime', 'scheduled'] as const;
export const matchKeys = ['externalId', 'creditCode', 'phone', 'name'] as const;
export const defaultMatchOrder = [...matchKeys];

export const mergePolicySchema = z
  .object({
    default: z.enum(mergePolicies).default('nonNullWins'),
    fields: z.record(z.string().max(100), z.enum(mergePolicies)).optional(),
    priority: z
      .array(z.string().max(100))
      .max(50)
      .optional()
      .describe('Channel ids or keys, highest first; "user" = manual edits'),
  })
  .describe('Per channel, with per-field overrides');

export const pullRunSchema = z
  .object({
    id: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    status: z.enum(['running', 'succeeded', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    pages: z.number(),
    records: z.number().describe('Records taken (stored now, or already stored by an earlier run)'),
    stored: z.number().describe('Records new to Cairn, queued for processing'),
    missingCursor: z.number().describe('Records without a cursor value: taken and counted, never skipped'),
    cursorBefore: z.string().nullable(),
    cursorAfter: z.string().nullable(),
    httpStatus: z.number().nullable(),
    reason: z.string().nullable().describe('Why it failed: remote_4xx, remote_5xx, timeout or validation'),
    message: z.string().nullable(),
  })
  .meta({ id: 'PullRun' });

export type PullRunOut = z.infer<typeof pullRunSchema>;

export function presentPullRun(row: Selectable<PullRuns>): PullRunOut {
  return {
    id: row.id,
    trigger: row.trigger as PullRunOut['trigger'],
    status: row.status as PullRunOut['status'],
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    pages: row.pages,
    records: row.records,
    stored: row.stored,
    missingCursor: row.missing_cursor,
    cursorBefore: row.cursor_before,
    cursorAfter: row.cursor_after,
    httpStatus: row.http_status,
    reason: row.reason,
    message: row.last_error,
  };
}

async function lastPullRun(trx: Trx, row: ChannelRow): Promise<PullRunOut | null> {
  if (row.kind !== 'pull') return null;
  const run = await trx
    .selectFrom('pull_runs')
    .selectAll()
    .where('tenant_id', '=', row.tenant_id)
    .where('channel_id', '=', row.id)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run ? presentPullRun(run) : null;
}

export const channelHealth = z
  .object({
    status: z.enum(['ok', 'degraded', 'error']),
    errors: z.array(z.string()).describe('What stops the channel, e.g. a grant its service identity lacks'),
    warnings: z.array(z.string()),
    queued: z.number(),
    review: z.number(),
    deadLetters: z.number(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastRun: pullRunSchema
      .nullable()
      .describe('Pull channels: the latest run (null for other kinds, or before the first)'),
  })
  .meta({ id: 'ChannelHealth' });

export const channelSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    kind: z.enum(channelKinds),
    trigger: z.enum(channelTriggers),
    mapping: z.array(z.record(z.string(), z.unknown())),
    mergePolicy: z.record(z.string(), z.unknown()),
    matchOrder: z.array(z.string()),
    idempotencyField: z.string().nullable(),
    serviceUserId: z.string().nullable(),
    retryBaseSeconds: z.number(),
    retryLimit: z.number(),
    config: z.record(z.string(), z.unknown()),
    health: channelHealth,
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Channel' });

export type ChannelOut = z.infer<typeof channelSchema>;

export async function loadChannel(trx: Trx, tenantId: string, id: string): Promise<ChannelRow> {
  const row = await trx
    .selectFrom('channels')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('channel', id);
  return row;
}

export async function channelTargets(trx: Trx, tenantId: string): Promise<Map<string, TargetField>> {
  return targetsOf(await loadCustomFieldDefs(trx, tenantId, 'customer'));
}

/** Type-checks a mapping against the customer's fields (custom fields included) at save time. */
export async function checkedMapping(trx: Trx, tenantId: string, mapping: unknown): Promise<MappingRule[]> {
  return checkMapping(mapping, await channelTargets(trx, tenantId));
}

/** A realtime channel is pushed to (webhook, events); a pull only ever runs on a schedule. */
export function checkTrigger(kind: string, trigger: string) {
  if (kind === 'webhook' && trigger !== 'realtime')
    throw fieldError('trigger', 'a webhook channel is realtime: it is pushed to, never polled');
  if (kind === 'pull' && trigger !== 'scheduled')
    throw fieldError('trigger', 'a pull channel runs on a schedule; realtime never falls back to polling');
}

export const mergePolicyOf = (row: ChannelRow): MergePolicy =>
  ({ ...defaultMergePolicy, ...(row.merge_policy as Partial<MergePolicy>) }) as MergePolicy;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function channelHealthOf(trx: Trx, row: ChannelRow): Promise<z.infer<typeof channelHealth>> {
  const identity = await loadServiceIdentity(trx, row.tenant_id, row.service_user_id, `health-${row.id}`, row.mapping);
  const counts = await trx
    .selectFrom('intake_records')
    .select([
      sql<number>`count(*) filter (where status = 'queued')::int`.as('queued'),
      sql<number>`count(*) filter (where status = 'review' and resolved_at is null)::int`.as('review'),
      sql<number>`count(*) filter (where status = 'dead' and discarded_at is null)::int`.as('dead'),
    ])
    .where('tenant_id', '=', row.tenant_id)
    .where('channel_id', '=', row.id)
    .where('status', 'in', ['queued', 'review', 'dead'])
    .executeTakeFirstOrThrow();
  const errors = row.kind === 'outbound' ? [] : [...identity.problems];
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
  if (counts.dead > 0) warnings.push(`${counts.dead} dead letter(s) waiting for retry or discard`);
  if (counts.review > 0) warnings.push(`${counts.review} record(s) waiting in the review queue`);
  return {
    status: errors.length ? 'error' : warnings.length ? 'degraded' : 'ok',
    errors,
    warnings,
    queued: counts.queued,
    review: counts.review,
    deadLetters: counts.dead,
    lastSuccessAt: iso(row.last_success_at),
    lastError: row.last_error,
    lastErrorAt: iso(row.last_error_at),
    lastRun,
  };
}

export async function presentChannel(trx: Trx, row: ChannelRow): Promise<ChannelOut> {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    kind: row.kind as ChannelOut['kind'],
    trigger: row.trigger as ChannelOut['trigger'],
    mapping: row.mapping,
    mergePolicy: mergePolicyOf(row) as unknown as Record<string, unknown>,
    matchOrder: row.match_order,
    idempotencyField: row.idempotency_field,
    serviceUserId: row.service_user_id,
    retryBaseSeconds: row.retry_base_seconds,
    retryLimit: row.retry_limit,
    config: row.config,
    health: await channelHealthOf(trx, row),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
