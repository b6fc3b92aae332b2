/**
 * A small grammar of hostile input for the route fuzz test: text PostgreSQL cannot store, names
 * every JavaScript object has, SQL fragments, dates past year 9999, numbers past any column,
 * deep nesting, wrong types. Values that JSON cannot express as such (1e400, nesting deeper than
 * JSON.stringify goes) are `RawJson` and written verbatim by `toJsonText`.
 */
import fc from 'fast-check';

/** JSON text written as-is into a request body or a JSON query parameter. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const sqlFragments = [
  "' or '1'='1",
  "'; drop table customers; --",
  '1) union select password_hash, null from users --',
  "') or 1=1 --",
  'select pg_sleep(10)',
  '$1',
  '%',
  '_',
  '\\',
  '"; select * from audit_log; --',
  "name' = 'x",
] as const;

export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '99999-01-01',
  '+099999-01-01T00:00:00Z',
  '9999-12-31T23:59:59-05:00',
  '0000-01-01',
  '2026-02-30',
  '1970-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  '0x10',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '..%2f..%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.env}',
  '\u202e\u200b\ufeff',
  '👩‍👩‍👧‍👦',
  '𠮷野家',
  '\r\nX-Injected: 1',
  ...sqlFragments,
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any UTF-16 code units, lone surrogates and control characters included. */
export const utf16Text = fc.string({ unit: codeUnit, maxLength: 24 });

export const longText = fc
  .constantFrom(2_000, 70_000)
  .chain((n) => fc.constantFrom('x', '测', '\u0000', '%').map((c) => c.repeat(n)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: utf16Text },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: longText },
);

export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(0, -1, 0.5, -0.000001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e21),
  fc.constantFrom('1e400', '-1e400', `1${'0'.repeat(400)}`, '1.00000000000000000000001').map((t) => new RawJson(t)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nesting deep enough to overflow a recursive walker, as raw JSON text. */
export const deepNesting = fc
  .tuple(fc.constantFrom(64, 3_000, 20_000), fc.constantFrom('array', 'object'))
  .map(([depth, kind]) =>
    kind === 'array'
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** A hostile JSON value of any type, for any position of a body or JSON parameter. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], { $gt: '' }, { $where: 'sleep(1)' }) },
  { weight: 1, arbitrary: fc.constant(new RawJson('{"__proto__":{"polluted":true},"constructor":{"prototype":1}}')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', 1, null), { minLength: 1000, maxLength: 1000 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** JSON text of a value that may hold RawJson pieces anywhere inside. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => toJsonText(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Percent-encodes text for a URL. A lone surrogate has no UTF-8 form, so it is written as the
 * bytes UTF-8 would give it (ED A0 80…): invalid UTF-8 the server must cope with.
 */
export function encodeUrlText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** Every string inside a value (keys included), for telling echoed input from leaked internals. */
export function stringsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  const stack = [value];
  while (stack.length) {
    const current = stack.pop();
    if (typeof current === 'string') out.add(current);
    else if (current instanceof RawJson) out.add(current.text);
    else if (Array.isArray(current)) stack.push(...current);
    else if (current && typeof current === 'object') {
      for (const [k, v] of Object.entries(current)) {
        out.add(k);
        stack.push(v);
      }
    }
  }
  return out;
}
