import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import { auditRows, diff, writeAudit, type AuditEntry } from '../audit/audit.ts';
import type { CommandContext } from './context.ts';
import { loadCustomFieldDefs, validateCustomValues } from './custom-values.ts';
import { presentRow } from './projection.ts';
import { presentById } from './record-queries.ts';
import { auditEmitAndPresent } from './write-statements.ts';
import { getResource } from './registry.ts';
import type { Input, RelationSpec, ResourceSpec, Row } from './resource-spec.ts';
import { loadLive } from './scope.ts';
import { writeOrNameDuplicate } from './duplicates.ts';
import { authorize, loadAuthorized, writtenRowCheck, withoutScopeColumns } from '../access/authorize.ts';
import { objectOf } from '../access/object-of.ts';
import { assertWritableFields } from '../access/field-rules.ts';
import { resourceDb } from './resource-db.ts';

export async function customColumn(ctx: CommandContext, spec: ResourceSpec, input: Input, existing?: Row) {
  if (!spec.customObject) return {};
  if (input.custom === undefined && existing) return {};
  // the definitions came with the request's access (cached per company) unless it was simulated
  const defs = ctx.access.customFieldsComplete
    ? (ctx.access.customFields.get(spec.customObject) ?? [])
    : await loadCustomFieldDefs(ctx.trx, ctx.actor.tenantId, spec.customObject);
  const merged = {
    ...((existing?.custom as Record<string, unknown>) ?? {}),
    ...((input.custom as Record<string, unknown>) ?? {}),
  };
  return { custom: JSON.stringify(validateCustomValues(defs, merged)) };
}

/** A write by a workflow rule says so in its event: the next rule in a chain runs one level deeper. */
export const withChain = (ctx: CommandContext, payload: Record<string, unknown>) =>
  ctx.automation ? { ...payload, automation: ctx.automation } : payload;

async function emit(ctx: CommandContext, spec: ResourceSpec, event: string, payload: Record<string, unknown>) {
  await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, `${spec.recordType}.${event}`, withChain(ctx, payload));
}

/**
 * The audit entries of writes and their outbox events (`<type>.<event>`), in one statement (inserts
 * inside CTEs). With `present`, that statement also reads the record back as the caller sees it
 * (`auditEmitAndPresent`), and answers it: a write's last round trip.
 */
export async function auditAndEmitMany(
  ctx: CommandContext,
  spec: ResourceSpec,
  event: string,
  writes: Array<{ entry: AuditEntry; payload: Record<string, unknown> }>,
  present?: string,
): Promise<Record<string, unknown> | undefined> {
  const { actor, meta } = ctx;
  const rows = auditRows(
    actor.tenantId,
    { id: actor.userId, name: actor.displayName },
    meta,
    writes.map((w) => w.entry),
  );
  const events = writes.map((w) => ({
    tenant_id: actor.tenantId,
    id: newId(),
    topic: `${spec.recordType}.${event}`,
    payload: JSON.stringify(withChain(ctx, w.payload)),
  }));
  if (present !== undefined) return auditEmitAndPresent(ctx, spec, rows, events, present);
  await ctx.trx
    .with('audit', (db) => db.insertInto('audit_log').values(rows))
    .insertInto('outbox_events')
    .values(events)
    .execute();
  return undefined;
}

