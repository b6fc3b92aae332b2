import { describe, expect, it } from 'vitest';
import { lastSlot, pullConfigSchema, timeZoneOf } from './pull-config.ts';
import { laterCursor, pageUrl, recordsOf } from './pull-run.ts';

const config = pullConfigSchema.parse({
  url: 'https://crm.example.com/api/leads?team=7',
  cron: '*/15 * * * *',
  cursorField: 'updated_at',
});

describe('pull helpers', () => {
  it('orders cursors as numbers, as instants, else as text', () => {
    expect(laterCursor('9', '10')).toBe('10');
    expect(laterCursor('2026-11-30T23:00:00+08:00', '2026-11-30T16:00:01Z')).toBe('2026-11-30T16:00:01Z');
    expect(laterCursor('b-2', 'a-9')).toBe('b-2');
  });

  it('asks for the page at the cursor, keeping the URL’s own parameters; none on the first run', () => {
    expect(pageUrl(config, null)).toBe('https://crm.example.com/api/leads?team=7&limit=100');
    expect(pageUrl(config, '2026-11-30 10:00')).toBe(
      'https://crm.example.com/api/leads?team=7&cursor=2026-11-30+10%3A00&limit=100',
    );
  });

  it('finds the records in the answer', () => {
    expect(recordsOf([{ a: 1 }], config)).toEqual([{ a: 1 }]);
    expect(recordsOf({ data: [{ a: 1 }] }, config)).toEqual([{ a: 1 }]);
    expect(recordsOf({ items: [] }, config)).toEqual([]);
    expect(recordsOf({ result: { rows: [1] } }, { ...config, recordsPath: 'result.rows' })).toEqual([1]);
    expect(recordsOf({ error: 'x' }, config)).toBeUndefined();
  });

  it('finds the latest cron slot in the company time zone', () => {
    const now = new Date('2026-12-01T01:30:00Z'); // 09:30 in Shanghai
    expect(lastSlot('0 9 * * *', 'Asia/Shanghai', now)?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(lastSlot('0 9 * * *', 'UTC', now)?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(lastSlot('30 1 * * *', 'UTC', now)?.toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(lastSlot('not a cron', 'UTC', now)).toBeUndefined();
    expect(timeZoneOf({ timeZone: 'Europe/Berlin' })).toBe('Europe/Berlin');
    expect(timeZoneOf({ timeZone: 'Mars/Olympus' })).toBe('Asia/Shanghai');
    expect(timeZoneOf(null)).toBe('Asia/Shanghai');
  });
});
