import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isUuid } from '../../common/ids.ts';
import { instantRangeMessage, isCalendarDate, isStorableInstant } from '../http/common-schemas.ts';
import { fieldError, validationError } from '../errors.ts';
import { assertStorableText } from '../http/text-guard.ts';
import { baseFields } from './base-fields.ts';
import { customFieldExpression, type CustomFieldDef } from './custom-values.ts';
import type { CursorPosition } from './cursor.ts';
import type { FieldKind, FieldSpec, ResourceSpec } from './resource-spec.ts';

/** What a filter or sort may act on: a column or a typed custom-field expression. */
export interface Target {
  name: string;
  expr: RawBuilder<unknown>;
  kind: FieldKind | 'multiSelect';
  required: boolean;
}

export interface SortSpec {
  target: Target;
  direction: 'asc' | 'desc';
}

const OPS = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'has', 'isNull'] as const;
type Op = (typeof OPS)[number];

const ORDERED: ReadonlySet<string> = new Set(['int', 'decimal', 'date', 'timestamp', 'text']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Every field of a resource by name. The map has no prototype, so a name taken from a request
 * (`fields=constructor`, `filter={"__proto__":…}`) never finds an inherited Object method.
 */
const fieldsOfSpec = new WeakMap<ResourceSpec, Readonly<Record<string, FieldSpec>>>();

/** The spec's fields after the base fields; built once per spec (specs are immutable), never to be mutated. */
export function allFields(spec: ResourceSpec): Readonly<Record<string, FieldSpec>> {
  let fields = fieldsOfSpec.get(spec);
  if (!fields) {
    fields = Object.freeze(Object.assign(Object.create(null) as Record<string, FieldSpec>, baseFields, spec.fields));
    fieldsOfSpec.set(spec, fields);
  }
  return fields;
}

function resolveTarget(
  spec: ResourceSpec,
  name: string,
  defs: CustomFieldDef[],
  purpose: 'filter' | 'sort',
  path: string,
): Target {
  if (name.startsWith('custom.')) {
    const def = spec.customObject ? defs.find((d) => d.key === name.slice(7)) : undefined;
    if (!def) throw fieldError(path, 'is not a custom field of this object');
    const kind: Target['kind'] =
      def.type === 'number' || def.type === 'money'
        ? 'decimal'
        : def.type === 'date'
          ? 'date'
          : def.type === 'multiSelect'
            ? 'multiSelect'
            : 'text';
    return { name, expr: customFieldExpression(def), kind, required: false };
  }
  const field = Object.hasOwn(allFields(spec), name) ? allFields(spec)[name] : undefined;
  if (!field || field.internal || !(purpose === 'filter' ? field.filter : field.sort)) {
    const allowed = Object.entries(allFields(spec))
      .filter(([, f]) => !f.internal && (purpose === 'filter' ? f.filter : f.sort))
      .map(([k]) => k);
    throw fieldError(
      path,
      `cannot ${purpose} on this field; allowed: ${allowed.join(', ')}${spec.customObject ? ', custom.<key>' : ''}`,
    );
  }
  return { name, expr: sql.ref(field.column), kind: field.kind, required: field.required ?? false };
}

/** Checks and converts one filter value for the target's type. */
function coerce(target: Target, value: unknown, path: string): unknown {
  const bad = (message: string) => fieldError(path, message);
  switch (target.kind) {
    case 'uuid':
      if (typeof value !== 'string' || !isUuid(value)) throw bad('must be an id (UUID)');
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad('must be an integer');
      return value;
    case 'decimal': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !DECIMAL.test(text)) throw bad('must be a number');
      return text;
    }
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || !isCalendarDate(value))
        throw bad('must be a real date YYYY-MM-DD');
      return value;
    case 'timestamp': {
      const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(ms)) throw bad('must be an ISO date-time');
      if (!isStorableInstant(ms)) throw bad(instantRangeMessage);
      return new Date(ms).toISOString();
    }
    case 'bool':
      if (typeof value !== 'boolean') throw bad('must be true or false');
      return value;
    default:
      if (typeof value !== 'string' && typeof value !== 'number') throw bad('must be text');
      return String(value);
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function condition(target: Target, op: Op, raw: unknown, path: string): Expression<SqlBool> {
  const e = target.expr;
  const isArray = target.kind === 'textArray' || target.kind === 'multiSelect';
  if (op === 'isNull') {
    if (typeof raw !== 'boolean') throw fieldError(path, 'isNull takes true or false');
    return raw ? sql<SqlBool>`${e} is null` : sql<SqlBool>`${e} is not null`;
  }
  if (isArray) {
    if (op !== 'has' && op !== 'eq') throw fieldError(path, `list fields take "has" or "isNull", not "${op}"`);
    const value = coerce({ ...target, kind: 'text' }, raw, path);
    return target.kind === 'multiSelect'
      ? sql<SqlBool>`${e} ? ${value}`
      : sql<SqlBool>`${e} @> array[${value}]::text[]`;
  }
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > 200)
      throw fieldError(path, `${op} takes a list of 1 to 200 values`);
    const values = raw.map((v, i) => coerce(target, v, `${path}.${i}`));
    const list = sql.join(values.map((v) => sql`${v}`));
    return op === 'in' ? sql<SqlBool>`${e} in (${list})` : sql<SqlBool>`(${e} is null or ${e} not in (${list}))`;
  }
  if (op === 'contains' || op === 'startsWith') {
    if (target.kind !== 'text') throw fieldError(path, `${op} works on text fields only`);
    if (typeof raw !== 'string' || raw.length === 0) throw fieldError(path, `${op} takes non-empty text`);
    const pattern = op === 'contains' ? `%${escapeLike(raw)}%` : `${escapeLike(raw)}%`;
    return sql<SqlBool>`${e} ilike ${pattern}`;
  }
  if (op === 'has') throw fieldError(path, '"has" works on list fields only');
  if (['gt', 'gte', 'lt', 'lte'].includes(op) && !ORDERED.has(target.kind))
    throw fieldError(path, `${op} does not apply to this field`);
  const value = coerce(target, raw, path);
  const cmp = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
  if (op === 'ne') return sql<SqlBool>`(${e} is null or ${e} <> ${value})`;
  return sql<SqlBool>`${e} ${sql.raw(cmp)} ${value}`;
}

