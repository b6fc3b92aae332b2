import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/types.ts';
import {
  changedFields,
  customFromForm,
  customToForm,
  DECIMAL,
  fromLocalInput,
  toLocalInput,
  toNamePath,
  trimOrNull,
  withoutEmpty,
} from './values.ts';

const def = (key: string, type: CustomField['type']) => ({ key, type }) as CustomField;

describe('form value helpers', () => {
  it('an update sends only what changed; custom values per key', () => {
    const base = { name: 'A', level: 'B', tags: ['x'], custom: { budget: 1, region: '华东' } };
    const next = { name: 'A', level: 'C', tags: ['x'], custom: { budget: 2, region: '华东' } };
    expect(changedFields(base, next)).toEqual({ level: 'C', custom: { budget: 2 } });
    expect(changedFields(base, base)).toEqual({});
    expect(changedFields({ note: null }, { note: undefined })).toEqual({});
  });

  it('a create body leaves out empty values, custom ones included', () => {
    expect(withoutEmpty({ name: 'A', shortName: '', level: null, custom: { a: null, b: 'x' } })).toEqual({
      name: 'A',
      custom: { b: 'x' },
    });
    expect(withoutEmpty({ custom: { a: '' } })).toEqual({});
  });

  it('custom fields: stored values ↔ form values by type; cleared fields become null', () => {
    const defs = [def('budget', 'money'), def('tags', 'multiSelect'), def('size', 'number'), def('memo', 'text')];
    expect(customToForm(defs, { size: 3 })).toEqual({
      budget: { amount: '', currency: 'CNY' },
      tags: [],
      size: 3,
      memo: null,
    });
    expect(
      customFromForm(defs, { budget: { amount: ' 12.50 ', currency: '' }, tags: [], size: '3', memo: '  hi ' }),
    ).toEqual({ budget: { amount: '12.50', currency: 'CNY' }, tags: null, size: null, memo: 'hi' });
  });

  it('decimal strings, trimmed text, server paths and datetime-local inputs', () => {
    expect(['12', '-0.5', '1234567890123456.1234'].every((v) => DECIMAL.test(v))).toBe(true);
    expect(['1e5', '1.23456', '12,000', ''].some((v) => DECIMAL.test(v))).toBe(false);
    expect(trimOrNull('  a ')).toBe('a');
    expect(trimOrNull('   ')).toBeNull();
    expect(toNamePath('installments.0.amount')).toEqual(['installments', 0, 'amount']);
    const local = toLocalInput('2024-03-05T08:30:00.000Z');
    expect(local).toMatch(/^2024-03-0\dT\d\d:30$/);
    expect(fromLocalInput(local)).toBe('2024-03-05T08:30:00.000Z');
    expect(toLocalInput('garbage')).toBe('');
    expect(fromLocalInput('')).toBeNull();
  });
});
