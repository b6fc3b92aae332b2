import { z } from 'zod';
import { fieldError } from '../../errors.ts';
import { openSecret, sealSecret } from '../channel-secrets.ts';

/**
 * The headers a pull channel sends its source (e.g. `Authorization: Bearer …`, `X-Api-Key`).
 * Their values are secrets: kept sealed under the company's key (as a channel secret is, in
 * `channels.auth_headers`: name → sealed value), sent only on the pull's GET, never answered by
 * the API (it shows the names), never written to the audit log or an error message.
 * A create or update body sets them as `authHeaders: {name: value}`; on update a value of null
 * removes that header and names left out are kept.
 */
const reserved = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept', 'user-agent']);

export const authHeadersBody = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'is not an HTTP header name')
      .refine((name) => !reserved.has(name.toLowerCase()), 'is set by Cairn itself'),
    z
      .string()
      .min(1, 'is required (null removes the header)')
      .max(4000)
      .regex(/^[\t\x20-\x7e\x80-\uffff]*$/, 'may not hold line breaks or control characters')
      .nullable(),
  )
  .refine((headers) => Object.keys(headers).length <= 20, 'at most 20 headers')
  .describe(
    'Pull channels: headers sent to the source, e.g. {"Authorization": "Bearer …"}; write-only, null removes one',
  );

export type SealedHeaders = Record<string, string>;

/** The channel's sealed headers after `changes` (undefined: unchanged); only pull channels take them. */
export function sealAuthHeaders(
  kind: string,
  companyKey: string,
  current: SealedHeaders,
  changes: Record<string, string | null> | undefined,
): SealedHeaders | undefined {
  if (changes === undefined) return undefined;
  const adds = Object.values(changes).some((v) => v !== null);
  if (kind !== 'pull' && adds) throw fieldError('authHeaders', `only a pull channel sends headers (this is ${kind})`);
  const next: SealedHeaders = {};
  const removed = new Set(Object.keys(changes).map((n) => n.toLowerCase()));
  for (const [name, sealed] of Object.entries(current)) if (!removed.has(name.toLowerCase())) next[name] = sealed;
  for (const [name, value] of Object.entries(changes)) if (value !== null) next[name] = sealSecret(companyKey, value);
  return next;
}

/** The headers to send, opened (only in the pull run's memory). */
export function openAuthHeaders(companyKey: string, sealed: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries((sealed ?? {}) as SealedHeaders))
    if (typeof value === 'string') out[name] = openSecret(companyKey, value);
  return out;
}

/** What the API and the audit log show: the names, never the values. */
export const authHeaderNames = (sealed: unknown) => Object.keys((sealed ?? {}) as SealedHeaders).sort();

/** An audit entry's view of a change: each name with its value masked. */
export const maskedHeaders = (changes: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(changes).map(([name, value]) => [name, value === null ? null : '***']));