/** The full record with its derived fields, for audit diffs (stored whole; the log applies field rules on reading). */
export async function presentFull(ctx: CommandContext, spec: ResourceSpec, row: Row) {
  const record = presentRow(spec, row);
  const derived = Object.entries(spec.derived ?? {});
  if (derived.length === 0) return record;
  const values = (await resourceDb(ctx.trx)
    .selectFrom(spec.table)
    .select(derived.map(([name, field]) => field.select(spec.table).as(name)))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  return { ...record, ...presentRow(spec, values) };
}

/** What the caller gets back: the record as their field rules let them see it, with what they may do to it. */
const forCaller = (ctx: CommandContext, spec: ResourceSpec, id: string) => presentById(ctx.trx, ctx.access, spec, id);

/** A record may only be attached to a parent the user can see (no writing into hidden customers). */
export async function assertParentReadable(ctx: CommandContext, spec: ResourceSpec, columns: Record<string, unknown>) {
  const parentId = spec.parent ? columns[spec.parent.column] : undefined;
  if (typeof parentId !== 'string') return;
  await authorize(ctx.trx, ctx.access, getResource(spec.parent!.resource), 'read', { id: parentId });
}

/**
 * Inserts the new row and checks it against the writer's create scope in the same statement: the
 * insert runs in a CTE, and the row it returns is read back with each grant's scope evaluated on
 * it. A row outside every scope (or the sandbox) is refused with 403 as before, and the request's
 * transaction rolls the insert back. Duplicates are found by the table's unique indexes (`on
 * conflict do nothing`), not by a read before the write: when the insert yields no row, the draft
 * is checked (a refusal for scope comes first, as before) and the duplicate check then answers
 * 409 DUPLICATE_RECORD naming the field and the existing record.
 */
async function insertInScope(ctx: CommandContext, spec: ResourceSpec, columns: Record<string, unknown>, input: Input) {
  const check = writtenRowCheck(ctx.access, spec);
  let insert = resourceDb(ctx.trx)
    .insertInto(spec.table)
    .values({
      id: newId(),
      ...columns,
      tenant_id: ctx.actor.tenantId,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .returningAll();
  if (spec.duplicateCheck) insert = insert.onConflict((conflict) => conflict.doNothing());
  const readBack = resourceDb(ctx.trx)
    .with('inserted', () => insert)
    .selectFrom(`inserted as ${spec.table}`)
    .selectAll(spec.table)
    .select(check?.selections ?? []);
  const found = (await readBack.executeTakeFirst()) as Row | undefined;
  if (found) {
    check?.judge(found);
    return withoutScopeColumns(found);
  }
  await authorize(ctx.trx, ctx.access, spec, 'create', { draft: { ...columns, custom: input.custom } });
  await spec.duplicateCheck?.(ctx, columns);
  throw new AppError('DUPLICATE_RECORD', `a ${spec.recordType} with the same unique values already exists`, {});
}

export async function createRecord(ctx: CommandContext, spec: ResourceSpec, input: Input) {
  return (await create(ctx, spec, input, true)).record!;
}

/** `createRecord` without reading the new record back as the caller sees it (intake batches need the id only). */
export const createRecordId = async (ctx: CommandContext, spec: ResourceSpec, input: Input): Promise<string> =>
  (await create(ctx, spec, input, false)).id;

async function create(ctx: CommandContext, spec: ResourceSpec, input: Input, present: boolean) {
  assertWritableFields(ctx.access, objectOf(spec), input);
  const columns = { ...(await spec.toColumns(ctx, input, undefined)), ...(await customColumn(ctx, spec, input)) };
  await assertParentReadable(ctx, spec, columns);
  const row = await insertInScope(ctx, spec, columns, input);
  await spec.afterWrite?.(ctx, row, input, true);
  const changes = diff(undefined, await presentFull(ctx, spec, row));
  const entry: AuditEntry = { action: 'create', recordType: spec.recordType, recordId: row.id, changes };
  const id = row.id as string;
  const record = await auditAndEmitMany(ctx, spec, 'created', [{ entry, payload: { id } }], present ? id : undefined);
  return { id, record };
}

export async function updateRecord(
  ctx: CommandContext,
  spec: ResourceSpec,
  id: string,
  input: Input & { version: number },
) {
  const existing = await loadAuthorized(ctx.trx, ctx.access, spec, 'update', id);
  if (!existing) throw notFound(spec.recordType, id);
  assertWritableFields(ctx.access, objectOf(spec), input);
  await spec.beforeUpdate?.(ctx, existing, input);
  if (existing.version !== input.version) {
    throw versionConflict(spec.recordType, id, existing.version).withDetails({
      current: await forCaller(ctx, spec, id),
    });
  }
  const before = await presentFull(ctx, spec, existing);
  const columns = {
    ...(await spec.toColumns(ctx, input, existing)),
    ...(await customColumn(ctx, spec, input, existing)),
  };
  // the changed record must stay inside the writer's scope (no handing a record out of reach): the
  // scope is evaluated on the updated row in the update statement, and a refusal rolls it back
  const custom = typeof columns.custom === 'string' ? (JSON.parse(columns.custom) as unknown) : existing.custom;
  const check = writtenRowCheck(ctx.access, spec, 'update');
  // no duplicate read before the write: the unique indexes decide, and a refusal is named after it
  const candidate = { ...existing, ...columns };
  const row = await writeOrNameDuplicate(
    ctx,
    spec,
    candidate,
    id,
    async () => {
      const update = resourceDb(ctx.trx)
        .updateTable(spec.table)
        .set({ ...columns, version: sql`version + 1`, updated_at: sql`now()`, updated_by: ctx.actor.userId })
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', id)
        .where('version', '=', existing.version)
        .returningAll();
      const written = (await resourceDb(ctx.trx)
        .with('written', () => update)
        .selectFrom(`written as ${spec.table}`)
        .selectAll(spec.table)
        .select(check?.selections ?? [])
        .executeTakeFirstOrThrow()) as Row;
      check?.judge(written);
      return withoutScopeColumns(written);
    },
    existing,
    // a duplicate that is also out of scope answers 403, as when the scope was checked first
    () => authorize(ctx.trx, ctx.access, spec, 'update', { draft: { ...existing, ...columns, custom } }),
  );
  await spec.afterWrite?.(ctx, row, input, false);
  const record = await presentFull(ctx, spec, row);
  const changes = diff(before, record);
  const entry: AuditEntry = { action: 'update', recordType: spec.recordType, recordId: id, changes };
  const payload = {
    id,
    fields: Object.keys(changes),
    // the changed fields' values before and after, for "changed from … to …" conditions of workflow rules
    before: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.before ?? null])),
    after: Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.after ?? null])),
  };
  return (await auditAndEmitMany(ctx, spec, 'updated', [{ entry, payload }], id))!;
}

