/** Form values ↔ API bodies: pure helpers the record forms share (no React, no antd). */
import type { CustomField } from '../api/types.ts';

export type Values = Record<string, unknown>;

export const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
export const trimOrNull = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** `<input type="datetime-local">` value ↔ ISO timestamp, in the user's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
export const fromLocalInput = (value: unknown) =>
  typeof value === 'string' && value ? new Date(value).toISOString() : null;

/** Decimal strings only; money never passes through a float. */
export const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `next` that differ from `base`; custom values per key (the server merges them). */
export function changedFields(base: Values, next: Values): Values {
  const patch: Values = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'custom' && value && typeof value === 'object') {
      const before = (base.custom ?? {}) as Values;
      const changed: Values = {};
      for (const [k, v] of Object.entries(value as Values)) if (!same(before[k], v)) changed[k] = v;
      if (Object.keys(changed).length) patch.custom = changed;
    } else if (!same(base[key], value)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** A create body without empty values (the server fills its defaults). */
export function withoutEmpty(body: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || value === '') continue;
    if (key === 'custom' && typeof value === 'object') {
      const custom = withoutEmpty(value as Values);
      if (Object.keys(custom).length) out.custom = custom;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Server paths (`name`, `custom.budget`, `installments.0.amount`) → antd name paths. */
export const toNamePath = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Stored custom values → form values (money as {amount, currency}). */
export function customToForm(defs: readonly CustomField[], custom: Values | undefined): Values {
  const out: Values = {};
  for (const def of defs)
    out[def.key] =
      custom?.[def.key] ??
      (def.type === 'multiSelect' ? [] : def.type === 'money' ? { amount: '', currency: 'CNY' } : null);
  return out;
}

/** Form values → the custom object the API takes; cleared fields become null (removes the value). */
export function customFromForm(defs: readonly CustomField[], values: Values | undefined): Values {
  const out: Values = {};
  for (const def of defs) {
    const value = values?.[def.key];
    if (def.type === 'money') {
      const money = (value ?? {}) as { amount?: string; currency?: string };
      out[def.key] = money.amount ? { amount: String(money.amount).trim(), currency: money.currency || 'CNY' } : null;
    } else if (def.type === 'multiSelect') {
      out[def.key] = Array.isArray(value) && value.length ? value : null;
    } else if (def.type === 'number') {
      out[def.key] = typeof value === 'number' ? value : null;
    } else {
      out[def.key] = typeof value === 'string' ? (value.trim() ? value.trim() : null) : (value ?? null);
    }
  }
  return out;
}
