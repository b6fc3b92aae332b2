import { sql } from 'kysely';
import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import { writeAudit, type AuditEntry } from '../audit/audit.ts';
import { baseFields } from '../resources/base-fields.ts';
import type { CommandContext } from '../resources/context.ts';
import { allFields } from '../resources/list-query.ts';
import { presentRow } from '../resources/projection.ts';
import { deleteRecord, updateRecord } from '../resources/record-commands.ts';
import { getRecord } from '../resources/record-queries.ts';
import { getResource } from '../resources/registry.ts';
import type { Input, Row } from '../resources/resource-spec.ts';
import { loadLive } from '../resources/scope.ts';
import { notFound } from '../errors.ts';
import { aboutRecord, requireGrant } from '../batch-delete/batch-delete.ts';
import { requireStepUp } from '../step-up/step-up-token.ts';
import { resourceDb } from '../resources/resource-db.ts';

export const mergeSchema = z
  .object({
    targetId: z.uuid().describe('The customer that stays'),
    sourceIds: z
      .array(z.uuid())
      .min(1)
      .max(20)
      .describe('Customers merged into the target, in order of precedence; they go to the recycle bin'),
  })
  .refine((v) => !v.sourceIds.includes(v.targetId), { path: ['sourceIds'], message: 'must not contain targetId' })
  .meta({ id: 'CustomerMerge' });

/** A presented record's tags (a list of strings, or null). */
const tagsOf = (record: Record<string, unknown>): string[] =>
  Array.isArray(record.tags) ? record.tags.filter((tag): tag is string => typeof tag === 'string') : [];

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** "Non-null wins": the target keeps its values; its empty fields take the first source's value that is set. */
export function mergedInput(
  target: Record<string, unknown>,
  sources: Record<string, unknown>[],
  fieldNames: string[],
): Input {
  const fill: Input = {};
  for (const name of fieldNames) {
    if (!isBlank(target[name])) continue;
    const from = sources.find((s) => !isBlank(s[name]));
    if (from) fill[name] = from[name];
  }
  const tags = [...new Set([target, ...sources].flatMap((r) => tagsOf(r)))];
  if (tags.length > tagsOf(target).length) fill.tags = tags;
  const targetCustom = (target.custom as Record<string, unknown> | undefined) ?? {};
  const custom: Record<string, unknown> = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries((source.custom as Record<string, unknown> | undefined) ?? {})) {
      if (isBlank(targetCustom[key]) && custom[key] === undefined && !isBlank(value)) custom[key] = value;
    }
  }
  if (Object.keys(custom).length) fill.custom = custom;
  return fill;
}

const children = [
  { resource: 'contacts', recordType: 'contact' },
  { resource: 'opportunities', recordType: 'opportunity' },
  { resource: 'followups', recordType: 'followup' },
  { resource: 'contracts', recordType: 'contract' },
  { resource: 'orders', recordType: 'order' },
  { resource: 'attachments', recordType: 'attachment' },
] as const;

