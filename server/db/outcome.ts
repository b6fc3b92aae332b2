import type { AppError } from '../errors.ts';

/**
 * What a guarded call ends with. Failures are returned, not thrown, so the caller can commit
 * attempt counters and audit rows before answering with the error.
 */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const success = <T>(data: T): Outcome<T> => ({ ok: true, data });
export const failure = <T = never>(error: AppError): Outcome<T> => ({ ok: false, error });

/** Throws a returned failure — call it after the transaction has committed. */
export function settle<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}