/** Refuses a field the caller may not filter or sort on (field rules); given the resolved name and the path. */
export type FieldGate = (name: string, path: string) => void;

/**
 * Parses `filter` — a JSON object of field → value (equality) or field → {op: value} —
 * into SQL conditions. Every field and operator is checked; errors name the field. `gate`
 * refuses fields the caller does not see in full (grant filters are parsed without one).
 */
export function parseFilter(
  spec: ResourceSpec,
  text: string | undefined,
  defs: CustomFieldDef[],
  gate?: FieldGate,
): Expression<SqlBool>[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fieldError('filter', 'must be a JSON object, e.g. {"status":"active","amount":{"gte":1000}}');
  }
  return filterConditions(spec, parsed, defs, 'filter', gate);
}

/** The conditions of an already parsed filter object; `path` prefixes the names in errors. */
export function filterConditions(
  spec: ResourceSpec,
  parsed: unknown,
  defs: CustomFieldDef[],
  prefix: string,
  gate?: FieldGate,
): Expression<SqlBool>[] {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw fieldError(prefix, 'must be a JSON object');
  assertStorableText(parsed, [prefix]);
  const conditions: Expression<SqlBool>[] = [];
  for (const [name, spec_] of Object.entries(parsed as Record<string, unknown>)) {
    const path = `${prefix}.${name}`;
    const target = resolveTarget(spec, name, defs, 'filter', path);
    gate?.(target.name, path);
    if (spec_ !== null && typeof spec_ === 'object' && !Array.isArray(spec_)) {
      const entries = Object.entries(spec_ as Record<string, unknown>);
      if (entries.length === 0) throw fieldError(path, 'needs an operator');
      for (const [op, value] of entries) {
        if (!OPS.includes(op as Op))
          throw fieldError(`${path}.${op}`, `unknown operator; use one of ${OPS.join(', ')}`);
        conditions.push(condition(target, op as Op, value, `${path}.${op}`));
      }
    } else if (spec_ === null) {
      conditions.push(condition(target, 'isNull', true, path));
    } else if (Array.isArray(spec_)) {
      conditions.push(condition(target, 'in', spec_, path));
    } else {
      conditions.push(condition(target, 'eq', spec_, path));
    }
  }
  return conditions;
}

