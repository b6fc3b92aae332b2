import { newId } from '../../common/ids.ts';
import { toE164 } from '../../common/phone.ts';
import { AppError } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import type { CreateDraft } from '../resources/create-many.ts';
import { createRecordId, updateRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { channelTargets, mergePolicyOf, type ChannelRow } from './channel-store.ts';
import type { TargetField } from './mapping.ts';
import { applyMapping, type MappingRule } from './mapping.ts';
import { isEmptyValue, shouldWrite } from './merge-policy.ts';
import { loadProvenance } from './provenance.ts';
import { activeRules, assignCustomer } from '../assignment/assign-customer.ts';
import { applyContactValues, splitContactValues, type ContactApply } from './intake-contact.ts';
import {
  IntakeError,
  parseInput,
  recordProvenance,
  sameValue,
  type FailureReason,
  type FieldChange,
} from './intake-values.ts';

export { errorFieldsOf, failureReasons, IntakeError, type FailureReason, type FieldChange } from './intake-values.ts';

export interface ApplyResult {
  status: 'created' | 'updated' | 'unchanged' | 'review';
  recordType: 'customer';
  recordId: string | null;
  candidates?: string[];
  /** The primary contact the payload's contact fields set (null when it carried none). */
  contactId?: string | null;
  fields: FieldChange[];
  sourceAt: Date;
}

export interface IntakeInput {
  id: string;
  payload: unknown;
  receivedAt: Date;
}

/** The failure of a payload the channel's mapping refuses (the fields and why). */
export const mappingError = (errors: Array<{ path: string; message: string }>) =>
  new IntakeError('mapping', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

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

/** The values a payload is matched by, normalised as the customers table stores them. */
export interface MatchKeys {
  externalId: string | null;
  creditCode: string | null;
  phone: string | null;
  name: string | null;
}

export function matchKeysOf(values: Record<string, unknown>, externalId: string | undefined): MatchKeys {
  return {
    externalId: externalId || null,
    creditCode:
      typeof values.creditCode === 'string' && values.creditCode.trim() ? values.creditCode.trim().toUpperCase() : null,
    phone: typeof values.mainPhone === 'string' ? (toE164(values.mainPhone) ?? null) : null,
    name: typeof values.name === 'string' && values.name.trim() ? values.name.trim() : null,
  };
}

/**
 * What the records of one batch share (intake-batch.ts): the custom field targets and the
 * assignment rules, loaded once, and the batch's match index, filled by one query per match key.
 */
export interface ApplyMemo {
  targets?: Map<string, TargetField>;
  rules?: Awaited<ReturnType<typeof activeRules>>;
  /** The matches from the batch's index, or undefined when the database must be asked. */
  lookup?(channel: ChannelRow, keys: MatchKeys): string[] | undefined;
  /** A customer this batch wrote: later rows matching it ask the database again. */
  touched?(recordId: string): void;
  /**
   * What the batch writes together at `flush`: its new customers (one insert per service
   * identity, then their assignment), their provenance and external-id links, and the
   * `intake.applied` events.
   */
  defer?: {
    creates: DeferredCreate[];
    provenance: DeferredProvenance[];
    links: DeferredLink[];
    events: DeferredEvent[];
  };
  flush?(): Promise<void>;
}

export interface DeferredProvenance {
  channel: ChannelRow;
  intakeId: string;
  recordId: string;
  field: string;
  sourceAt: Date;
}

export interface DeferredCreate {
  ctx: CommandContext;
  draft: CreateDraft;
}

export interface DeferredEvent {
  ctx: CommandContext;
  topic: string;
  payload: Record<string, unknown>;
}

export interface DeferredLink {
  channel: ChannelRow;
  externalId: string;
  recordId: string;
}

async function matchesOf(
  ctx: CommandContext,
  channel: ChannelRow,
  mapped: { values: Record<string, unknown>; externalId?: string },
  forced: ForcedTarget | undefined,
  memo: ApplyMemo | undefined,
): Promise<string[]> {
  if (forced !== undefined) return 'recordId' in forced ? [forced.recordId] : [];
  const known = memo?.lookup?.(channel, matchKeysOf(mapped.values, mapped.externalId));
  if (known) return known;
  await memo?.flush?.(); // the query sees the links the batch wrote so far
  return matchCustomers(ctx.trx, channel, mapped.values, mapped.externalId);
}

/** Customers the payload matches, following the channel's match order (live records only). */
export async function matchCustomers(
  trx: Trx,
  channel: ChannelRow,
  values: Record<string, unknown>,
  externalId: string | undefined,
): Promise<string[]> {
  const { creditCode, phone, name } = matchKeysOf(values, externalId);
  const keys = new Set(channel.match_order);
  // credit code, phone and name in one statement; each row says which of them it matched
  const byValue =
    (keys.has('creditCode') && creditCode) || (keys.has('phone') && phone) || (keys.has('name') && name)
      ? await trx
          .selectFrom('customers')
          .select(['id', 'credit_code', 'main_phone_e164', 'name'])
          .where('tenant_id', '=', channel.tenant_id)
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.or([
              ...(keys.has('creditCode') && creditCode ? [eb('credit_code', '=', creditCode)] : []),
              ...(keys.has('phone') && phone ? [eb('main_phone_e164', '=', phone)] : []),
              ...(keys.has('name') && name ? [eb('name', '=', name)] : []),
            ]),
          )
          .orderBy('id')
          .execute()
      : [];
  const found = new Set<string>();
  for (const key of channel.match_order) {
    if (key === 'externalId' && externalId) {
      const rows = await trx
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
      for (const row of rows) found.add(row.id);
    }
    for (const row of byValue) {
      if (
        (key === 'creditCode' && creditCode && row.credit_code === creditCode) ||
        (key === 'phone' && phone && row.main_phone_e164 === phone) ||
        (key === 'name' && name && row.name === name)
      )
        found.add(row.id);
    }
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

const customerRecord = (id: string) => ({ type: 'customer' as const, id });

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
  memo?: ApplyMemo,
): Promise<ApplyResult> {
  const { trx } = ctx;
  const spec = getResource('customers');
  const targets = memo?.targets ?? (await channelTargets(trx, channel.tenant_id));
  if (memo) memo.targets = targets;
  const mapped = applyMapping(channel.mapping as unknown as MappingRule[], targets, intake.payload);
  if (mapped.errors.length) throw mappingError(mapped.errors);
  // a source without a change time gets the receipt time: the record is applied, never skipped
  const sourceAt = mapped.sourceUpdatedAt ?? intake.receivedAt;
  const base = { recordType: 'customer' as const, sourceAt };

  const matches = await matchesOf(ctx, channel, mapped, forced, memo);
  if (matches.length > 1) return { ...base, status: 'review', recordId: null, candidates: matches, fields: [] };

  const split = splitContactValues(mapped.values);
  const policy = mergePolicyOf(channel);
  const contactOf = (customerId: string) =>
    applyContactValues(ctx, channel, { id: intake.id, sourceAt }, customerId, split.contact, policy);

  if (matches.length === 0) {
    const values = Object.fromEntries(Object.entries(split.customer).filter(([, v]) => !isEmptyValue(v)));
    const input = parseInput(spec.createSchema, toInput(values));
    // in a batch, a new customer without contact fields is inserted with the batch's others
    const deferred = memo?.defer && Object.keys(split.contact).length === 0;
    const created = { id: deferred ? newId() : await createRecordId(ctx, spec, input) };
    if (deferred) memo!.defer!.creates.push({ ctx, draft: { id: created.id, input } });
    if (memo?.defer) {
      // a new customer's provenance and link: written with the batch's others (intake-batch.ts)
      for (const field of Object.keys(values))
        memo.defer.provenance.push({ channel, intakeId: intake.id, recordId: created.id, field, sourceAt });
      if (mapped.externalId) memo.defer.links.push({ channel, externalId: mapped.externalId, recordId: created.id });
    } else {
      await recordProvenance(trx, channel, intake.id, customerRecord(created.id), Object.keys(values), sourceAt);
      await linkExternalId(trx, channel, mapped.externalId, created.id);
    }
    const contact: ContactApply = deferred ? { fields: [] } : await contactOf(created.id);
    // lead assignment in the same transaction (a deferred customer's at the flush): owner, rule,
    // version and reason, or no change
    if (memo) memo.rules ??= await activeRules(trx, channel.tenant_id);
    if (!deferred) await assignCustomer(trx, ctx, created.id, memo?.rules);
    memo?.touched?.(created.id);
    const fields = Object.entries(values).map(([field, after]) => ({ field, before: null, after }));
    return {
      ...base,
      status: 'created',
      recordId: created.id,
      contactId: contact.contactId ?? null,
      fields: [...fields, ...contact.fields],
    };
  }

  const recordId = matches[0]!;
  memo?.touched?.(recordId);
  await memo?.flush?.(); // the provenance read below sees the batch's earlier writes
  const current = await currentValues(trx, channel.tenant_id, recordId);
  const provenance = await loadProvenance(trx, channel.tenant_id, recordId);
  const patch: Record<string, unknown> = {};
  const fields: FieldChange[] = [];
  for (const [field, value] of Object.entries(split.customer)) {
    const stored = current.read(field);
    if (sameValue(field, stored, value)) continue;
    const setter = provenance.get(field);
    const incoming = { value, channelId: channel.id, channelKey: channel.key, at: sourceAt };
    if (!shouldWrite(policy, field, stored, setter, incoming)) continue;
    patch[field] = value;
    fields.push({ field, before: stored, after: value });
  }
  await linkExternalId(trx, channel, mapped.externalId, recordId);
  if (fields.length > 0) {
    const input = parseInput(spec.updateSchema, { ...toInput(patch), version: current.version });
    await updateRecord(ctx, spec, recordId, input as Record<string, unknown> & { version: number });
    await recordProvenance(trx, channel, intake.id, customerRecord(recordId), Object.keys(patch), sourceAt);
  }
  const contact = await contactOf(recordId);
  const all = [...fields, ...contact.fields];
  return {
    ...base,
    status: all.length ? 'updated' : 'unchanged',
    recordId,
    contactId: contact.contactId ?? null,
    fields: all,
  };
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
