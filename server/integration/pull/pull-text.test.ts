import { describe, expect, it } from 'vitest';
import { storable, storableCursor, unstorablePaths } from './pull-text.ts';

describe('text PostgreSQL cannot store', () => {
  it('names each path holding U+0000 or a lone surrogate, in values and keys', () => {
    const record = { a: 'ok', b: 'x\u0000y', c: [{ d: '\uD800' }], ['k\u0000']: 1, e: '😀', f: 3 };
    expect(unstorablePaths(record)).toEqual(['b', 'c[0].d', 'k\uFFFD (key)']);
    expect(unstorablePaths({ fine: '中文 😀', n: null })).toEqual([]);
  });

  it('replaces them with U+FFFD, keeping everything else', () => {
    expect(storable({ b: 'x\u0000y', c: ['\uDC00z', '😀'], ['k\u0000']: 2 })).toEqual({
      b: 'x\uFFFDy',
      c: ['\uFFFDz', '😀'],
      ['k\uFFFD']: 2,
    });
  });

  it('cuts a cursor value before the first one: a prefix never sorts after the value', () => {
    expect(storableCursor('2026-11-04\u0000junk')).toBe('2026-11-04');
    expect(storableCursor('\u0000x')).toBe('');
    expect(storableCursor('plain')).toBe('plain');
    const value = 'ab\u0000c';
    expect(storableCursor(value) <= value).toBe(true);
  });
});