/** Moves the live children (and the customer's own attachments and assignments) of a source to the target. */
async function moveChildren(ctx: CommandContext, sourceId: string, targetId: string, moved: Record<string, number>) {
  const tenant = ctx.actor.tenantId;
  const entries: AuditEntry[] = [];
  const targetHasPrimary = await ctx.trx
    .selectFrom('contacts')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('customer_id', '=', targetId)
    .where('is_primary', '=', true)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  for (const child of children) {
    const table = getResource(child.resource).table;
    const set: Record<string, unknown> = {
      customer_id: targetId,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
    };
    if (child.resource === 'contacts' && targetHasPrimary) set.is_primary = false;
    if (child.resource === 'attachments')
      set.record_id = sql`case when record_type = 'customer' and record_id = ${sourceId} then ${targetId}::uuid else record_id end`;
    const rows = await resourceDb(ctx.trx)
      .updateTable(table)
      .set(set)
      .where('tenant_id', '=', tenant)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        child.resource === 'attachments'
          ? eb.or([
              eb('customer_id', '=', sourceId),
              eb.and([eb('record_type', '=', 'customer'), eb('record_id', '=', sourceId)]),
            ])
          : eb('customer_id', '=', sourceId),
      )
      .returning('id')
      .execute();
    moved[child.resource] = (moved[child.resource] ?? 0) + rows.length;
    for (const row of rows)
      entries.push({
        action: 'merge.move',
        recordType: child.recordType,
        recordId: row.id,
        changes: { customerId: { before: sourceId, after: targetId } },
      });
  }
  // assignments follow the customer, unless the target already has the same assignee
  await ctx.trx
    .updateTable('assignments')
    .set({ record_id: targetId, updated_at: sql`now()`, updated_by: ctx.actor.userId })
    .where('tenant_id', '=', tenant)
    .where('record_type', '=', 'customer')
    .where('record_id', '=', sourceId)
    .where('deleted_at', 'is', null)
    .where(
      'user_id',
      'not in',
      ctx.trx
        .selectFrom('assignments')
        .select('user_id')
        .where('tenant_id', '=', tenant)
        .where('record_type', '=', 'customer')
        .where('record_id', '=', targetId)
        .where('deleted_at', 'is', null),
    )
    .execute();
  await writeAudit(ctx, entries);
}

/**
 * Merges customers into a target after a step-up check: the target keeps its non-null
 * fields and fills the empty ones from the sources in order (tags: union; custom values:
 * the same per key); the sources' contacts, opportunities, follow-ups, contracts, orders and
 * attachments move to the target; the sources go to the recycle bin. One transaction.
 */
export async function mergeCustomers(ctx: CommandContext, targetId: string, sourceIds: string[]) {
  const spec = getResource('customers');
  const operation = 'customer.merge';
  requireGrant(ctx, spec, 'update', operation);
  requireGrant(ctx, spec, 'delete', operation);
  await requireStepUp(ctx, operation);
  const ids = [...new Set(sourceIds)];

  const load = async (id: string, action: 'update' | 'delete') => {
    try {
      const row = await loadLive(ctx, spec, id, true);
      if (!row) throw notFound('customer', id);
      await authorize(ctx.trx, ctx.access, spec, action, { id });
      return row;
    } catch (error) {
      throw aboutRecord(error, 'customer', id, operation);
    }
  };
  const target = await load(targetId, 'update');
  const sources: Row[] = [];
  for (const id of ids) sources.push(await load(id, 'delete'));

  const names = Object.entries(allFields(spec))
    .filter(([name, f]) => !f.internal && !(name in baseFields) && name !== 'tags' && f.kind !== 'json')
    .map(([name]) => name);
  const fill = mergedInput(
    presentRow(spec, target),
    sources.map((s) => presentRow(spec, s)),
    names,
  );

  const moved: Record<string, number> = {};
  for (const source of sources) await moveChildren(ctx, source.id, targetId, moved);
  // the sources leave first, so the target can take over their unique values (credit code, phone)
  const deleted = [];
  for (const source of sources) {
    try {
      deleted.push(await deleteRecord(ctx, spec, source.id));
    } catch (error) {
      throw aboutRecord(error, 'customer', source.id, operation);
    }
  }
  if (Object.keys(fill).length > 0) {
    try {
      await updateRecord(ctx, spec, targetId, { ...fill, version: target.version });
    } catch (error) {
      throw aboutRecord(error, 'customer', targetId, operation);
    }
  }
  await writeAudit(ctx, [
    {
      action: 'merge',
      recordType: 'customer',
      recordId: targetId,
      changes: {
        mergedFrom: { before: null, after: ids },
        filled: { before: null, after: Object.keys(fill) },
        moved: { before: null, after: moved },
      },
    },
    ...ids.map((id) => ({
      action: 'merged-into',
      recordType: 'customer',
      recordId: id,
      changes: { mergedInto: { before: null, after: targetId } },
    })),
  ]);
  const record = await getRecord(ctx.trx, ctx.access, spec, targetId);
  return { target: record, mergedIds: ids, moved, deleted: deleted.map((d) => ({ id: d.id, batchId: d.batchId })) };
}
