import { sql, type Kysely } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import type { RequestMeta } from '../resources/context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { AppError, fieldError, unauthenticated } from '../errors.ts';
import { actorFromUser } from './authenticate.ts';
import { issueSessionToken } from './tokens.ts';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

let dummyHash: Promise<string> | undefined;

/** Failed attempts are counted in the database, so the limit holds across app instances. */
async function assertNotRateLimited(db: Kysely<DB>, keys: string[]) {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', sql<number>`count(*)`.as('failures')])
    .where('key', 'in', keys)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)
    .groupBy('key')
    .execute();
  for (const row of rows) {
    const limit = row.key.startsWith('ip:') ? MAX_FAILURES_PER_IP : MAX_FAILURES_PER_USERNAME;
    if (Number(row.failures) >= limit) {
      throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${LOGIN_WINDOW_MINUTES} minutes`, {
        retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
      });
    }
  }
}

export interface LoginInput {
  username: string;
  password: string;
  tenant?: string;
}

export async function login(db: Kysely<DB>, input: LoginInput, meta: RequestMeta, ttlHours: number) {
  const username = input.username.trim().toLowerCase();
  const keys = [`user:${input.tenant ?? ''}:${username}`, `ip:${meta.ip ?? 'unknown'}`];
  await assertNotRateLimited(db, keys);

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
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  await db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, succeeded: ok && Boolean(user) })))
    .execute();
  if (!user || !ok) throw unauthenticated('wrong username or password');

  const { token, secretHash } = issueSessionToken(user.tenant_id);
  const actor = actorFromUser(user);
  await withTenant(db, user.tenant_id, async (trx) => {
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
