import { describe, expect, it } from 'vitest';
import { createFormatters, telHref } from './format.ts';

describe('formatters', () => {
  const zh = createFormatters('zh-CN');
  const en = createFormatters('en-US');

  it('money keeps every digit of a decimal string and shows its currency', () => {
    expect(zh.money('12800.5', 'CNY')).toBe('¥12,800.50');
    expect(en.money('12800.5', 'CNY')).toBe('CN¥12,800.50');
    expect(zh.money('1234567890123.45', 'CNY')).toBe('¥1,234,567,890,123.45');
    expect(zh.money('10', 'not-a-code')).toBe('10.00 not-a-code');
    expect(zh.money('', 'CNY')).toBeNull();
  });

  it('percent reads the API rate, date keeps calendar dates in every time zone', () => {
    expect(zh.percent('0.13')).toBe('13%');
    expect(zh.percent('abc')).toBe('abc');
    expect(en.date('2024-03-05')).toBe('Mar 5, 2024');
    expect(en.dateTime('2024-03-05')).toBe('Mar 5, 2024');
    expect(zh.date(null)).toBeNull();
    expect(zh.date('not a date')).toBe('not a date');
  });

  it('relative says minutes, hours and days near now, the date beyond a month', () => {
    const now = Date.now();
    expect(en.relative(new Date(now - 5 * 60_000).toISOString())).toBe('5 minutes ago');
    expect(en.relative(new Date(now + 2 * 86_400_000).toISOString())).toBe('in 2 days');
    expect(en.relative('2020-01-01')).toBe('Jan 1, 2020');
  });

  it('file sizes in B, KB and MB', () => {
    expect(en.fileSize(512)).toBe('512 B');
    expect(en.fileSize(1536)).toBe('1.5 KB');
    expect(en.fileSize(5 * 1024 * 1024)).toBe('5 MB');
  });

  it('tel: links drop what people type between digits', () => {
    expect(telHref('+86 138-1234 5678')).toBe('tel:+8613812345678');
  });
});
