import { isApiError } from '../../app/api/client.ts';

/** Offline, or the request got no answer at all: queue it instead of failing. */
export function shouldQueue(error?: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  return isApiError(error) && error.code === 'NETWORK';
}
