import { AppError } from '../errors.ts';
import type { AccessContext } from './access-context.ts';

/**
 * Field rules on writes: a user may not write a field that is hidden, masked or read-only for
 * them. Reading is governed by the access plan (access-plan.ts), which masks in SQL.
 */
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
