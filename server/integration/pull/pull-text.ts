/**
 * Text PostgreSQL cannot store: U+0000 (refused in text and jsonb) and lone UTF-16 surrogates
 * (JSON.stringify writes them as \udXXX escapes, which jsonb refuses). A pulled record holding
 * one would fail its whole page — and the page's cursor would never move — so the record is
 * stored with U+FFFD in those places, as a dead letter naming them, and cursor values are cut
 * before the first such character (a prefix sorts at or before the value: nothing is skipped).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export const hasUnstorable = (text: string) => UNSTORABLE.test(text);

/** The JSON paths (`a.b[2]`, a key itself as `a.<key>`) of strings holding unstorable text. */
export function unstorablePaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return hasUnstorable(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorablePaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => {
      const at = path ? `${path}.${storableText(k)}` : storableText(k);
      return [...(hasUnstorable(k) ? [`${at} (key)`] : []), ...unstorablePaths(v, at)];
    });
  return [];
}

export const storableText = (text: string) => text.replace(UNSTORABLE_ALL, '\uFFFD');

/** A copy with every unstorable character, in keys and values, replaced by U+FFFD. */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)]));
  return value;
}

/** A cursor value cut before its first unstorable character (empty: no usable cursor value). */
export function storableCursor(text: string): string {
  const at = text.search(UNSTORABLE);
  return at < 0 ? text : text.slice(0, at);
}
