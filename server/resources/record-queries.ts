import {
  sql,
  type CompiledQuery,
  type Expression,
  type QueryCreator,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { accessPlan, type ObjectPlan } from '../access/access-plan.ts';
import { grantsFor, type AccessContext } from '../access/access-context.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { cursorKeyOf, openCursor, sealCursor } from './cursor.ts';
import {
  afterCursor,
  allFields,
  orderBy,
  parseFields,
  parseFilter,
  parseInclude,
  sortKey,
  type SortSpec,
} from './list-query.ts';
import { planMemo } from './plan-memo.ts';
import { compiledText, filled, slot, slotted, type SlottedStatement } from './slotted-statement.ts';
import { presentProjected, projection } from './projection.ts';
import { getResource } from './registry.ts';
import type { RelationSpec, ResourceSpec } from './resource-spec.ts';
import { resourceDb, type RuntimeTables } from './resource-db.ts';

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
type AnyQuery = SelectQueryBuilder<any, any, any>;

const sandboxRestricted = (access: AccessContext) =>
  new AppError(
    'SANDBOX_RESTRICTED',
    'new-hire sandbox: you can open only records you created or your manager assigned to you',
    { sandboxUntil: access.sandboxUntil?.toISOString() },
  );

/**
 * Presents the rows of `inner` (a query over the spec's table that selects its columns, and
 * `__open` when `sandboxed`) through the caller's projection: raw values stay in the database.
 */
function presentQuery(
  trx: Trx,
  plan: ObjectPlan,
  inner: AnyQuery,
  fields: string[] | undefined,
  sandboxed: boolean,
  readScoped = true,
  outer: QueryCreator<RuntimeTables> = resourceDb(trx),
) {
  return outer.selectFrom(inner.as(plan.spec.table)).select(projection(plan, fields, sandboxed, readScoped));
}

/** Lists fail with 403 without a read grant (a list that is merely empty would hide the reason). */
function requireReadGrant(plan: ObjectPlan) {
  if (plan.spec.readableByAll || grantsFor(plan.access, plan.object, 'read').length) return;
  throw new AppError('MISSING_GRANT', `you have no read permission on ${plan.object} records (${plan.object}.read)`, {
    missing: `${plan.object}.read`,
  });
}

/** Checks requested includes: a relation is refused when the field linking it is not fully visible. */
function includesFor(plan: ObjectPlan, text: string | undefined): string[] {
  const names = parseInclude(plan.spec, text);
  for (const name of names) {
    const relation = plan.spec.includes![name]!;
    const child = accessPlan(plan.access).of(getResource(relation.resource));
    const link = Object.entries(allFields(child.spec)).find(([, f]) => f.column === relation.column)?.[0];
    if (link && child.view(link) !== 'visible')
      throw fieldError('include', `${name} is linked by ${link}, which is ${child.view(link)} for you`);
  }
  return names;
}

export async function listRecords(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  params: ListParams,
  extra: Expression<SqlBool>[] = [],
): Promise<ListResult> {
  const plan = accessPlan(access).of(spec);
  requireReadGrant(plan);
  const key = await cursorKeyOf(trx, access);
  const { compiled, sort, include } = listStatement(trx, plan, params, extra, key);
  const rows = (await trx.executeQuery(compiled)).rows as Record<string, unknown>[];

  const open = plan.sandboxOpen;
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > params.limit && last
      ? sealCursor(key, sort, {
          v: last.__sort,
          id: last.id as string,
          ...(open ? { g: last.__open === false ? 1 : 0 } : {}),
        })
      : null;
  const data = page.map((row) => presentProjected(spec, row));
  await attachIncludes(
    trx,
    plan,
    include,
    data.filter((r) => r.masked !== true),
  );
  return { data, nextCursor };
}

interface ListStatement {
  compiled: CompiledQuery;
  sort: SortSpec;
  include: string[];
}

/** A plan's list statements by their request; later pages and lists with extra conditions are built each time. */
const listStatements = planMemo<ListStatement>();

function listStatement(
  trx: Trx,
  plan: ObjectPlan,
  params: ListParams,
  extra: Expression<SqlBool>[],
  key: string,
): ListStatement {
  const memoKey =
    params.cursor || extra.length
      ? undefined
      : JSON.stringify([params.filter, params.sort, params.limit, params.fields, params.include, params.q]);
  return listStatements(plan, memoKey, (): ListStatement => {
    const { spec, access } = plan;
    const filter = parseFilter(spec, params.filter, plan.defs, plan.gate);
    const sort = plan.sort(params.sort);
    const fields = parseFields(spec, params.fields);
    const include = includesFor(plan, params.include);
    const q = params.q?.trim();
    const open = plan.sandboxOpen;
    const conditions = [...plan.rows('read'), ...extra, ...filter];
    // a sandboxed new hire's filters and searches run only over the rows they may open
    if (open && (filter.length || q)) conditions.push(open);
    if (q && spec.search) conditions.push(spec.search(q, accessPlan(access).searchView));
    if (params.cursor) conditions.push(afterCursor(sort, openCursor(key, sort, params.cursor), open));

    const inner = resourceDb(trx)
      .selectFrom(spec.table)
      .selectAll(spec.table)
      .select(sortKey(sort, open).as('__sort'))
      .$if(open !== undefined, (query) => query.select(sql<boolean>`${open}`.as('__open')))
      .where((eb) => eb.and(conditions))
      .orderBy(orderBy(sort, open))
      .limit(params.limit + 1);
    const outerOpen = open && sql<SqlBool>`${sql.ref(`${spec.table}.__open`)}`;
    const compiled = compiledText(
      presentQuery(trx, plan, inner, fields, open !== undefined)
        .select(sql.ref(`${spec.table}.__sort`).as('__sort'))
        .orderBy(orderBy({ ...sort, target: { ...sort.target, expr: sql.ref('__sort') } }, outerOpen)),
    );
    return { compiled, sort, include };
  });
}

export async function getRecord(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  id: string,
  params: { fields?: string; include?: string } = {},
) {
  const plan = accessPlan(access).of(spec);
  const { statement, include } = detailStatement(trx, plan, params);
  const row = (await trx.executeQuery(filled(statement, () => id))).rows[0] as Record<string, unknown> | undefined;
  if (!row) throw notFound(spec.recordType, id);
  if (row.__open === false) throw sandboxRestricted(access);
  const record = presentProjected(spec, row);
  await attachIncludes(trx, plan, include, [record]);
  return record;
}

interface DetailStatement {
  /** Its one slot is the record's id. */
  statement: SlottedStatement;
  include: string[];
}

/** A plan's detail statements by their fields and includes, with the record id as a slot. */
const detailStatements = planMemo<DetailStatement>();

function detailStatement(trx: Trx, plan: ObjectPlan, params: { fields?: string; include?: string }) {
  return detailStatements(plan, JSON.stringify([params.fields, params.include]), () => {
    const fields = parseFields(plan.spec, params.fields);
    const include = includesFor(plan, params.include);
    const statement = slotted(selectById(trx, plan, slot('id'), fields, plan.rows('read')));
    if (statement.slots.filter((name) => name !== undefined).length !== 1)
      throw new Error('a detail statement must take the record id once');
    return { statement, include };
  });
}

/**
 * A record as the caller sees it right after they changed it (create, update, restore, a
 * version conflict): the same projection as a detail, without the read scope. `outer` puts the
 * statement behind writes of its own (CTEs, see `auditAndEmitMany`).
 */
export async function presentById(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  id: string,
  outer?: QueryCreator<RuntimeTables>,
) {
  const row = (await presentByIdQuery(trx, access, spec, id, outer).executeTakeFirst()) as
    Record<string, unknown> | undefined;
  return presentedOrNotFound(spec, id, row);
}

/** `presentById`'s statement, not run (write-statements.ts compiles it once per plan and shape). */
export function presentByIdQuery(
  trx: Trx,
  access: AccessContext,
  spec: ResourceSpec,
  id: string,
  outer?: QueryCreator<RuntimeTables>,
) {
  const plan = accessPlan(access).of(spec);
  const tenant = sql<SqlBool>`${sql.ref(`${spec.table}.tenant_id`)} = ${access.actor.tenantId}`;
  return selectById(trx, plan, id, undefined, [tenant], false, outer);
}

export function presentedOrNotFound(spec: ResourceSpec, id: string, row: Record<string, unknown> | undefined) {
  if (!row) throw notFound(spec.recordType, id);
  return presentProjected(spec, row);
}

function selectById(
  trx: Trx,
  plan: ObjectPlan,
  id: string,
  fields: string[] | undefined,
  scope: Expression<SqlBool>[],
  readScoped = true,
  outer?: QueryCreator<RuntimeTables>,
) {
  const { spec, sandboxOpen } = plan;
  const inner = resourceDb(trx)
    .selectFrom(spec.table)
    .selectAll(spec.table)
    .$if(sandboxOpen !== undefined, (query) => query.select(sql<boolean>`${sandboxOpen}`.as('__open')))
    .where((eb) => eb.and([...scope, sql<SqlBool>`${sql.ref(`${spec.table}.id`)} = ${id}`]));
  return presentQuery(trx, plan, inner, fields, sandboxOpen !== undefined, readScoped, outer);
}

function relationConditions(relation: RelationSpec, ids: string[]): Expression<SqlBool>[] {
  const list = sql.join(ids.map((id) => sql`${id}`));
  const conditions = [sql<SqlBool>`${sql.ref(relation.column)} in (${list})`];
  for (const [column, value] of Object.entries(relation.where ?? {}))
    conditions.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  return conditions;
}

/** Fetches each requested related list for all records in one scoped query per relation. */
async function attachIncludes(trx: Trx, plan: ObjectPlan, include: string[], records: Record<string, unknown>[]) {
  if (include.length === 0 || records.length === 0) return;
  const ids = records.map((r) => r.id as string);
  for (const name of include) {
    const relation = plan.spec.includes![name]!;
    const child = accessPlan(plan.access).of(getResource(relation.resource));
    const table = child.spec.table;
    const sort = child.sort(undefined);
    const open = child.sandboxOpen;
    const ranked = resourceDb(trx)
      .selectFrom(table)
      .selectAll(table)
      .select(sql.ref(`${table}.${relation.column}`).as('__parent'))
      .select(
        sql`row_number() over (partition by ${sql.ref(relation.column)} order by ${orderBy(sort, open)})`.as('__rank'),
      )
      .$if(open !== undefined, (query) => query.select(sql<boolean>`${open}`.as('__open')))
      .where((eb) => eb.and([...child.rows('read'), ...relationConditions(relation, ids)]));
    const rows = (await presentQuery(trx, child, ranked, undefined, open !== undefined)
      .select([sql.ref(`${table}.__parent`).as('__parent')])
      .where(sql.ref(`${table}.__rank`), '<=', INCLUDE_LIMIT)
      .orderBy(sql.ref(`${table}.__rank`))
      .execute()) as Record<string, unknown>[];
    for (const record of records) {
      record[name] = rows.filter((row) => row.__parent === record.id).map((row) => presentProjected(child.spec, row));
    }
  }
}
