import { z } from 'zod';
import type { Trx } from '../db/tenant-transaction.ts';
import type { Selectable } from 'kysely';
import type { Channels } from '../db/schema.ts';
import { fieldError, notFound } from '../errors.ts';
import { loadCustomFieldDefs } from '../resources/custom-values.ts';
import { checkMapping, targetsOf, type MappingRule, type TargetField } from './mapping.ts';
import { defaultMergePolicy, mergePolicies, type MergePolicy } from './merge-policy.ts';
import { authHeaderNames } from './pull/pull-auth.ts';
import { channelHealth, channelHealthOf } from './channel-health.ts';

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
    authHeaders: z
      .array(z.string())
      .describe('Pull channels: the names of the headers sent to the source (their values are never answered)'),
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
    authHeaders: authHeaderNames(row.auth_headers),
    health: await channelHealthOf(trx, row),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
