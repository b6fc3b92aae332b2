import { api } from '../../app/api/client.ts';
import { APP_VERSION } from '../../app/version.ts';

export type ClientErrorKind = 'uncaught' | 'unhandled_rejection' | 'save_failed';

/** At most this many reports a minute from one page, and one per kind, name and route per 5 minutes. */
const PER_MINUTE = 5;
const SAME_WINDOW_MS = 5 * 60_000;
const sentAt: number[] = [];
const lastSame = new Map<string, number>();

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && /^[A-Za-z_$][\w$.]*$/.test(name) && name.length <= 80) return name;
  return 'Error';
}

/** Whether a report may go now (exported for the test). */
export function allowReport(key: string, now = Date.now()): boolean {
  while (sentAt.length && now - sentAt[0]! > 60_000) sentAt.shift();
  if (sentAt.length >= PER_MINUTE) return false;
  const last = lastSame.get(key);
  if (last !== undefined && now - last < SAME_WINDOW_MS) return false;
  sentAt.push(now);
  lastSame.set(key, now);
  return true;
}

/**
 * Posts an uncaught error or a failed save to /api/v1/client-errors: the error's name, a short
 * message (the server blanks phones, emails and ids), the app version and the page's path. The
 * user agent goes as the request's own header; nothing about the customer or the rep is sent.
 */
export async function reportClientError(kind: ClientErrorKind, error: unknown, screen?: string): Promise<void> {
  const name = errorName(error);
  const route = typeof location === 'undefined' ? '/' : location.pathname || '/';
  if (!allowReport(`${kind}|${name}|${route}`)) return;
  const message = String((error as { message?: unknown } | null)?.message ?? error ?? '').slice(0, 300);
  try {
    await api.post('/client-errors', {
      kind,
      errorName: name,
      message,
      appVersion: APP_VERSION,
      route,
      ...(screen ? { screen: screen.slice(0, 60) } : {}),
      occurredAt: new Date().toISOString(),
    });
  } catch {
    /* telemetry never gets in the rep's way */
  }
}
