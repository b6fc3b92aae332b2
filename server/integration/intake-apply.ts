import { sql } from 'kysely';
import { toE164 } from '../../common/phone.ts';
import { AppError, validationError, type FieldIssue } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord, updateRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { channelTargets, mergePolicyOf, type ChannelRow } from './channel-store.ts';
import { applyMapping, type MappingRule } from './mapping.ts';
import { isEmptyValue, shouldWrite } from './merge-policy.ts';
import { loadProvenance } from './provenance.ts';
import { assignCustomer } from '../assignment/assign-customer.ts';

/** Why a record could not be applied; the reason code its dead letter carries. */
export const failureReasons = [
  'validation',
  'mapping',
  'permission',
  'conflict',
  'remote_4xx',
  'remote_5xx',
  'timeout',
] as const;
export type FailureReason = (typeof failureReasons)[number];

export class IntakeError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** The fields at fault, when the failure is about fields (mapping, validation). */
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** The fields a failure names: a mapping error's, or a validation error's `details.fields`. */
export function errorFieldsOf(error: unknown): FieldIssue[] {
  if (error instanceof IntakeError) return error.fields;
  const fields = error instanceof AppError ? error.details.fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is { path: unknown; message: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }));
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ApplyResult {
  status: 'created' | 'updated' | 'unchanged' | 'review';
  recordType: 'customer';
  recordId: string | null;
  candidates?: string[];
  fields: FieldChange[];
  sourceAt: Date;
}

export interface IntakeInput {
  id: string;
  payload: unknown;
  receivedAt: Date;
}

/** Decided by an operator in the review queue: this record, or a new one. */
export type ForcedTarget = { recordId: string } | { create: true };

/** The customer columns behind the fields a channel can set. */
const columnOf: Record<string, string> = {
  name: 'name',
  shortName: 'short_name',
  creditCode: 'credit_code',
  industry: 'industry',
  region: 'region',
  mainPhone: 'main_phone',
  level: 'level',
  source: 'source',
  status: 'status',
  tags: 'tags',
};

/** Two values of a field are the same record fact (phones compare by their normalised number). */
function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (field === 'mainPhone' || field.startsWith('custom.phone')) {
    const ea = typeof a === 'string' ? toE164(a) : undefined;
    const eb = typeof b === 'string' ? toE164(b) : undefined;
    if (ea && eb) return ea === eb;
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Customers the payload matches, following the channel's match order (live records only). */
export async function matchCustomers(
  trx: Trx,
  channel: ChannelRow,
  values: Record<string, unknown>,
  externalId: string | undefined,
): Promise<string[]> {
  const found = new Set<string>();
  const live = (column: string, value: string) =>
    trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', channel.tenant_id)
      .where('deleted_at', 'is', null)
      .where(sql.ref(column), '=', value)
      .execute();
  for (const key of channel.match_order) {
    let rows: Array<{ id: string }> = [];
    if (key === 'externalId' && externalId) {
      rows = await trx
        .selectFrom('channel_links')
        .innerJoin('customers', (j) =>
          j
            .onRef('customers.tenant_id', '=', 'channel_links.tenant_id')
            .onRef('customers.id', '=', 'channel_links.record_id'),
        )
        .select('customers.id')
        .where('channel_links.tenant_id', '=', channel.tenant_id)
        .where('channel_links.channel_id', '=', channel.id)
        .where('channel_links.external_id', '=', externalId)
        .where('customers.deleted_at', 'is', null)
        .execute();
    } else if (key === 'creditCode' && typeof values.creditCode === 'string' && values.creditCode.trim()) {
      rows = await live('credit_code', values.creditCode.trim().toUpperCase());
    } else if (key === 'phone' && typeof values.mainPhone === 'string') {
      const e164 = toE164(values.mainPhone);
      if (e164) rows = await live('main_phone_e164', e164);
    } else if (key === 'name' && typeof values.name === 'string' && values.name.trim()) {
      rows = await live('name', values.name.trim());
    }
    for (const row of rows) found.add(row.id);
  }
  return [...found];
}

function toInput(values: Record<string, unknown>) {
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (field.startsWith('custom.')) custom[field.slice(7)] = value;
    else input[field] = value;
  }
  if (Object.keys(custom).length) input.custom = custom;
  return input;
}

function parseInput(
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } },
  input: unknown,
) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = ((parsed.error as { issues?: Array<{ path: PropertyKey[]; message: string }> })?.issues ?? []).map(
    (i) => ({ path: i.path.map(String).join('.'), message: i.message }),
  );
  throw validationError(issues);
}

async function recordProvenance(
  trx: Trx,
  channel: ChannelRow,
  intakeId: string,
  recordId: string,
  fields: string[],
  sourceAt: Date,
) {
  if (fields.length === 0) return;
  await trx
    .insertInto('field_provenance')
    .values(
      fields.map((field) => ({
        tenant_id: channel.tenant_id,
        record_type: 'customer',
        record_id: recordId,
        field,
        channel_id: channel.id,
        intake_id: intakeId,
        source_at: sourceAt,
      })),
    )
    .onConflict((c) =>
      c.columns(['tenant_id', 'record_type', 'record_id', 'field']).doUpdateSet({
        channel_id: channel.id,
        intake_id: intakeId,
        source_at: sourceAt,
        set_at: sql`now()`,
      }),
    )
    .execute();
}

