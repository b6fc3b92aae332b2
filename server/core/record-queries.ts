import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import { notFound } from '../http/errors.ts';
import type { Actor } from './context.ts';
import { loadCustomFieldDefs, type CustomFieldDef } from './custom-values.ts';
import {
  afterCursor,
  decodeCursor,
  encodeCursor,
  orderBy,
  parseFields,
  parseFilter,
  parseInclude,
  parseSort,
} from './list-query.ts';
import { columnsFor, presentRow } from './presenter.ts';
import { getResource } from './registry.ts';
import type { RelationSpec, ResourceSpec } from './resource-spec.ts';
import { readScope } from './scope.ts';
import type { Trx } from './tenant-transaction.ts';

export interface ListParams {
  filter?: string;
  sort?: string;
  limit: number;
  cursor?: string;
  fields?: string;
  include?: string;
  q?: string;
}

export interface ListResult {
  data: Record<string, unknown>[];
  nextCursor: string | null;
}

/** How many related rows an include returns per record; the related list endpoint pages the rest. */
export const INCLUDE_LIMIT = 50;

// Dynamic table names are checked by the registry; Kysely's static typing cannot follow them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dyn = (trx: Trx) => trx as unknown as Kysely<any>;

async function defsFor(trx: Trx, actor: Actor, spec: ResourceSpec): Promise<CustomFieldDef[]> {
  return spec.customObject ? loadCustomFieldDefs(trx, actor.tenantId, spec.customObject) : [];
}

export async function listRecords(trx: Trx, actor: Actor, spec: ResourceSpec, params: ListParams, extra: Expression<SqlBool>[] = []): Promise<ListResult> {
  const defs = await defsFor(trx, actor, spec);
  const conditions = [...readScope(actor, spec), ...extra, ...parseFilter(spec, params.filter, defs)];
  const sort = parseSort(spec, params.sort, defs);
  const fields = parseFields(spec, params.fields);
  const include = parseInclude(spec, params.include);
  if (params.cursor) conditions.push(afterCursor(sort, decodeCursor(sort, params.cursor)));
  if (params.q && spec.search) conditions.push(spec.search(params.q.trim()));

  const columns = columnsFor(spec, fields);
  let query = dyn(trx)
    .selectFrom(spec.table)
    .select(sql`${sort.target.expr}`.as('__sort'))
    .where((eb) => eb.and(conditions))
    .orderBy(orderBy(sort))
    .limit(params.limit + 1);
  query = columns ? query.select(columns) : query.selectAll();
  const rows = (await query.execute()) as Record<string, unknown>[];

  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(sort, last.__sort, last.id as string) : null;
  const data = page.map((row) => presentRow(spec, row, fields));
  await decorate(trx, actor, spec, data, fields);
  await attachIncludes(trx, actor, spec, include, data);
  return { data, nextCursor };
}

export async function getRecord(trx: Trx, actor: Actor, spec: ResourceSpec, id: string, params: { fields?: string; include?: string } = {}) {
  const fields = parseFields(spec, params.fields);
  const include = parseInclude(spec, params.include);
  const columns = columnsFor(spec, fields);
  let query = dyn(trx).selectFrom(spec.table).where((eb) => eb.and([...readScope(actor, spec), sql<SqlBool>`id = ${id}`]));
  query = columns ? query.select(columns) : query.selectAll();
  const row = (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) throw notFound(spec.recordType, id);
  const data = [presentRow(spec, row, fields)];
  await decorate(trx, actor, spec, data, fields);
  await attachIncludes(trx, actor, spec, include, data);
  return data[0]!;
}

/** Adds the data kept in other tables, keeping a sparse fieldset sparse. */
async function decorate(trx: Trx, actor: Actor, spec: ResourceSpec, records: Record<string, unknown>[], fields?: string[]) {
  if (!spec.decorate) return;
  const extra = Object.keys(spec.extraOutput ?? {});
  if (fields && !fields.some((f) => extra.includes(f))) return;
  await spec.decorate(trx, actor.tenantId, records);
  if (!fields) return;
  for (const record of records) for (const key of extra) if (!fields.includes(key)) delete record[key];
}

function relationConditions(relation: RelationSpec, ids: string[]): Expression<SqlBool>[] {
  const list = sql.join(ids.map((id) => sql`${id}`));
  const conditions = [sql<SqlBool>`${sql.ref(relation.column)} in (${list})`];
  for (const [column, value] of Object.entries(relation.where ?? {})) conditions.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  return conditions;
}

/** Fetches each requested related list for all records in one scoped query per relation. */
async function attachIncludes(trx: Trx, actor: Actor, spec: ResourceSpec, include: string[], records: Record<string, unknown>[]) {
  if (include.length === 0 || records.length === 0) return;
  const ids = records.map((r) => r.id as string);
  for (const name of include) {
    const relation = spec.includes![name]!;
    const child = getResource(relation.resource);
    const childDefs = await defsFor(trx, actor, child);
    const sort = parseSort(child, undefined, childDefs);
    const ranked = dyn(trx)
      .selectFrom(child.table)
      .selectAll()
      .select(sql`row_number() over (partition by ${sql.ref(relation.column)} order by ${orderBy(sort)})`.as('__rank'))
      .where((eb) => eb.and([...readScope(actor, child), ...relationConditions(relation, ids)]));
    const rows = (await dyn(trx)
      .selectFrom(ranked.as('ranked'))
      .selectAll()
      .where('__rank', '<=', INCLUDE_LIMIT)
      .orderBy('__rank')
      .execute()) as Record<string, unknown>[];
    const presented = rows.map((row) => ({ owner: row[relation.column] as string, record: presentRow(child, row) }));
    await child.decorate?.(trx, actor.tenantId, presented.map((p) => p.record));
    for (const record of records) {
      record[name] = presented.filter((p) => p.owner === record.id).map((p) => p.record);
    }
  }
}
