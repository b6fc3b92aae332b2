/** Shared helpers for the generic resource API tests (tests/api/resource-*.test.ts). */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { call } from './test-app.ts';

export type Headers = Record<string, string>;
export type Res = Awaited<ReturnType<typeof call>>;

/** Builds a query string from plain values; objects become JSON (for `filter=`). */
export function qs(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const get = (url: string, headers: Headers) => call({ method: 'GET', url, headers });
export const post = (url: string, headers: Headers, payload?: unknown) =>
  call({ method: 'POST', url, headers, payload: payload as never });
export const patch = (url: string, headers: Headers, payload: unknown) =>
  call({ method: 'PATCH', url, headers, payload: payload as never });
export const del = (url: string, headers: Headers) => call({ method: 'DELETE', url, headers });
export const restore = (url: string, headers: Headers) => call({ method: 'POST', url: `${url}/restore`, headers });

/** A random UUID that names no record. */
export const missingId = () => randomUUID();

/** The field paths a 400 names. */
export const fieldPaths = (res: Res): string[] =>
  ((res.body?.error?.details?.fields ?? []) as Array<{ path: string }>).map((f) => f.path);

/** Asserts a 400 VALIDATION_FAILED that names `path` (exactly) among its fields. */
export function expectFieldError(res: Res, path: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(fieldPaths(res)).toContain(path);
  for (const field of res.body.error.details.fields as Array<{ message: unknown }>)
    expect(typeof field.message).toBe('string');
}

/** Asserts an error answer with the given status and code. */
export function expectError(res: Res, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe('string');
}

/** Asserts a 2xx answer and returns its `data`. */
export function ok(res: Res, status = 200): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body.data;
}

/**
 * Walks every page of a list with a small limit and checks it against one big page:
 * the same ids in the same order, no duplicates, and a null cursor only on the last page.
 */
export async function expectPagingMatches(
  basePath: string,
  headers: Headers,
  params: Record<string, unknown>,
  pageSize: number,
) {
  const whole = await get(`${basePath}${qs({ ...params, limit: 200 })}`, headers);
  expect(whole.status, JSON.stringify(whole.body)).toBe(200);
  expect(whole.body.nextCursor).toBeNull();
  const expected = (whole.body.data as Array<{ id: string }>).map((r) => r.id);

  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await get(`${basePath}${qs({ ...params, limit: pageSize, cursor })}`, headers);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(pageSize);
    if (page.body.nextCursor) expect(page.body.data.length).toBe(pageSize);
    seen.push(...(page.body.data as Array<{ id: string }>).map((r) => r.id));
    cursor = page.body.nextCursor ?? undefined;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (cursor);

  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toEqual(expected);
  return { ids: expected, rows: whole.body.data as Array<Record<string, unknown>>, pages };
}

/** Checks that `values` are ordered by `direction` with nulls at the end. */
export function expectSorted(
  values: unknown[],
  direction: 'asc' | 'desc',
  compare: (a: any, b: any) => number = defaultCompare,
) {
  const firstNull = values.findIndex((v) => v === null || v === undefined);
  const present = firstNull === -1 ? values : values.slice(0, firstNull);
  if (firstNull !== -1) expect(values.slice(firstNull).every((v) => v === null || v === undefined)).toBe(true);
  for (let i = 1; i < present.length; i++) {
    const c = compare(present[i - 1], present[i]);
    if (direction === 'asc') expect(c, `${String(present[i - 1])} then ${String(present[i])}`).toBeLessThanOrEqual(0);
    else expect(c, `${String(present[i - 1])} then ${String(present[i])}`).toBeGreaterThanOrEqual(0);
  }
}

function defaultCompare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export const numeric = (a: string | number, b: string | number) => Number(a) - Number(b);

/** A multipart/form-data body for inject: text fields and at most one file part. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer; field?: string },
) {
  const boundary = `----cairn${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Keys of a presented record, sorted, for `fields=` checks. */
export const keysOf = (record: Record<string, unknown>) => Object.keys(record).sort();
