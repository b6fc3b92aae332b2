import { Decimal } from 'decimal.js';
import { validationError } from '../errors.ts';
import type { Condition, Scalar } from './rule-schemas.ts';
import type { ConditionStep } from './run-schemas.ts';
import type { ValueKind } from './rule-fields.ts';

/** What a condition sees: the record (or call) now, and for an update the changed fields' values before. */
export interface ConditionInput {
  values: Record<string, unknown>;
  /** Fields the triggering update changed, with their values before it (absent: not an update). */
  before?: Record<string, unknown>;
}

const isEmptyValue = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

function asNumber(v: unknown): Decimal | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return new Decimal(v);
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return new Decimal(v.trim());
  return undefined;
}

function asTime(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** -1, 0, 1, or undefined when the two cannot be ordered (missing value, different types). */
function order(actual: unknown, expected: Scalar): number | undefined {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a && b) return a.comparedTo(b);
  const ta = asTime(actual);
  const tb = asTime(expected);
  if (ta !== undefined && tb !== undefined && typeof actual === 'string' && /^\d{4}-\d{2}-\d{2}/.test(actual))
    return Math.sign(ta - tb);
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return undefined;
}

function equal(actual: unknown, expected: Scalar): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (Array.isArray(actual)) return actual.some((v) => equal(v, expected));
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a && b && typeof expected === 'number') return a.eq(b);
  return actual === expected;
}

/**
 * Evaluates a condition tree, recording each node's result (the run history shows them).
 * Every node is evaluated, so the history is complete even where and/or could stop early.
 */
export function evaluate(condition: Condition | null | undefined, input: ConditionInput) {
  const steps: ConditionStep[] = [];
  const visit = (c: Condition, path: string): boolean => {
    let result: boolean;
    switch (c.op) {
      case 'and':
        result = c.all.map((child, i) => visit(child, `${path}.all[${i}]`)).every(Boolean);
        break;
      case 'or':
        result = c.any.map((child, i) => visit(child, `${path}.any[${i}]`)).some(Boolean);
        break;
      case 'not':
        result = !visit(c.condition, `${path}.condition`);
        break;
      default: {
        const actual = input.values[c.field];
        result = leaf(c, actual, input);
        steps.push({ path, op: c.op, field: c.field, actual: actual ?? null, result });
        return result;
      }
    }
    steps.push({ path, op: c.op, result });
    return result;
  };
  const result = condition ? visit(condition, '$') : true;
  return { result, steps };
}

function leaf(c: Exclude<Condition, { op: 'and' | 'or' | 'not' }>, actual: unknown, input: ConditionInput): boolean {
  switch (c.op) {
    case 'isEmpty':
      return isEmptyValue(actual);
    case 'in':
      return c.values.some((v) => equal(actual, v));
    case 'changed': {
      // "became" semantics: only an update that changed the field, from / to the given values
      if (!input.before || !Object.hasOwn(input.before, c.field)) return false;
      const was = input.before[c.field];
      if (c.from !== undefined && !equal(was, c.from)) return false;
      if (c.to !== undefined && !equal(actual, c.to)) return false;
      return true;
    }
    case 'compare': {
      if (c.cmp === 'eq') return equal(actual, c.value);
      if (c.cmp === 'ne') return !equal(actual, c.value);
      const o = order(actual, c.value);
      if (o === undefined) return false;
      return c.cmp === 'gt' ? o > 0 : c.cmp === 'gte' ? o >= 0 : c.cmp === 'lt' ? o < 0 : o <= 0;
    }
  }
}

interface Problem {
  path: string;
  message: string;
}

function valueFits(kind: ValueKind, v: Scalar): boolean {
  if (v === null) return true;
  switch (kind) {
    case 'number':
      return asNumber(v) !== undefined;
    case 'bool':
      return typeof v === 'boolean';
    case 'time':
      return asTime(v) !== undefined;
    case 'uuid':
    case 'text':
    case 'list':
      return typeof v === 'string';
    case 'json':
      return true;
  }
}

/**
 * Save-time check of a condition tree against the trigger's fields (custom fields included):
 * unknown fields, values of the wrong type and orderings on unordered fields answer 400,
 * each naming its place in the tree (`conditions.all[0].field`).
 */
export function checkConditions(
  condition: Condition | null | undefined,
  fields: Map<string, ValueKind>,
  opts: { changes: boolean },
) {
  const problems: Problem[] = [];
  const known = [...fields.keys()].slice(0, 40).join(', ');
  const visit = (c: Condition, path: string) => {
    if (c.op === 'and') return c.all.forEach((child, i) => visit(child, `${path}.all.${i}`));
    if (c.op === 'or') return c.any.forEach((child, i) => visit(child, `${path}.any.${i}`));
    if (c.op === 'not') return visit(c.condition, `${path}.condition`);
    const kind = fields.get(c.field);
    if (!kind) {
      problems.push({ path: `${path}.field`, message: `"${c.field}" is not a field of the trigger (known: ${known})` });
      return;
    }
    const check = (v: Scalar | undefined, where: string) => {
      if (v !== undefined && !valueFits(kind, v))
        problems.push({ path: `${path}.${where}`, message: `does not fit the ${kind} field ${c.field}` });
    };
    if (c.op === 'compare') {
      check(c.value, 'value');
      if (!['eq', 'ne'].includes(c.cmp) && kind !== 'number' && kind !== 'time' && kind !== 'text')
        problems.push({ path: `${path}.cmp`, message: `${c.field} (${kind}) cannot be ordered` });
    }
    if (c.op === 'in') c.values.forEach((v, i) => check(v, `values.${i}`));
    if (c.op === 'changed') {
      if (!opts.changes)
        problems.push({ path: `${path}.op`, message: 'changed is only meaningful for a record "updated" trigger' });
      check(c.from, 'from');
      check(c.to, 'to');
    }
  };
  if (condition) visit(condition, 'conditions');
  if (problems.length > 0) throw validationError(problems);
}

/** Fills `{{field}}` placeholders with the trigger's values (missing ones become empty). */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_m, name: string) => {
    const v = values[name];
    return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string);
  });
}

/** The placeholders of a template that are not fields of the trigger. */
export function unknownPlaceholders(template: string, fields: Map<string, ValueKind>): string[] {
  return [...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!).filter((name) => !fields.has(name));
}
