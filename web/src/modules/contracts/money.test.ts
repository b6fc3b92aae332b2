import { describe, expect, it } from 'vitest';
import { addMonths, fromCents, percentToRate, rateToPercent, splitEvenly, toCents } from './money.ts';

describe('installment arithmetic in cents', () => {
  it('parses and prints decimal amounts without floats', () => {
    expect(toCents('12800.5')).toBe(1280050n);
    expect(toCents('-0.07')).toBe(-7n);
    expect(toCents('1.239')).toBe(123n);
    expect(toCents('abc')).toBeNull();
    expect(fromCents(1280050n)).toBe('12800.50');
    expect(fromCents(-7n)).toBe('-0.07');
  });

  it('splits a total into parts that add up exactly, the last taking the remainder', () => {
    expect(splitEvenly(10000n, 3)).toEqual(['33.33', '33.33', '33.34']);
    expect(splitEvenly(10000n, 0)).toEqual([]);
  });

  it('converts tax rates and adds months, clamped to the month end', () => {
    expect(percentToRate('13')).toBe('0.1300');
    expect(percentToRate('')).toBeUndefined();
    expect(rateToPercent('0.13')).toBe('13');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});
