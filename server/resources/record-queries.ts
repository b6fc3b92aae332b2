import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import { notFound } from '../errors.ts';
import { authorize } from '../access/authorize.ts';
import { grantsFor, type AccessContext } from '../access/access-context.ts';
import { objectOf } from '../access/authorize.ts';
import { applyFieldRules, hiddenFields } from '../access/field-rules.ts';
import { sandboxSql } from '../access/scope-sql.ts';
import { AppError, fieldError } from '../errors.ts';
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
import type { Trx } from '../db/tenant-transaction.ts';

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

async function defsFor(trx: Trx, access: AccessContext, spec: ResourceSpec): Promise<CustomFieldDef[]> {
  return spec.customObject ? loadCustomFieldDefs(trx, access.actor.tenantId, spec.customObject) : [];
}

/** A filter or sort on a field the user cannot see would reveal it; refuse it by name. */
function assertVisible(access: AccessContext, spec: ResourceSpec, params: { filter?: string; sort?: string }) {
  const hidden = hiddenFields(access, objectOf(spec));
  if (hidden.size === 0) return;
  const sortField = params.sort?.replace(/^[-+]/, '');
  if (sortField && hidden.has(sortField)) throw fieldError(`sort.${sortField}`, 'is hidden from you');
  if (!params.filter) return;
  let filter: unknown;
  try {
    filter = JSON.parse(params.filter);
  } catch {
    return; // parseFilter reports malformed JSON
  }
  if (!filter || typeof filter !== 'object') return; // and anything that is not an object
  for (const name of Object.keys(filter))
    if (hidden.has(name)) throw fieldError(`filter.${name}`, 'is hidden from you');
}

/** New hires see records outside their sandbox only as id, masked title and owner. */
function sandboxMask(spec: ResourceSpec, record: Record<string, unknown>): Record<string, unknown> {
  const title = record[spec.titleField];
  const masked: Record<string, unknown> = { id: record.id, masked: true };
  if (typeof title === 'string') masked[spec.titleField] = `${[...title][0] ?? ''}***`;
  if ('ownerId' in record) masked.ownerId = record.ownerId;
  return masked;
}

/** Presents rows for this user: field rules, sandbox masking and decorations applied. */
async function presentFor(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  rows: Record<string, unknown>[],
  fields?: string[],
) {
  const object = objectOf(spec);
  const data = rows.map((row) => applyFieldRules(access, object, presentRow(spec, row, fields)));
  await decorate(trx, access, spec, data, fields);
  return data.map((record, i) => (rows[i]!.__sandbox_open === false ? sandboxMask(spec, record) : record));
}

export async function listRecords(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  params: ListParams,
  extra: Expression<SqlBool>[] = [],
): Promise<ListResult> {
  if (!spec.readableByAll && !grantsFor(access, objectOf(spec), 'read').length) {
    throw new AppError(
      'MISSING_GRANT',
      `you have no read permission on ${objectOf(spec)} records (${objectOf(spec)}.read)`,
      { missing: `${objectOf(spec)}.read` },
    );
  }
  const defs = await defsFor(trx, access, spec);
  assertVisible(access, spec, params);
  const conditions = [...readScope(access, spec, 'read', defs), ...extra, ...parseFilter(spec, params.filter, defs)];
  const sort = parseSort(spec, params.sort, defs);
  const fields = parseFields(spec, params.fields);
  const include = parseInclude(spec, params.include);
  if (params.cursor) conditions.push(afterCursor(sort, decodeCursor(sort, params.cursor)));
  if (params.q && spec.search) conditions.push(spec.search(params.q.trim()));

  const columns = columnsFor(spec, fields);
  let query = dyn(trx)
    .selectFrom(spec.table)
    .select(sql`${sort.target.expr}`.as('__sort'))
    .$if(access.sandboxUntil !== null, (q) =>
      q.select(sql`${sandboxSql(access, objectOf(spec), spec.table)}`.as('__sandbox_open')),
    )
    .where((eb) => eb.and(conditions))
    .orderBy(orderBy(sort))
    .limit(params.limit + 1);
  query = columns ? query.select(columns) : query.selectAll();
  const rows = (await query.execute()) as Record<string, unknown>[];

  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > params.limit && last ? encodeCursor(sort, last.__sort, last.id as string) : null;
  const data = await presentFor(trx, access, spec, page, fields);
  await attachIncludes(
    trx,
    access,
    spec,
    include,
    data.filter((r) => r.masked !== true),
  );
  return { data, nextCursor };
}

export async function getRecord(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  id: string,
  params: { fields?: string; include?: string } = {},
) {
  const fields = parseFields(spec, params.fields);
  const include = parseInclude(spec, params.include);
  const columns = columnsFor(spec, fields);
  let query = dyn(trx)
    .selectFrom(spec.table)
    .where((eb) => eb.and([...readScope(access, spec), sql<SqlBool>`id = ${id}`]));
  query = columns ? query.select(columns) : query.selectAll();
  const row = (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) throw notFound(spec.recordType, id);
  if (access.sandboxUntil !== null) await authorize(trx, access, spec, 'read', { id });
  const data = await presentFor(trx, access, spec, [row], fields);
  await attachIncludes(trx, access, spec, include, data);
  return data[0]!;
}

/** Adds the data kept in other tables, keeping a sparse fieldset sparse. */
async function decorate(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  records: Record<string, unknown>[],
  fields?: string[],
) {
  if (!spec.decorate) return;
  const extra = Object.keys(spec.extraOutput ?? {});
  if (fields && !fields.some((f) => extra.includes(f))) return;
  await spec.decorate(trx, access.actor.tenantId, records);
  if (!fields) return;
  for (const record of records) for (const key of extra) if (!fields.includes(key)) delete record[key];
}

function relationConditions(relation: RelationSpec, ids: string[]): Expression<SqlBool>[] {
  const list = sql.join(ids.map((id) => sql`${id}`));
  const conditions = [sql<SqlBool>`${sql.ref(relation.column)} in (${list})`];
  for (const [column, value] of Object.entries(relation.where ?? {}))
    conditions.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  return conditions;
}

/** Fetches each requested related list for all records in one scoped query per relation. */
async function attachIncludes(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  include: string[],
  records: Record<string, unknown>[],
) {
  if (include.length === 0 || records.length === 0) return;
  const ids = records.map((r) => r.id as string);
  for (const name of include) {
    const relation = spec.includes![name]!;
    const child = getResource(relation.resource);
    const childDefs = await defsFor(trx, access, child);
    const sort = parseSort(child, undefined, childDefs);
    const ranked = dyn(trx)
      .selectFrom(child.table)
      .selectAll()
      .select(sql`row_number() over (partition by ${sql.ref(relation.column)} order by ${orderBy(sort)})`.as('__rank'))
      .$if(access.sandboxUntil !== null, (q) =>
        q.select(sql`${sandboxSql(access, objectOf(child), child.table)}`.as('__sandbox_open')),
      )
      .where((eb) => eb.and([...readScope(access, child, 'read', childDefs), ...relationConditions(relation, ids)]));
    const rows = (await dyn(trx)
      .selectFrom(ranked.as('ranked'))
      .selectAll()
      .where('__rank', '<=', INCLUDE_LIMIT)
      .orderBy('__rank')
      .execute()) as Record<string, unknown>[];
    const children = await presentFor(trx, access, child, rows);
    const presented = rows.map((row, i) => ({ owner: row[relation.column] as string, record: children[i]! }));
    for (const record of records) {
      record[name] = presented.filter((p) => p.owner === record.id).map((p) => p.record);
    }
  }
}
