import { customerLevels, customerSources, customerStatuses } from '../../common/enums.ts';
import { toE164 } from '../../common/phone.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import { parseDate, dateHasTime } from './date-formats.ts';

/**
 * A channel's field mapping: source path (JSON path such as `$.company.name` or `a.b[0]`, or a
 * form/CSV column name) → target field of the customer, custom fields included (`custom.<key>`),
 * or of its primary contact (`contact.name`, `contact.mobile`, …),
 * plus two pseudo-targets: `externalId` (the id the source knows the record by) and `updatedAt`
 * (the source's change time, used by "newest wins"; missing → receipt time).
 *
 * The type check runs when the mapping is saved: a rule that would lose information (a phone
 * number onto a number, text → number, decimal → integer, date-time → date, a longer text onto a
 * shorter field) is refused with MAPPING_LOSSY, a rule that cannot work (unknown target, a type
 * that cannot convert, an enum map onto values the target does not take) with MAPPING_INVALID.
 * At run time a value that does not fit fails the record (a dead letter), it is never cut short.
 */
export type ValueType = 'text' | 'phone' | 'number' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'list';

export type Transform =
  | { op: 'trim' }
  | { op: 'emptyToNull' }
  | { op: 'phone' }
  | { op: 'date'; formats: string[] }
  | { op: 'enum'; map: Record<string, string> }
  | { op: 'default'; value: unknown }
  | { op: 'concat'; sources: string[]; separator?: string }
  | { op: 'number' };

export interface MappingRule {
  source: string;
  target: string;
  /** What the source holds; web forms and CSV columns send text (the default). */
  sourceType?: ValueType;
  /** The longest value the source sends, when known (checked against the target's maximum). */
  maxLength?: number;
  transforms?: Transform[];
}

export interface TargetField {
  type: ValueType;
  maxLength?: number;
  options?: readonly string[];
}

const text = (maxLength: number): TargetField => ({ type: 'text', maxLength });

/** The customer fields a channel may set (ownerId, status and the like stay with people and rules). */
export const customerTargets: Record<string, TargetField> = {
  name: text(200),
  shortName: text(100),
  creditCode: text(18),
  industry: text(100),
  region: text(100),
  mainPhone: { type: 'phone', maxLength: 40 },
  level: { type: 'text', options: customerLevels },
  source: { type: 'text', options: customerSources },
  status: { type: 'text', options: customerStatuses },
  tags: { type: 'list' },
  externalId: text(200),
  updatedAt: { type: 'datetime' },
};

/**
 * The customer's primary contact, as `contact.<field>`: created with the customer (a name is
 * then needed) or updated on a match, merged and provenance-tracked like the customer's fields.
 */
export const contactTargets: Record<string, TargetField> = {
  'contact.name': text(100),
  'contact.title': text(100),
  'contact.mobile': { type: 'phone', maxLength: 40 },
  'contact.email': text(200),
  'contact.wecomId': text(100),
};

/** Targets that steer matching and merging rather than being stored on the record. */
export const pseudoTargets = new Set(['externalId', 'updatedAt']);

const customTarget = (def: CustomFieldDef): TargetField => {
  switch (def.type) {
    case 'number':
      return { type: 'decimal' };
    case 'date':
      return { type: 'date' };
    case 'phone':
      return { type: 'phone', maxLength: 40 };
    case 'singleSelect':
      return { type: 'text', options: def.options };
    case 'multiSelect':
      return { type: 'list', options: def.options };
    case 'money':
      return { type: 'decimal' };
    default:
      return text(2000);
  }
};

export function targetsOf(defs: CustomFieldDef[]): Map<string, TargetField> {
  const targets = new Map(Object.entries({ ...customerTargets, ...contactTargets }));
  for (const def of defs) targets.set(`custom.${def.key}`, customTarget(def));
  return targets;
}

const PATH = /^(\$\.)?[^.[\]\s]+(\[\d+\])?(\.[^.[\]\s]+(\[\d+\])?)*$/;
const PHONE_NAME = /phone|mobile|tel|fax|手机|电话|联系方式/i;
const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'integer', 'decimal']);

/** The type a rule's value has after its transforms (undefined: the transforms do not fit the source). */
function typeAfter(rule: MappingRule, issues: string[]): ValueType {
  let type: ValueType = rule.sourceType ?? 'text';
  if (type === 'text' && PHONE_NAME.test(rule.source)) type = 'phone';
  for (const t of rule.transforms ?? []) {
    switch (t.op) {
      case 'phone':
        if (type !== 'text' && type !== 'phone' && !NUMERIC.has(type)) issues.push(`phone normalisation needs text`);
        type = 'phone';
        break;
      case 'date':
        if (!Array.isArray(t.formats) || t.formats.length === 0) issues.push('date parse needs at least one format');
        if (type !== 'text' && type !== 'date' && type !== 'datetime' && type !== 'number')
          issues.push(`date parse cannot read a ${type}`);
        type = (t.formats ?? []).some(dateHasTime) ? 'datetime' : 'date';
        break;
      case 'number':
        if (type === 'phone') issues.push('a phone number is not a number');
        type = 'decimal';
        break;
      case 'concat':
        if (!Array.isArray(t.sources) || t.sources.some((s) => typeof s !== 'string' || !PATH.test(s)))
          issues.push('concat needs a list of source paths');
        type = 'text';
        break;
      case 'enum':
        if (!t.map || typeof t.map !== 'object') issues.push('enum map needs {from: to} pairs');
        type = 'text';
        break;
      case 'trim':
      case 'emptyToNull':
      case 'default':
        break;
      default:
        issues.push(`unknown transform "${(t as { op?: unknown }).op}"`);
    }
  }
  return type;
}

