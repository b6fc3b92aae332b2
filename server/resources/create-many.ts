import { withoutScopeColumns, writtenRowCheck } from '../access/authorize.ts';
import { assertWritableFields } from '../access/field-rules.ts';
import { objectOf } from '../access/object-of.ts';
import { diff, type AuditEntry } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import { assertParentReadable, auditAndEmitMany, customColumn, presentFull } from './record-commands.ts';
import { resourceDb } from './resource-db.ts';
import type { Input, ResourceSpec, Row } from './resource-spec.ts';

/** One record to create, with the id it gets (known before the write, so later work can refer to it). */
export interface CreateDraft {
  id: string;
  input: Input;
}

/**
 * Creates several records of one resource for one actor: one statement inserts the rows (each
 * judged against the create scope on the inserted row, as `createRecordId` does) and one writes
 * their audit entries and `created` outbox events. Every row runs the same checks first: writable
 * fields, the resource's columns hook, custom fields, a readable parent.
 *
 * It names no duplicate: when a unique index refuses any row it throws DUPLICATE_RECORD, and the
 * caller (intake-batch.ts), whose transaction then rolls back, creates the records one by one,
 * where each refusal is named.
 */
export async function createRecords(ctx: CommandContext, spec: ResourceSpec, drafts: CreateDraft[]): Promise<Row[]> {
  if (drafts.length === 0) return [];
  const { actor } = ctx;
  const check = writtenRowCheck(ctx.access, spec);
  const values: Array<Record<string, unknown>> = [];
  for (const { id, input } of drafts) {
    assertWritableFields(ctx.access, objectOf(spec), input);
    const columns = { ...(await spec.toColumns(ctx, input, undefined)), ...(await customColumn(ctx, spec, input)) };
    await assertParentReadable(ctx, spec, columns);
    values.push({ id, ...columns, tenant_id: actor.tenantId, created_by: actor.userId, updated_by: actor.userId });
  }
  let insert = resourceDb(ctx.trx).insertInto(spec.table).values(values).returningAll();
  if (spec.duplicateCheck) insert = insert.onConflict((conflict) => conflict.doNothing());
  const written = (await resourceDb(ctx.trx)
    .with('inserted', () => insert)
    .selectFrom(`inserted as ${spec.table}`)
    .selectAll(spec.table)
    .select(check?.selections ?? [])
    .execute()) as Row[];
  if (written.length < drafts.length)
    throw new AppError('DUPLICATE_RECORD', `a ${spec.recordType} with the same unique values already exists`, {});
  const byId = new Map(written.map((row) => [row.id as string, row]));
  const rows: Row[] = [];
  const entries: AuditEntry[] = [];
  for (const { id, input } of drafts) {
    const found = byId.get(id)!;
    check?.judge(found);
    const row = withoutScopeColumns(found);
    await spec.afterWrite?.(ctx, row, input, true);
    entries.push({
      action: 'create',
      recordType: spec.recordType,
      recordId: id,
      changes: diff(undefined, await presentFull(ctx, spec, row)),
    });
    rows.push(row);
  }
  await auditAndEmitMany(
    ctx,
    spec,
    'created',
    entries.map((entry) => ({ entry, payload: { id: entry.recordId } })),
  );
  return rows;
}
