import {
  isNumericType,
  mappingErrorCode,
  mappingProblems,
  targetsOf as sharedTargetsOf,
  type MappingRule,
  type TargetField,
} from '../../common/channel-mapping.ts';
import { toE164 } from '../../common/phone.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import { parseDate } from './date-formats.ts';

/**
 * Applying a channel's field mapping to payloads. The type check itself (what a mapping may be
 * saved as) lives in common/channel-mapping.ts, shared with the web editor that shows its
 * problems inline; here it runs at save time, where a problem answers 400 MAPPING_LOSSY or
 * MAPPING_INVALID naming each field. At run time a value that does not fit fails the record
 * (a dead letter), it is never cut short.
 */
export type { MappingRule, TargetField } from '../../common/channel-mapping.ts';

/** The fields a channel of this company may set: the customer's own, and its custom fields. */
export const targetsOf = (defs: readonly CustomFieldDef[]): Map<string, TargetField> => sharedTargetsOf(defs);

/** Checks a whole mapping at save time; throws MAPPING_INVALID or MAPPING_LOSSY naming each field. */
export function checkMapping(mapping: unknown, targets: Map<string, TargetField>): MappingRule[] {
  const problems = mappingProblems(mapping, targets);
  const code = mappingErrorCode(problems);
  if (!code) return mapping as MappingRule[];
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
  if (isNumericType(field.type)) {
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
