import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import type { RequestMeta } from '../resources/context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { fieldError, unauthenticated } from '../errors.ts';
import { admitAttempt, hashDeviceId, markSucceeded } from './login-limits.ts';
import { actorFromUser } from './authenticate.ts';
import { issueSessionToken } from './tokens.ts';

let dummyHash: Promise<string> | undefined;

/** Devices remembered per user (the most recently used). */
export const MAX_KNOWN_DEVICES = 20;

const DEVICE_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** A device id the client sent (cookie or header), if it has the shape of one. */
export const validDeviceId = (value: unknown): string | undefined =>
  typeof value === 'string' && DEVICE_ID.test(value) ? value : undefined;

export interface LoginInput {
  username: string;
  password: string;
  tenant?: string;
}

/**
 * Checks a username and password and opens a session. The limits of login-limits.ts are keyed
 * on the resolved user (whatever the tenant field says), and `deviceId` names the client's
 * device: the right password from a device the user signed in from before passes the per-user
 * delay. Returns the device id to remember (a new one when the client had none).
 */
export async function login(
  db: Kysely<DB>,
  input: LoginInput,
  meta: RequestMeta,
  ttlHours: number,
  deviceId: string | undefined = undefined,
) {
  const username = input.username.trim().toLowerCase();
  const candidates = await asSystem(db, (trx) =>
    trx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.id',
        'users.tenant_id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.is_service',
        'users.department_id',
        'users.password_hash',
        'tenants.name as tenant_name',
        'tenants.slug',
      ])
      .where(sql`lower(users.username)`, '=', username)
      .where('users.deleted_at', 'is', null)
      .where('users.is_active', '=', true)
      .where('users.is_service', '=', false)
      .$if(Boolean(input.tenant), (q) => q.where('tenants.slug', '=', input.tenant!))
      .execute(),
  );
  if (candidates.length > 1)
    throw fieldError('tenant', 'this username exists in several companies; give the company code (tenant)');

  const user = candidates[0];
  const deviceHash = deviceId ? hashDeviceId(deviceId) : undefined;
  const attemptIds = await asSystem(db, async (trx) => {
    const knownDevice =
      Boolean(user && deviceHash) &&
      Boolean(
        await trx
          .selectFrom('known_devices')
          .select('user_id')
          .where('tenant_id', '=', user!.tenant_id)
          .where('user_id', '=', user!.id)
          .where('device_hash', '=', deviceHash!)
          .executeTakeFirst(),
      );
    return admitAttempt(trx, {
      subject: user ? `user:${user.id}` : `name:${username}`,
      ip: meta.ip ?? 'unknown',
      deviceHash,
      knownDevice,
    });
  });
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  if (!user || !ok) throw unauthenticated('wrong username or password');
  const device = deviceId ?? randomBytes(24).toString('base64url');

  const { token, secretHash } = issueSessionToken(user.tenant_id);
  const actor = actorFromUser(user);
  await withTenant(db, user.tenant_id, async (trx) => {
    await markSucceeded(trx, attemptIds);
    await trx
      .insertInto('known_devices')
      .values({ tenant_id: user.tenant_id, user_id: user.id, device_hash: hashDeviceId(device) })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'device_hash']).doUpdateSet({ last_seen_at: sql`now()` }))
      .execute();
    // a client that keeps no cookie gets a new device id each time: only the latest few are known
    await trx
      .deleteFrom('known_devices')
      .where('tenant_id', '=', user.tenant_id)
      .where('user_id', '=', user.id)
      .where(
        'device_hash',
        'not in',
        trx
          .selectFrom('known_devices')
          .select('device_hash')
          .where('tenant_id', '=', user.tenant_id)
          .where('user_id', '=', user.id)
          .orderBy('last_seen_at', 'desc')
          .limit(MAX_KNOWN_DEVICES),
      )
      .execute();
    const sessionId = newId();
    await trx
      .insertInto('sessions')
      .values({
        tenant_id: user.tenant_id,
        id: sessionId,
        user_id: user.id,
        token_hash: secretHash,
        expires_at: new Date(Date.now() + ttlHours * 3600_000),
        ip: meta.ip,
        user_agent: meta.userAgent,
      })
      .execute();
    await trx
      .updateTable('users')
      .set({ last_login_at: sql`now()` })
      .where('tenant_id', '=', user.tenant_id)
      .where('id', '=', user.id)
      .execute();
    await writeAudit({ actor, meta, trx }, [{ action: 'login', recordType: 'user', recordId: user.id, changes: {} }]);
  });
  return {
    token,
    deviceId: device,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: actor.role,
      tenantId: user.tenant_id,
      tenantName: user.tenant_name,
    },
  };
}
