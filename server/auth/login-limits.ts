import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';

/**
 * Sign-in limits, counted in the database so they hold across app instances:
 *  - per user and IP: 5 free failures, then a wait of 30 s × 2^n after the last one (n = failures
 *    beyond 5), at most 15 minutes; a successful sign-in from that address starts over;
 *  - per user, from anywhere: at most 20 failures an hour;
 *  - per IP, whoever it tries: at most 30 failures in 15 minutes.
 * The right password from a device the user signed in from before passes the per-user limits,
 * so guessing cannot lock a colleague out. The attempt is recorded (as a failure) before the
 * password is checked, under an advisory lock per key, so parallel guesses cannot all slip
 * through between the count and the record.
 */
export const FREE_FAILURES = 5;
export const BASE_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
export const USER_WINDOW_MINUTES = 60;
export const MAX_FAILURES_PER_USER = 20;
export const IP_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_IP = 30;

export interface LimitSubject {
  /** `user:<id>` when the username resolves to one user, else `name:<username>`. */
  subject: string;
  ip: string;
  /** Hash of the device id the client sent, if any. */
  deviceHash?: string;
  /** The device is one the resolved user signed in from before. */
  knownDevice: boolean;
}

export const hashDeviceId = (deviceId: string) => createHash('sha256').update(`cairn-device:${deviceId}`).digest('hex');

/** Keys whose failures a success from the same place forgets (they contain `|`). */
function keysOf(s: LimitSubject) {
  return {
    userIp: `${s.subject}|ip:${s.ip}`,
    user: s.subject,
    ip: `ip:${s.ip}`,
    device: s.deviceHash ? `${s.subject}|device:${s.deviceHash}` : undefined,
  };
}

interface KeyState {
  failures: number;
  secondsSinceLast: number;
}

async function failuresByKey(trx: Trx, keys: string[]): Promise<Map<string, KeyState>> {
  const { rows } = await sql<{ key: string; failures: number | string; seconds_since: number | string }>`
    select a.key, count(*) as failures, extract(epoch from now() - max(a.attempted_at)) as seconds_since
    from login_attempts a
    where a.key in (${sql.join(keys)})
      and not a.succeeded
      and a.attempted_at > now() - make_interval(mins => (case when a.key like 'ip:%' then ${IP_WINDOW_MINUTES} else ${USER_WINDOW_MINUTES} end)::int)
      and not (position('|' in a.key) > 0 and exists (
        select 1 from login_attempts s where s.key = a.key and s.succeeded and s.attempted_at >= a.attempted_at))
    group by a.key`.execute(trx);
  return new Map(rows.map((r) => [r.key, { failures: Number(r.failures), secondsSinceLast: Number(r.seconds_since) }]));
}

const limited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds)} seconds`, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });

/** The wait still owed after `failures` failures, the last one `since` seconds ago. */
export function remainingDelay(failures: number, since: number): number {
  if (failures < FREE_FAILURES) return 0;
  const delay = Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES));
  return Math.max(0, delay - since);
}

/**
 * Inside the caller's transaction: locks the subject's keys, refuses with 429 when a limit is
 * reached, else records the attempt as a failure and returns the ids to mark as a success.
 */
export async function admitAttempt(trx: Trx, s: LimitSubject): Promise<string[]> {
  const k = keysOf(s);
  const all = [k.userIp, k.user, k.ip, ...(k.device ? [k.device] : [])];
  for (const key of [...all].sort()) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  const state = await failuresByKey(trx, all);
  const get = (key: string | undefined) => (key && state.get(key)) || { failures: 0, secondsSinceLast: Infinity };

  const ip = get(k.ip);
  if (ip.failures >= MAX_FAILURES_PER_IP) throw limited(IP_WINDOW_MINUTES * 60 - ip.secondsSinceLast);
  // a known device that has not itself been guessing from passes the per-user limits
  const trusted = s.knownDevice && get(k.device).failures < FREE_FAILURES;
  if (!trusted) {
    const userIp = get(k.userIp);
    const wait = remainingDelay(userIp.failures, userIp.secondsSinceLast);
    if (wait > 0) throw limited(wait);
    const user = get(k.user);
    if (user.failures >= MAX_FAILURES_PER_USER) throw limited(USER_WINDOW_MINUTES * 60 - user.secondsSinceLast);
  }
  const inserted = await trx
    .insertInto('login_attempts')
    .values(all.map((key) => ({ key, succeeded: false })))
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Marks the attempt recorded by `admitAttempt` as a success. */
export async function markSucceeded(trx: Trx, ids: string[]): Promise<void> {
  if (ids.length) await trx.updateTable('login_attempts').set({ succeeded: true }).where('id', 'in', ids).execute();
}