async function linkExternalId(trx: Trx, channel: ChannelRow, externalId: string | undefined, recordId: string) {
  if (!externalId) return;
  await trx
    .insertInto('channel_links')
    .values({
      tenant_id: channel.tenant_id,
      channel_id: channel.id,
      external_id: externalId,
      record_type: 'customer',
      record_id: recordId,
    })
    .onConflict((c) =>
      c
        .columns(['tenant_id', 'channel_id', 'external_id'])
        .doUpdateSet({ record_id: recordId, record_type: 'customer' }),
    )
    .execute();
}

async function currentValues(trx: Trx, tenantId: string, id: string) {
  const row = (await trx
    .selectFrom('customers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) throw new IntakeError('conflict', `customer ${id} no longer exists`);
  const custom = (row.custom ?? {}) as Record<string, unknown>;
  const read = (field: string) =>
    field.startsWith('custom.') ? (custom[field.slice(7)] ?? null) : (row[columnOf[field]!] ?? null);
  return { row, read, version: row.version as number };
}

/**
 * Applies one payload as the channel's service identity (`ctx`): map, match, merge, then write
 * through the record commands (field rules, duplicate checks, audit and outbox as for a person).
 */
export async function applyIntake(
  ctx: CommandContext,
  channel: ChannelRow,
  intake: IntakeInput,
  forced?: ForcedTarget,
): Promise<ApplyResult> {
  const { trx } = ctx;
  const spec = getResource('customers');
  const targets = await channelTargets(trx, channel.tenant_id);
  const mapped = applyMapping(channel.mapping as unknown as MappingRule[], targets, intake.payload);
  if (mapped.errors.length)
    throw new IntakeError('mapping', mapped.errors.map((e) => `${e.path}: ${e.message}`).join('; '), mapped.errors);
  // a source without a change time gets the receipt time: the record is applied, never skipped
  const sourceAt = mapped.sourceUpdatedAt ?? intake.receivedAt;
  const base = { recordType: 'customer' as const, sourceAt };

  const matches =
    forced === undefined
      ? await matchCustomers(trx, channel, mapped.values, mapped.externalId)
      : 'recordId' in forced
        ? [forced.recordId]
        : [];
  if (matches.length > 1) return { ...base, status: 'review', recordId: null, candidates: matches, fields: [] };

  if (matches.length === 0) {
    const values = Object.fromEntries(Object.entries(mapped.values).filter(([, v]) => !isEmptyValue(v)));
    const input = parseInput(spec.createSchema, toInput(values));
    const created = (await createRecord(ctx, spec, input)) as { id: string };
    await recordProvenance(trx, channel, intake.id, created.id, Object.keys(values), sourceAt);
    await linkExternalId(trx, channel, mapped.externalId, created.id);
    // lead assignment in the same transaction: owner, rule, version and reason, or no change
    await assignCustomer(trx, ctx, created.id);
    const fields = Object.entries(values).map(([field, after]) => ({ field, before: null, after }));
    return { ...base, status: 'created', recordId: created.id, fields };
  }

  const recordId = matches[0]!;
  const current = await currentValues(trx, channel.tenant_id, recordId);
  const provenance = await loadProvenance(trx, channel.tenant_id, recordId);
  const policy = mergePolicyOf(channel);
  const patch: Record<string, unknown> = {};
  const fields: FieldChange[] = [];
  for (const [field, value] of Object.entries(mapped.values)) {
    const stored = current.read(field);
    if (sameValue(field, stored, value)) continue;
    const setter = provenance.get(field);
    const incoming = { value, channelId: channel.id, channelKey: channel.key, at: sourceAt };
    if (!shouldWrite(policy, field, stored, setter, incoming)) continue;
    patch[field] = value;
    fields.push({ field, before: stored, after: value });
  }
  await linkExternalId(trx, channel, mapped.externalId, recordId);
  if (fields.length === 0) return { ...base, status: 'unchanged', recordId, fields };
  const input = parseInput(spec.updateSchema, { ...toInput(patch), version: current.version });
  await updateRecord(ctx, spec, recordId, input as Record<string, unknown> & { version: number });
  await recordProvenance(trx, channel, intake.id, recordId, Object.keys(patch), sourceAt);
  return { ...base, status: 'updated', recordId, fields };
}

const permissionCodes = new Set(['MISSING_GRANT', 'FORBIDDEN', 'OUT_OF_SCOPE', 'FIELD_READONLY', 'SANDBOX_RESTRICTED']);
const conflictCodes = new Set(['DUPLICATE_RECORD', 'VERSION_CONFLICT', 'CONFLICT', 'PARENT_DELETED', 'NOT_FOUND']);

/** The reason code of a failure; anything unexpected (a lost connection, a crash) counts as `timeout`. */
export function reasonOf(error: unknown): FailureReason {
  if (error instanceof IntakeError) return error.reason;
  if (error instanceof AppError) {
    if (permissionCodes.has(error.code)) return 'permission';
    if (conflictCodes.has(error.code)) return 'conflict';
    return 'validation';
  }
  return 'timeout';
}

/** Failures no retry can cure: the payload or the mapping must change first. */
export const isPermanent = (reason: FailureReason) => reason === 'validation' || reason === 'mapping';
