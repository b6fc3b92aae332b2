import { sql, type AliasedRawBuilder, type RawBuilder } from 'kysely';
import type { ObjectPlan } from '../access/access-plan.ts';
import { allFields } from './list-query.ts';
import type { ResourceSpec } from './resource-spec.ts';

type Selection = AliasedRawBuilder<unknown, string>;

/**
 * The select list that presents a spec's rows to the caller of `plan`, over a subquery named
 * like the spec's table: hidden fields are not selected, masked ones are selected masked, and
 * for a sandboxed new hire (`sandboxed`: the subquery carries `__open`) the rows they may not
 * open keep only their id, owner and the first character of their title. With `can` wanted it
 * adds whether the caller may update and delete each row; `readScoped` says the subquery already
 * keeps to the caller's read scope.
 */
export function projection(
  plan: ObjectPlan,
  fields: string[] | undefined,
  sandboxed: boolean,
  readScoped = false,
): Selection[] {
  const { spec } = plan;
  const table = spec.table;
  const wanted = (name: string) => !fields || fields.includes(name);
  const open = sql.ref(`${table}.__open`);
  const inClear = (value: RawBuilder<unknown>) => (sandboxed ? sql`case when ${open} then ${value} end` : value);
  const out: Selection[] = [sql.ref(`${table}.id`).as('id')];
  for (const [name, field] of Object.entries(allFields(spec))) {
    if (field.internal || name === 'id' || !wanted(name)) continue;
    const value = plan.fieldSql(name);
    if (value) out.push((name === 'ownerId' ? value : inClear(value)).as(field.column));
  }
  const custom = spec.customObject && wanted('custom') ? plan.fieldSql('custom') : undefined;
  if (custom) out.push(inClear(custom).as('custom'));
  for (const name of Object.keys(spec.derived ?? {})) {
    const value = wanted(name) ? plan.fieldSql(name) : undefined;
    if (value) out.push(inClear(value).as(name));
  }
  if (sandboxed) {
    out.push(open.as('__open'));
    const title = allFields(spec)[spec.titleField]?.kind === 'text' ? plan.fieldSql(spec.titleField) : undefined;
    if (title) out.push(sql`case when not ${open} then left(${title}, 1) || '***' end`.as('__title'));
  }
  if (wanted('can'))
    out.push(
      sql`${plan.can('update', readScoped)}`.as('__can_update'),
      sql`${plan.can('delete', readScoped)}`.as('__can_delete'),
    );
  return out;
}

const columnsOfSpec = new WeakMap<ResourceSpec, Array<[name: string, column: string]>>();

/** A spec's presented fields with their columns, worked out once per spec: every row of every list goes through it. */
function presentedColumns(spec: ResourceSpec): Array<[name: string, column: string]> {
  let columns = columnsOfSpec.get(spec);
  if (!columns) {
    columns = Object.entries(allFields(spec))
      .filter(([, field]) => !field.internal)
      .map(([name, field]) => [name, field.column]);
    columnsOfSpec.set(spec, columns);
  }
  return columns;
}

const present = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** Turns a row into the API shape: camelCase names, ISO timestamps, internal columns left out. */
export function presentRow(
  spec: ResourceSpec,
  row: Record<string, unknown>,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, column] of presentedColumns(spec)) {
    if (fields && !fields.includes(name)) continue;
    if (!(column in row)) continue;
    out[name] = present(row[column]);
  }
  if (spec.customObject && 'custom' in row && (!fields || fields.includes('custom'))) out.custom = row.custom ?? {};
  for (const name of Object.keys(spec.derived ?? {})) if (name in row) out[name] = present(row[name]);
  return out;
}

/**
 * A row selected through `projection`, presented: a sandboxed row as `{id, masked, title,
 * ownerId}`, any other with its fields and, when selected, `can: {update, delete}`.
 */
export function presentProjected(spec: ResourceSpec, row: Record<string, unknown>): Record<string, unknown> {
  if (row.__open === false) {
    const masked: Record<string, unknown> = { id: row.id, masked: true };
    if (typeof row.__title === 'string') masked[spec.titleField] = row.__title;
    if ('owner_id' in row && allFields(spec).ownerId?.column === 'owner_id') masked.ownerId = row.owner_id;
    return masked;
  }
  const record = presentRow(spec, row);
  if ('__can_update' in row) record.can = { update: row.__can_update === true, delete: row.__can_delete === true };
  return record;
}
