import { customerLevels, customerSources, customerStatuses, type CustomFieldType } from './enums.ts';

/**
 * The type check of a channel's field mapping, shared by the server (at save time, where a
 * problem answers 400 MAPPING_LOSSY or MAPPING_INVALID) and the web channel editor (inline, as
 * the mapping is edited): one function, so the editor shows exactly what saving would refuse.
 *
 * A mapping goes from a source path (JSON path such as `$.company.name` or `a.b[0]`, or a form/CSV
 * column name) to a target field of the customer, custom fields included (`custom.<key>`), plus
 * two pseudo-targets: `externalId` (the id the source knows the record by) and `updatedAt` (the
 * source's change time, used by "newest wins"; missing → receipt time).
 *
 * A rule that would lose information (a phone number onto a number, text → number, decimal →
 * integer, date-time → date, a longer text onto a shorter field) is `lossy`; a rule that cannot
 * work (unknown target, a type that cannot convert, an enum map onto values the target does not
 * take) is `invalid`.
 */
export type ValueType = 'text' | 'phone' | 'number' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'list';
export const valueTypes: readonly ValueType[] = [
  'text',
  'phone',
  'number',
  'integer',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'list',
];

export type Transform =
  | { op: 'trim' }
  | { op: 'emptyToNull' }
  | { op: 'phone' }
  | { op: 'date'; formats: string[] }
  | { op: 'enum'; map: Record<string, string> }
  | { op: 'default'; value: unknown }
  | { op: 'concat'; sources: string[]; separator?: string }
  | { op: 'number' };
export type TransformOp = Transform['op'];
export const transformOps: readonly TransformOp[] = [
  'trim',
  'emptyToNull',
  'phone',
  'date',
  'enum',
  'default',
  'concat',
  'number',
];

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

export interface MappingProblem {
  /** `mapping[<index>]` */
  path: string;
  target: string;
  kind: 'lossy' | 'invalid';
  message: string;
}

/** A custom field as far as the mapping check needs it. */
export interface CustomTargetDef {
  key: string;
  type: CustomFieldType;
  options: readonly string[];
  label?: string;
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

const customTarget = (def: CustomTargetDef): TargetField => {
  switch (def.type) {
    case 'number':
    case 'money':
      return { type: 'decimal' };
    case 'date':
      return { type: 'date' };
    case 'phone':
      return { type: 'phone', maxLength: 40 };
    case 'singleSelect':
      return { type: 'text', options: def.options };
    case 'multiSelect':
      return { type: 'list', options: def.options };
    default:
      return text(2000);
  }
};

export function targetsOf(defs: readonly CustomTargetDef[]): Map<string, TargetField> {
  const targets = new Map(Object.entries({ ...customerTargets, ...contactTargets }));
  for (const def of defs) targets.set(`custom.${def.key}`, customTarget(def));
  return targets;
}

/** Whether a date format (`iso`, `unix`, `unixms` or a YYYY MM DD HH mm ss pattern) carries a time of day. */
export const dateHasTime = (format: string) => ['iso', 'unix', 'unixms'].includes(format) || /HH|mm|ss/.test(format);

export const SOURCE_PATH = /^(\$\.)?[^.[\]\s]+(\[\d+\])?(\.[^.[\]\s]+(\[\d+\])?)*$/;
const PHONE_NAME = /phone|mobile|tel|fax|手机|电话|联系方式/i;
const NUMERIC: ReadonlySet<ValueType> = new Set(['number', 'integer', 'decimal']);
export const isNumericType = (type: ValueType) => NUMERIC.has(type);

/** The type a rule's value has after its transforms; what does not fit goes into `issues`. */
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
        if (!Array.isArray(t.sources) || t.sources.some((s) => typeof s !== 'string' || !SOURCE_PATH.test(s)))
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
  const problems: MappingProblem[] = [];
  const path = `mapping[${index}]`;
  const target = typeof rule?.target === 'string' ? rule.target : '';
  const invalid = (message: string) => problems.push({ path, target, kind: 'invalid', message });
  if (!rule || typeof rule !== 'object') return [{ path, target, kind: 'invalid' as const, message: 'is not a rule' }];
  if (typeof rule.source !== 'string' || !SOURCE_PATH.test(rule.source))
    invalid('source must be a JSON path or column name');
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

/** Every problem of a mapping, each naming its rule (`mapping[i]`) and target; empty when it may be saved. */
export function mappingProblems(mapping: unknown, targets: Map<string, TargetField>): MappingProblem[] {
  if (!Array.isArray(mapping))
    return [{ path: 'mapping', target: '', kind: 'invalid', message: 'must be a list of rules' }];
  const seen = new Set<string>();
  return (mapping as MappingRule[]).flatMap((rule, i) => checkRule(rule, i, targets, seen));
}

/** The error code saving such a mapping answers (undefined: no problems). */
export const mappingErrorCode = (problems: readonly MappingProblem[]) =>
  problems.length === 0
    ? undefined
    : problems.some((p) => p.kind === 'invalid')
      ? ('MAPPING_INVALID' as const)
      : ('MAPPING_LOSSY' as const);