interface Touched {
  spec: ResourceSpec;
  ids: string[];
}

/**
 * Marks the children of `ids` (recursively) as deleted in the same batch. A child type with a
 * guard of its own (attachments need a step-up) is deleted only when that guard passes too.
 */
async function cascadeDelete(ctx: CommandContext, spec: ResourceSpec, ids: string[], batch: string, out: Touched[]) {
  for (const relation of spec.cascade ?? []) {
    const child = getResource(relation.resource);
    let query = resourceDb(ctx.trx)
      .updateTable(child.table)
      .set({ deleted_at: sql`now()`, delete_batch_id: batch, updated_by: ctx.actor.userId })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where(relation.column, 'in', ids)
      .where('deleted_at', 'is', null);
    for (const [column, value] of Object.entries(relation.where ?? {})) query = query.where(column, '=', value);
    const rows = (await query.returningAll().execute()) as Row[];
    if (rows.length === 0) continue;
    if (child.beforeDelete) await guardCascade(ctx, spec, child, rows);
    const childIds = rows.map((r) => r.id);
    out.push({ spec: child, ids: childIds });
    await cascadeDelete(ctx, child, childIds, batch, out);
  }
}

async function guardCascade(ctx: CommandContext, parent: ResourceSpec, child: ResourceSpec, rows: Row[]) {
  try {
    for (const row of rows) await child.beforeDelete!(ctx, row);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(
      error.code,
      `deleting this ${parent.recordType} also deletes ${rows.length} of its ${child.path}: ${error.message}`,
      { ...error.details, cascade: child.path },
    );
  }
}

