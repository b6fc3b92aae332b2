import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem } from '../db/tenant-transaction.ts';

/** Sign-in attempts are kept a day (the limits look back an hour at most). */
export const LOGIN_ATTEMPT_RETENTION_HOURS = 24;
/** Revoked sessions are kept a day for the record; expired ones go at once. */
export const REVOKED_SESSION_RETENTION_HOURS = 24;
/** A device not seen for this long is no longer known (login-limits.ts). */
export const KNOWN_DEVICE_RETENTION_DAYS = 180;

export interface SignInPurgeResult {
  loginAttempts: number;
  sessions: number;
  knownDevices: number;
}

/** The daily `auth.sign-in-purge` job: old sign-in attempts, expired sessions and stale devices. */
export async function purgeSignInRecords(database: Database): Promise<SignInPurgeResult> {
  return asSystem(database.db, async (trx) => {
    const attempts = await trx
      .deleteFrom('login_attempts')
      .where('attempted_at', '<', sql<Date>`now() - make_interval(hours => ${LOGIN_ATTEMPT_RETENTION_HOURS})`)
      .executeTakeFirst();
    const sessions = await trx
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<', sql<Date>`now()`),
          eb('revoked_at', '<', sql<Date>`now() - make_interval(hours => ${REVOKED_SESSION_RETENTION_HOURS})`),
        ]),
      )
      .executeTakeFirst();
    const devices = await trx
      .deleteFrom('known_devices')
      .where('last_seen_at', '<', sql<Date>`now() - make_interval(days => ${KNOWN_DEVICE_RETENTION_DAYS})`)
      .executeTakeFirst();
    return {
      loginAttempts: Number(attempts.numDeletedRows),
      sessions: Number(sessions.numDeletedRows),
      knownDevices: Number(devices.numDeletedRows),
    };
  });
}
