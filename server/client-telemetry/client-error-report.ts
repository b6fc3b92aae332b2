import { createHash } from 'node:crypto';
import Bowser from 'bowser';
import { z } from 'zod';

/** What the web app posts for an uncaught error or a failed save (no personal data is kept). */
export const clientErrorBody = z
  .object({
    kind: z.enum(['uncaught', 'unhandled_rejection', 'save_failed']),
    errorName: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z_$][\w$.]*$/, 'must be an error name like InvalidStateError'),
    message: z.string().max(2000).default(''),
    appVersion: z.string().trim().min(1).max(40),
    route: z.string().trim().min(1).max(500).describe('The path of the page (ids are blanked before storing)'),
    screen: z.string().trim().max(60).optional().describe('The screen as the user knows it, e.g. 客户新建'),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .meta({ id: 'ClientErrorReport' });
export type ClientErrorBody = z.infer<typeof clientErrorBody>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-|\d{3,}/i;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** Phone numbers, ids, amounts: any run of 5+ digits, with the separators phones use. */
const DIGITS = /\+?\d[\d\s-]{3,}\d/g;
const MESSAGE_LIMIT = 300;

/** A message with emails, ids and long numbers (phones) blanked, cut to 300 characters. */
export function scrubMessage(message: string): string {
  return message
    .replace(UUID, ':id')
    .replace(EMAIL, ':email')
    .replace(DIGITS, (run) => (run.replace(/\D/g, '').length >= 5 ? ':n' : run))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MESSAGE_LIMIT);
}

/** The route's path only (no query or hash), each id-like segment replaced by `:id`. */
export function scrubRoute(route: string): string {
  const path = route.split(/[?#]/, 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment.slice(0, 40)))
    .join('/')
    .slice(0, 200);
}

/** "Safari 17.3.1" and "iOS 17.3.1" from a user agent; "unknown" when it names none. */
export function browserOf(userAgent: string | undefined): { browser: string; os: string } {
  if (!userAgent) return { browser: 'unknown', os: 'unknown' };
  const parsed = Bowser.parse(userAgent.slice(0, 500));
  const name = (part: { name?: string; version?: string }) =>
    [part.name, part.version].filter(Boolean).join(' ').slice(0, 60) || 'unknown';
  return { browser: name(parsed.browser), os: name(parsed.os) };
}

/** The rate-limit key of one signed-in session: a hash that names nobody. */
export const reporterKey = (sessionOrKeyId: string) =>
  createHash('sha256').update(`cairn-client-errors:${sessionOrKeyId}`).digest('hex').slice(0, 32);

/** One line support can read: "Safari 17.3.1 · InvalidStateError · 客户新建". */
export const groupLine = (g: { browser: string; errorName: string; screen: string | null; route: string }) =>
  [g.browser, g.errorName, g.screen || g.route].join(' · ');
