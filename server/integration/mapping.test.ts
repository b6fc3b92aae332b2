import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { applyMapping, checkMapping, targetsOf } from './mapping.ts';
import { parseDate } from './date-formats.ts';

const targets = targetsOf([{ key: 'budget', label: '预算', type: 'number', options: [], required: false }]);

const refusal = (mapping: unknown) => {
  try {
    checkMapping(mapping, targets);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('accepted');
};

describe('mapping type check', () => {
  it('refuses a phone-like text onto a number, naming leading zeros, +86 and long digits', () => {
    for (const rule of [
      { source: 'mobile', target: 'custom.budget' },
      { source: 'x', sourceType: 'phone', target: 'custom.budget' },
      { source: 'x', target: 'custom.budget', transforms: [{ op: 'phone' }] },
    ]) {
      const error = refusal([rule]);
      expect(error.code).toBe('MAPPING_LOSSY');
      expect(error.message).toMatch(/leading zeros and \+86.*long digit/);
    }
    expect(refusal([{ source: 'tel', target: 'custom.budget', transforms: [{ op: 'number' }] }]).code).toBe(
      'MAPPING_INVALID',
    );
  });

  it('accepts text onto text, phone onto phone and explicit number parsing', () => {
    expect(() =>
      checkMapping(
        [
          { source: 'company', target: 'name' },
          { source: 'phone', target: 'mainPhone', transforms: [{ op: 'phone' }] },
          { source: 'amount', target: 'custom.budget', transforms: [{ op: 'number' }] },
          { source: 'ts', target: 'updatedAt', transforms: [{ op: 'date', formats: ['YYYY/MM/DD HH:mm'] }] },
        ],
        targets,
      ),
    ).not.toThrow();
  });
});

describe('mapping at run time', () => {
  const rules = [
    {
      source: '$.org.name',
      target: 'name',
      transforms: [{ op: 'trim' as const }, { op: 'concat' as const, sources: ['org.branch'], separator: '·' }],
    },
    { source: 'phone', target: 'mainPhone', transforms: [{ op: 'emptyToNull' as const }, { op: 'phone' as const }] },
    {
      source: 'lvl',
      target: 'level',
      transforms: [
        { op: 'enum' as const, map: { 重要: 'A', 普通: 'C' } },
        { op: 'default' as const, value: 'D' },
      ],
    },
    { source: 'amount', target: 'custom.budget', transforms: [{ op: 'number' as const }] },
    {
      source: 'when',
      target: 'updatedAt',
      transforms: [{ op: 'date' as const, formats: ['YYYY年MM月DD日 HH:mm', 'iso'] }],
    },
  ];

  it('applies trim, concat, phone normalisation (mobile and landline), enum map, default, number and date parse', () => {
    const mapped = applyMapping(rules, targets, {
      org: { name: ' 云帆科技 ', branch: '杭州分公司' },
      phone: '0571-8888 1234',
      lvl: '重要',
      amount: '0012.5',
      when: '2026年11月30日 09:30',
    });
    expect(mapped.errors).toEqual([]);
    expect(mapped.values).toEqual({
      name: '云帆科技·杭州分公司',
      mainPhone: '+8657188881234',
      level: 'A',
      'custom.budget': 12.5,
    });
    expect(mapped.sourceUpdatedAt?.toISOString()).toBe('2026-11-30T01:30:00.000Z');
    expect(applyMapping(rules, targets, { org: { name: 'x' }, phone: '+86 138 0013 8000' }).values).toMatchObject({
      mainPhone: '+8613800138000',
      level: 'D',
    });
  });

  it('names each field that does not fit and never truncates', () => {
    const mapped = applyMapping(rules, targets, {
      org: { name: '长'.repeat(201) },
      phone: '12',
      lvl: '未知',
      amount: '1e3',
      when: 'yesterday',
    });
    expect(mapped.errors.map((e) => e.path)).toEqual(['name', 'mainPhone', 'level', 'custom.budget', 'updatedAt']);
  });

  it('parses the documented date formats', () => {
    expect(parseDate('20261130', ['YYYYMMDD'])).toBe('2026-11-30');
    expect(parseDate('30.11.2026', ['DD.MM.YYYY'])).toBe('2026-11-30');
    expect(parseDate('2026/2/30', ['YYYY/MM/DD'])).toBeUndefined();
    expect(parseDate('1764460800', ['unix'])).toBe('2025-11-30T00:00:00.000Z');
  });
});
