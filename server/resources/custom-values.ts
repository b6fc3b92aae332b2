import { Decimal } from 'decimal.js';
import { sql, type RawBuilder } from 'kysely';
import type { CustomFieldObject, CustomFieldType } from '../../common/enums.ts';
import { toE164 } from '../../common/phone.ts';
import { isCalendarDate } from '../http/common-schemas.ts';
import type { FieldIssue } from '../errors.ts';
import { validationError } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';

export interface CustomFieldDef {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}

export async function loadCustomFieldDefs(
  trx: Trx,
  tenantId: string,
  object: CustomFieldObject,
): Promise<CustomFieldDef[]> {
  const rows = await trx
    .selectFrom('custom_fields')
    .select(['key', 'label', 'type', 'options', 'required'])
    .where('tenant_id', '=', tenantId)
    .where('object_type', '=', object)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return rows.map((r) => ({ ...r, type: r.type as CustomFieldType, options: r.options ?? [] }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

/** Checks one value against its definition; returns the value to store or an error message. */
function checkValue(
  def: CustomFieldDef,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? { ok: true, value }
        : { ok: false, message: 'must be text of at most 2000 characters' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: 'must be a number' };
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isCalendarDate(value)
        ? { ok: true, value }
        : { ok: false, message: 'must be a date YYYY-MM-DD' };
    case 'singleSelect':
      return typeof value === 'string' && def.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `must be one of: ${def.options.join(', ')}` };
    case 'multiSelect':
      return Array.isArray(value) && value.every((v): v is string => typeof v === 'string' && def.options.includes(v))
        ? { ok: true, value: [...new Set(value)] }
        : { ok: false, message: `must be a list of: ${def.options.join(', ')}` };
    case 'phone':
      return typeof value === 'string' && toE164(value)
        ? { ok: true, value: value.trim() }
        : { ok: false, message: 'must be a valid phone number' };
    case 'email':
      return typeof value === 'string' && EMAIL.test(value)
        ? { ok: true, value: value.trim() }
        : { ok: false, message: 'must be an email address' };
    case 'money': {
      const v = value as { amount?: unknown; currency?: unknown };
      const amount = typeof v?.amount === 'number' ? String(v.amount) : v?.amount;
      if (
        typeof amount !== 'string' ||
        !DECIMAL.test(amount) ||
        typeof v.currency !== 'string' ||
        !/^[A-Z]{3}$/.test(v.currency)
      ) {
        return { ok: false, message: 'must be {amount: "123.45", currency: "CNY"}' };
      }
      return { ok: true, value: { amount: new Decimal(amount).toFixed(2), currency: v.currency } };
    }
  }
}

/**
 * Validates a full custom-values object (after merging a patch onto the stored values).
 * A null in the patch removes a value. Unknown keys and missing required values are rejected.
 */
export function validateCustomValues(defs: CustomFieldDef[], values: Record<string, unknown>): Record<string, unknown> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const issues: FieldIssue[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ path: `custom.${key}`, message: 'is not a custom field of this object' });
      continue;
    }
    if (value === null || value === undefined) continue;
    const checked = checkValue(def, value);
    if (checked.ok) result[key] = checked.value;
    else issues.push({ path: `custom.${key}`, message: checked.message });
  }
  for (const def of defs) {
    if (def.required && result[def.key] === undefined && !issues.some((i) => i.path === `custom.${def.key}`)) {
      issues.push({ path: `custom.${def.key}`, message: `${def.label} is required` });
    }
  }
  if (issues.length) throw validationError(issues);
  return result;
}

/** The SQL expression a filter or sort on a custom field works on, typed by the definition. */
export function customFieldExpression(def: CustomFieldDef): RawBuilder<unknown> {
  const key = sql.lit(def.key);
  switch (def.type) {
    case 'number':
      return sql`(custom->>${key})::numeric`;
    case 'money':
      return sql`(custom->${key}->>'amount')::numeric`;
    case 'date':
      return sql`(custom->>${key})::date`;
    case 'multiSelect':
      return sql`(custom->${key})`;
    default:
      return sql`(custom->>${key})`;
  }
}