interface RuleProblem extends FieldIssue {
  target: string;
  kind: 'lossy' | 'invalid';
}

/** Why putting a value of type `from` into `to` loses information (undefined: it does not). */
function lossOf(from: ValueType, to: TargetField): string | undefined {
  if (from === 'phone' && NUMERIC.has(to.type))
    return 'a phone number stored as a number loses its leading zeros and +86, and long digit strings lose digits; map it onto a text or phone field';
  if (from === 'text' && NUMERIC.has(to.type))
    return 'text → number: anything that is not a plain number would be lost; add a "number" transform to parse it explicitly';
  if (from === 'decimal' && to.type === 'integer') return 'decimal → integer loses the fraction';
  if (from === 'number' && to.type === 'integer') return 'number → integer loses the fraction';
  if (from === 'datetime' && to.type === 'date') return 'date-time → date loses the time of day';
  return undefined;
}

const convertible: Record<ValueType, ReadonlySet<ValueType>> = {
  text: new Set(['text', 'phone', 'list']),
  phone: new Set(['text', 'phone']),
  number: new Set(['text', 'number', 'decimal']),
  integer: new Set(['text', 'number', 'integer', 'decimal']),
  decimal: new Set(['text', 'number', 'decimal']),
  date: new Set(['text', 'date', 'datetime']),
  datetime: new Set(['text', 'datetime']),
  boolean: new Set(['text', 'boolean']),
  list: new Set(['list']),
};

function checkRule(rule: MappingRule, index: number, targets: Map<string, TargetField>, seen: Set<string>) {
  const problems: RuleProblem[] = [];
  const path = `mapping[${index}]`;
  const target = typeof rule?.target === 'string' ? rule.target : '';
  const invalid = (message: string) => problems.push({ path, target, kind: 'invalid', message });
  if (!rule || typeof rule !== 'object') return [{ path, target, kind: 'invalid' as const, message: 'is not a rule' }];
  if (typeof rule.source !== 'string' || !PATH.test(rule.source)) invalid('source must be a JSON path or column name');
  const field = targets.get(target);
  if (!field) invalid(`target "${target}" is not a field a channel can set`);
  else if (seen.has(target)) invalid(`target "${target}" is mapped twice`);
  seen.add(target);
  if (rule.sourceType !== undefined && !(rule.sourceType in convertible)) invalid(`unknown sourceType`);
  if (rule.transforms !== undefined && !Array.isArray(rule.transforms)) invalid('transforms must be a list');
  if (problems.length) return problems;
  const issues: string[] = [];
  const type = typeAfter(rule, issues);
  for (const message of issues) invalid(message);
  const to = field!;
  const loss = lossOf(type, to);
  if (loss) problems.push({ path, target, kind: 'lossy', message: loss });
  else if (!convertible[type].has(to.type)) invalid(`a ${type} value cannot go into a ${to.type} field`);
  if (rule.maxLength !== undefined && to.maxLength !== undefined && rule.maxLength > to.maxLength)
    problems.push({
      path,
      target,
      kind: 'lossy',
      message: `values of up to ${rule.maxLength} characters would be truncated to the field's ${to.maxLength}`,
    });
  for (const t of rule.transforms ?? []) {
    if (t.op === 'enum' && to.options && t.map) {
      const wrong = Object.values(t.map).filter((v) => !to.options!.includes(v));
      if (wrong.length) invalid(`enum map gives values the field does not take: ${wrong.join(', ')}`);
    }
    if (t.op === 'default' && t.value !== null && to.options && !to.options.includes(String(t.value)))
      invalid(`default "${String(t.value)}" is not one of: ${to.options.join(', ')}`);
  }
  return problems;
}

/** Checks a whole mapping at save time; throws MAPPING_INVALID or MAPPING_LOSSY naming each field. */
export function checkMapping(mapping: unknown, targets: Map<string, TargetField>): MappingRule[] {
  if (!Array.isArray(mapping))
    throw new AppError('MAPPING_INVALID', 'mapping must be a list of rules', {
      fields: [{ path: 'mapping', target: '', kind: 'invalid', message: 'must be a list of rules' }],
    });
  const seen = new Set<string>();
  const problems = (mapping as MappingRule[]).flatMap((rule, i) => checkRule(rule, i, targets, seen));
  if (problems.length === 0) return mapping as MappingRule[];
  const code = problems.some((p) => p.kind === 'invalid') ? 'MAPPING_INVALID' : 'MAPPING_LOSSY';
  const message = problems.map((p) => `${p.target || p.path}: ${p.message}`).join('; ');
  throw new AppError(code, message, { fields: problems });
}

