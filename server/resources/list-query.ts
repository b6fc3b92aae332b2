import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isUuid } from '../../common/ids.ts';
import { instantRangeMessage, isCalendarDate, isStorableInstant } from '../http/common-schemas.ts';
import { fieldError, validationError } from '../errors.ts';
import { assertStorableText, findUnstorableText } from '../http/text-guard.ts';
import { baseFields } from './base-fields.ts';
import { customFieldExpression, type CustomFieldDef } from './custom-values.ts';
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
export function allFields(spec: ResourceSpec): Record<string, FieldSpec> {
  return Object.assign(Object.create(null) as Record<string, FieldSpec>, baseFields, spec.fields);
}

function resolveTarget(spec: ResourceSpec, name: string, defs: CustomFieldDef[], purpose: 'filter' | 'sort'): Target {
  const where = purpose === 'filter' ? 'filter' : 'sort';
  if (name.startsWith('custom.')) {
    const def = spec.customObject ? defs.find((d) => d.key === name.slice(7)) : undefined;
    if (!def) throw fieldError(`${where}.${name}`, 'is not a custom field of this object');
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
  const field = allFields(spec)[name];
  if (!field || field.internal || !(purpose === 'filter' ? field.filter : field.sort)) {
    const allowed = Object.entries(allFields(spec))
      .filter(([, f]) => !f.internal && (purpose === 'filter' ? f.filter : f.sort))
      .map(([k]) => k);
    throw fieldError(
      `${where}.${name}`,
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

/**
 * Parses `filter` — a JSON object of field → value (equality) or field → {op: value} —
 * into SQL conditions. Every field and operator is checked; errors name the field.
 */
export function parseFilter(
  spec: ResourceSpec,
  text: string | undefined,
  defs: CustomFieldDef[],
): Expression<SqlBool>[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fieldError('filter', 'must be a JSON object, e.g. {"status":"active","amount":{"gte":1000}}');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw fieldError('filter', 'must be a JSON object');
  assertStorableText(parsed, ['filter']);
  const conditions: Expression<SqlBool>[] = [];
  for (const [name, spec_] of Object.entries(parsed as Record<string, unknown>)) {
    const target = resolveTarget(spec, name, defs, 'filter');
    const path = `filter.${name}`;
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

export function parseSort(spec: ResourceSpec, text: string | undefined, defs: CustomFieldDef[]): SortSpec {
  const raw = (text || spec.defaultSort || '-updatedAt').trim();
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const name = raw.replace(/^[-+]/, '');
  if (name.includes(',')) throw fieldError('sort', 'takes one field, e.g. sort=-updatedAt');
  return { target: resolveTarget(spec, name, defs, 'sort'), direction };
}

interface CursorPayload {
  s: string;
  v: unknown;
  id: string;
}

export function encodeCursor(sort: SortSpec, value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  const payload: CursorPayload = { s: `${sort.direction === 'desc' ? '-' : ''}${sort.target.name}`, v, id };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(sort: SortSpec, cursor: string): CursorPayload {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw fieldError('cursor', 'is not a cursor this API issued');
  }
  const expected = `${sort.direction === 'desc' ? '-' : ''}${sort.target.name}`;
  if (!payload || typeof payload.id !== 'string' || !isUuid(payload.id) || findUnstorableText(payload))
    throw fieldError('cursor', 'is not a cursor this API issued');
  if (payload.s !== expected) {
    const issuedFor =
      typeof payload.s === 'string' && /^-?[\w.]{1,60}$/.test(payload.s) ? `sort=${payload.s}` : 'another sort';
    throw fieldError('cursor', `was issued for ${issuedFor}; repeat the request with the same sort`);
  }
  return { ...payload, v: cursorValue(sort.target, payload.v) };
}

/** The cursor's sort value, checked against the sort field's type as a filter value is. */
function cursorValue(target: Target, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (target.kind === 'multiSelect') {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } else if (['string', 'number', 'boolean'].includes(typeof value)) {
    try {
      return coerce(target, value, 'cursor');
    } catch {
      // reported below
    }
  }
  throw fieldError('cursor', 'is not a cursor this API issued');
}

/** Keyset condition: rows strictly after the cursor in `ORDER BY expr dir NULLS LAST, id dir`. */
export function afterCursor(sort: SortSpec, cursor: CursorPayload): Expression<SqlBool> {
  const e = sort.target.expr;
  const cmp = sql.raw(sort.direction === 'asc' ? '>' : '<');
  const id = sql.ref('id');
  if (cursor.v === null || cursor.v === undefined) {
    if (sort.target.required) throw validationError([{ path: 'cursor', message: 'is not valid for this sort' }]);
    return sql<SqlBool>`(${e} is null and ${id} ${cmp} ${cursor.id})`;
  }
  const value = sort.target.kind === 'multiSelect' ? JSON.stringify(cursor.v) : cursor.v;
  if (sort.target.required) return sql<SqlBool>`((${e}, ${id}) ${cmp} (${value}, ${cursor.id}))`;
  return sql<SqlBool>`(${e} ${cmp} ${value} or (${e} = ${value} and ${id} ${cmp} ${cursor.id}) or ${e} is null)`;
}

export function orderBy(sort: SortSpec): RawBuilder<unknown> {
  const dir = sql.raw(sort.direction);
  const nulls = sort.target.required ? sql.raw('') : sql.raw(' nulls last');
  return sql`${sort.target.expr} ${dir}${nulls}, ${sql.ref('id')} ${dir}`;
}

/** `fields=a,b` → the presented names to return (id always included); undefined means all. */
export function parseFields(spec: ResourceSpec, text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = allFields(spec);
  const extra = Object.keys(spec.extraOutput ?? {});
  const unknown = names.filter(
    (n) =>
      !(Object.hasOwn(known, n) && !known[n]!.internal) && !extra.includes(n) && !(n === 'custom' && spec.customObject),
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
