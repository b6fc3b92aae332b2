import { createHash } from 'node:crypto';
import { readPath } from './mapping.ts';

/** Stable JSON (sorted keys) for the content hash, so key order does not make a new record. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * A received record's idempotency key: the sender's `Idempotency-Key`, else the channel's
 * idempotency field in the payload, else the content hash. A repeat of a key applies nothing.
 */
export function idempotencyKeyOf(payload: unknown, idempotencyField: string | null, given?: string): string {
  if (given !== undefined) return `header:${given}`;
  const field = idempotencyField ? readPath(payload, idempotencyField) : undefined;
  if (field !== undefined && field !== null && field !== '') return `field:${String(field).slice(0, 200)}`;
  return `sha256:${createHash('sha256').update(canonical(payload)).digest('hex')}`;
}