/** Reads a JSON path (`$.a.b[0]`) or a flat key from a payload. */
export function readPath(payload: unknown, path: string): unknown {
  if (payload && typeof payload === 'object' && Object.hasOwn(payload, path))
    return (payload as Record<string, unknown>)[path];
  const parts = path.replace(/^\$\./, '').split('.');
  let value: unknown = payload;
  for (const part of parts) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) value = Array.isArray(value) ? value[Number(m[2])] : undefined;
  }
  return value;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function applyTransforms(rule: MappingRule, payload: unknown): unknown {
  let value = readPath(payload, rule.source);
  for (const t of rule.transforms ?? []) {
    switch (t.op) {
      case 'trim':
        if (typeof value === 'string') value = value.trim();
        break;
      case 'emptyToNull':
        if (isEmpty(value)) value = null;
        break;
      case 'phone':
        if (!isEmpty(value)) {
          const e164 = toE164(String(value));
          if (!e164) throw new Error(`"${String(value)}" is not a valid phone number`);
          value = e164;
        }
        break;
      case 'date':
        if (!isEmpty(value)) {
          const parsed = parseDate(String(value), t.formats);
          if (parsed === undefined)
            throw new Error(`"${String(value)}" matches none of the formats ${t.formats.join(', ')}`);
          value = parsed;
        }
        break;
      case 'enum':
        if (!isEmpty(value)) {
          const key = String(value).trim();
          if (!Object.hasOwn(t.map, key)) throw new Error(`"${key}" is not in the enum map`);
          value = t.map[key];
        }
        break;
      case 'default':
        if (isEmpty(value)) value = t.value;
        break;
      case 'concat': {
        const parts = [value, ...t.sources.map((s) => readPath(payload, s))].filter((v) => !isEmpty(v));
        value = parts.length ? parts.map(String).join(t.separator ?? ' ') : null;
        break;
      }
      case 'number':
        if (!isEmpty(value)) {
          const n = typeof value === 'number' ? value : Number(String(value).trim());
          if (!Number.isFinite(n) || (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value.trim())))
            throw new Error(`"${String(value)}" is not a number`);
          value = n;
        }
        break;
    }
  }
  return value;
}

/** Puts one value into the target's shape, or says why it does not fit (never truncates). */
function fit(value: unknown, field: TargetField): unknown {
  if (value === undefined || value === null) return value;
  if (field.type === 'list') {
    const list = Array.isArray(value) ? value : String(value).split(/[,，;；]/);
    const items = list.map((v) => String(v).trim()).filter(Boolean);
    const wrong = field.options ? items.filter((v) => !field.options!.includes(v)) : [];
    if (wrong.length) throw new Error(`${wrong.join(', ')} not one of: ${field.options!.join(', ')}`);
    return items;
  }
  if (NUMERIC.has(field.type)) {
    if (typeof value !== 'number') throw new Error(`must be a number, got ${JSON.stringify(value)}`);
    return value;
  }
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (field.maxLength !== undefined && s.length > field.maxLength)
    throw new Error(`is ${s.length} characters, longer than the field's ${field.maxLength} (not truncated)`);
  if (field.options && s !== '' && !field.options.includes(s))
    throw new Error(`"${s}" is not one of: ${field.options.join(', ')}`);
  if (field.type === 'datetime' && s !== '' && Number.isNaN(Date.parse(s)))
    throw new Error(`"${s}" is not a date-time`);
  return s;
}

export interface MappedRecord {
  /** Target field → value (null/'' = the source sent nothing; undefined fields were not mapped). */
  values: Record<string, unknown>;
  externalId?: string;
  sourceUpdatedAt?: Date;
  errors: FieldIssue[];
}

/** Applies a mapping to one payload; a value that does not fit is an error naming its field. */
export function applyMapping(rules: MappingRule[], targets: Map<string, TargetField>, payload: unknown): MappedRecord {
  const values: Record<string, unknown> = {};
  const errors: FieldIssue[] = [];
  for (const rule of rules) {
    try {
      const field = targets.get(rule.target);
      if (!field) throw new Error('is not a field a channel can set');
      values[rule.target] = fit(applyTransforms(rule, payload), field);
    } catch (error) {
      errors.push({ path: rule.target, message: (error as Error).message });
    }
  }
  const { externalId, updatedAt, ...rest } = values;
  const at = isEmpty(updatedAt) ? undefined : new Date(String(updatedAt));
  return {
    values: rest,
    externalId: isEmpty(externalId) ? undefined : String(externalId),
    sourceUpdatedAt: at && !Number.isNaN(at.getTime()) ? at : undefined,
    errors,
  };
}