/**
 * Parses `sort` (`name`, `-name` or `+name`; surrounding blanks are ignored) into the one field
 * it names; `gate` then checks that very field, so no spelling slips past the field rules.
 */
export function parseSort(spec: ResourceSpec, text: string, defs: CustomFieldDef[], gate?: FieldGate): SortSpec {
  const raw = text.trim();
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const name = raw.replace(/^[-+]/, '').trim();
  if (name.includes(',')) throw fieldError('sort', 'takes one field, e.g. sort=-updatedAt');
  const target = resolveTarget(spec, name, defs, 'sort', `sort.${name}`);
  gate?.(target.name, `sort.${target.name}`);
  return { target, direction };
}

/**
 * The order of a list. For a sandboxed new hire (`open` set) the rows they may open come
 * first in the requested order, then the masked rows by id only, so the masked rows' values
 * never decide where they appear.
 */
export function sortKey(sort: SortSpec, open?: Expression<SqlBool>): RawBuilder<unknown> {
  return open ? sql`case when ${open} then ${sort.target.expr} end` : sort.target.expr;
}

export function orderBy(sort: SortSpec, open?: Expression<SqlBool>): RawBuilder<unknown> {
  const dir = sql.raw(sort.direction);
  const nulls = sort.target.required && !open ? sql.raw('') : sql.raw(' nulls last');
  const group = open ? sql`(${open}) desc, ` : sql``;
  return sql`${group}${sortKey(sort, open)} ${dir}${nulls}, ${sql.ref('id')} ${dir}`;
}

/** Keyset condition: rows strictly after the cursor in the order of `orderBy`. */
export function afterCursor(sort: SortSpec, cursor: CursorPosition, open?: Expression<SqlBool>): Expression<SqlBool> {
  const cmp = sql.raw(sort.direction === 'asc' ? '>' : '<');
  const id = sql.ref('id');
  if (open && cursor.g === 1) return sql<SqlBool>`(not (${open}) and ${id} ${cmp} ${cursor.id})`;
  const after = afterValue(sort, cursor, cmp);
  return open ? sql<SqlBool>`((${open}) and ${after} or not (${open}))` : after;
}

function afterValue(sort: SortSpec, cursor: CursorPosition, cmp: RawBuilder<unknown>): Expression<SqlBool> {
  const e = sort.target.expr;
  const id = sql.ref('id');
  if (cursor.v === null || cursor.v === undefined) {
    if (sort.target.required) throw validationError([{ path: 'cursor', message: 'is not valid for this sort' }]);
    return sql<SqlBool>`(${e} is null and ${id} ${cmp} ${cursor.id})`;
  }
  const value = sort.target.kind === 'multiSelect' ? JSON.stringify(cursor.v) : cursor.v;
  if (sort.target.required) return sql<SqlBool>`((${e}, ${id}) ${cmp} (${value}, ${cursor.id}))`;
  return sql<SqlBool>`(${e} ${cmp} ${value} or (${e} = ${value} and ${id} ${cmp} ${cursor.id}) or ${e} is null)`;
}

/**
 * `fields=a,b` → the presented names to return (id always included); undefined means all.
 * `can` asks for the per-record permissions, which a sparse fieldset leaves out otherwise.
 */
export function parseFields(spec: ResourceSpec, text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = allFields(spec);
  const unknown = names.filter(
    (n) =>
      !(Object.hasOwn(known, n) && !known[n]!.internal) &&
      !Object.hasOwn(spec.derived ?? {}, n) &&
      n !== 'can' &&
      !(n === 'custom' && spec.customObject),
  );
  if (unknown.length) throw fieldError('fields', `unknown field(s): ${unknown.join(', ')}`);
  return [...new Set(['id', ...names])];
}

export function parseInclude(spec: ResourceSpec, text: string | undefined): string[] {
  if (!text) return [];
  const names = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const allowed = Object.keys(spec.includes ?? {});
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length) {
    throw fieldError('include', `unknown relation(s): ${unknown.join(', ')}; allowed: ${allowed.join(', ') || 'none'}`);
  }
  return names;
}