export async function deleteRecord(ctx: CommandContext, spec: ResourceSpec, id: string) {
  const existing = await loadAuthorized(ctx.trx, ctx.access, spec, 'delete', id);
  if (!existing) throw notFound(spec.recordType, id);
  await spec.beforeDelete?.(ctx, existing);
  const batch = newId();
  const root = (await resourceDb(ctx.trx)
    .updateTable(spec.table)
    .set({ deleted_at: sql`now()`, delete_batch_id: batch, updated_by: ctx.actor.userId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .returning(['deleted_at'])
    .executeTakeFirstOrThrow()) as { deleted_at: Date };
  const touched: Touched[] = [];
  await cascadeDelete(ctx, spec, [id], batch, touched);
  await ctx.trx
    .insertInto('recycle_bin')
    .values({
      tenant_id: ctx.actor.tenantId,
      id: newId(),
      record_type: spec.recordType,
      record_id: id,
      title: String(existing[spec.fields[spec.titleField]!.column] ?? id),
      batch_id: batch,
      deleted_by: ctx.actor.userId,
    })
    .execute();
  const deletedAt = root.deleted_at.toISOString();
  const entries: AuditEntry[] = [
    {
      action: 'delete',
      recordType: spec.recordType,
      recordId: id,
      changes: { deletedAt: { before: null, after: deletedAt } },
    },
    ...touched.flatMap((t) =>
      t.ids.map((childId) => ({
        action: 'delete',
        recordType: t.spec.recordType,
        recordId: childId,
        changes: {
          deletedAt: { before: null, after: deletedAt },
          deletedWith: { before: null, after: `${spec.recordType}:${id}` },
        },
      })),
    ),
  ];
  await writeAudit(ctx, entries);
  await emit(ctx, spec, 'deleted', { id, batchId: batch, cascaded: touched.reduce((n, t) => n + t.ids.length, 0) });
  return {
    id,
    batchId: batch,
    deletedAt,
    cascaded: Object.fromEntries(touched.map((t) => [t.spec.path, t.ids.length])),
  };
}

/** Every resource reachable through cascade relations (the tables a batch can span). */
function cascadeClosure(spec: ResourceSpec, seen = new Map<string, ResourceSpec>()): ResourceSpec[] {
  seen.set(spec.path, spec);
  for (const relation of spec.cascade ?? ([] as RelationSpec[])) {
    if (!seen.has(relation.resource)) cascadeClosure(getResource(relation.resource), seen);
  }
  return [...seen.values()];
}

export async function restoreRecord(ctx: CommandContext, spec: ResourceSpec, id: string) {
  const entry = await ctx.trx
    .selectFrom('recycle_bin')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('record_type', '=', spec.recordType)
    .where('record_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!entry) throw notFound(`${spec.recordType} in the recycle bin`, id);
  // whoever may delete the record may bring it back
  await authorize(ctx.trx, ctx.access, spec, 'delete', { id });
  if (spec.parent) {
    const row = (await resourceDb(ctx.trx)
      .selectFrom(spec.table)
      .select(spec.parent.column)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) as Record<string, string | null> | undefined;
    const parentId = row?.[spec.parent.column];
    const parentSpec = getResource(spec.parent.resource);
    if (parentId && !(await loadLive(ctx, parentSpec, parentId))) {
      throw new AppError(
        'PARENT_DELETED',
        `restore the ${parentSpec.recordType} this ${spec.recordType} belongs to first`,
        {
          parentType: parentSpec.recordType,
          parentId,
        },
      );
    }
  }
  const entries: AuditEntry[] = [];
  for (const table of cascadeClosure(spec)) {
    const rows = (await resourceDb(ctx.trx)
      .updateTable(table.table)
      .set({
        deleted_at: null,
        delete_batch_id: null,
        version: sql`version + 1`,
        updated_at: sql`now()`,
        updated_by: ctx.actor.userId,
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('delete_batch_id', '=', entry.batch_id)
      .returning('id')
      .execute()) as { id: string }[];
    for (const r of rows) {
      entries.push({
        action: 'restore',
        recordType: table.recordType,
        recordId: r.id,
        changes: { deletedAt: { before: entry.deleted_at.toISOString(), after: null } },
      });
    }
  }
  await ctx.trx
    .deleteFrom('recycle_bin')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', entry.id)
    .execute();
  await writeAudit(ctx, entries);
  await emit(ctx, spec, 'restored', { id, batchId: entry.batch_id, restored: entries.length });
  return { record: await forCaller(ctx, spec, id), restored: entries.length };
}
