import { maskPhone } from '../../common/phone.ts';
import { AppError } from '../errors.ts';
import type { AccessContext } from './access-context.ts';

const phoneLike = /phone|mobile/i;

/** Masks a value for display: phones as 138****1234, e-mails as z***@x.cn, other text as 张** . */
export function maskValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string') return '***';
  if (phoneLike.test(field)) return maskPhone(value);
  if (value.includes('@')) return `${value[0]}***@${value.split('@')[1]}`;
  return `${[...value][0] ?? ''}**`;
}

/**
 * Applies the user's field rules to a presented record in place: hidden fields are removed,
 * masked ones masked. Custom fields are named `custom.<key>`. Lists, details, includes and
 * exports all pass through here, so the API and the UI see the same thing.
 */
export function applyFieldRules(
  access: AccessContext,
  object: string,
  record: Record<string, unknown>,
): Record<string, unknown> {
  const rules = access.fieldRules.get(object);
  if (!rules) return record;
  for (const [field, rule] of rules) {
    if (field.startsWith('custom.')) {
      const custom = record.custom as Record<string, unknown> | undefined;
      const key = field.slice(7);
      if (!custom || !Object.hasOwn(custom, key)) continue;
      if (rule === 'hidden') delete custom[key];
      else if (rule === 'masked') custom[key] = maskValue(key, custom[key]);
      continue;
    }
    if (!Object.hasOwn(record, field)) continue;
    if (rule === 'hidden') delete record[field];
    else if (rule === 'masked') record[field] = maskValue(field, record[field]);
  }
  return record;
}

/** Rejects a write that names a hidden, masked or read-only field, naming it. */
export function assertWritableFields(access: AccessContext, object: string, input: Record<string, unknown>) {
  const rules = access.fieldRules.get(object);
  if (!rules) return;
  const written = Object.keys(input).filter((k) => k !== 'version' && input[k] !== undefined);
  const custom =
    input.custom && typeof input.custom === 'object'
      ? Object.keys(input.custom as object).map((k) => `custom.${k}`)
      : [];
  for (const field of [...written, ...custom]) {
    const rule = rules.get(field);
    if (rule) {
      throw new AppError('FIELD_READONLY', `you may not change ${field} (${rule})`, {
        field,
        rule,
        missing: `${object}.${field}.write`,
      });
    }
  }
}

/** Fields whose rule hides them from this user (exports refuse them; filters on them are refused). */
export function hiddenFields(access: AccessContext, object: string): Set<string> {
  const rules = access.fieldRules.get(object);
  return new Set([...(rules ?? [])].filter(([, rule]) => rule === 'hidden').map(([field]) => field));
}
