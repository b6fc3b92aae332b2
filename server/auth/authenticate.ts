import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../resources/context.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { unauthenticated } from '../errors.ts';
import { assembleAccess, loadAccess, type AccessContext } from '../access/access-context.ts';
import { tenantAccess, userAccessColumns, userAccessFromRow, type UserAccessRow } from '../access/access-cache.ts';
import { parseToken } from './tokens.ts';
import { reusedAccess } from '../access/context-reuse.ts';
import { openRequestTransaction, type RequestTransaction } from '../db/request-transaction.ts';
import { batchStatement, batchStatementsOn, inlineableValues } from '../db/batch-statements.ts';

type UserRow = {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: string;
  is_service: boolean;
  department_id: string | null;
};

export function actorFromUser(user: UserRow, extra: Partial<Actor> = {}): Actor {
  return {
    tenantId: user.tenant_id,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role === 'admin' ? 'admin' : 'member',
    isService: user.is_service,
    departmentId: user.department_id,
    ...extra,
  };
}

const userColumns = [
  'users.id',
  'users.tenant_id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.is_service',
  'users.department_id',
] as const;

type SessionRow = UserRow & UserAccessRow & { session_id: string; write_lsn: string | null };

/**
 * The session, its user and the user's own part of their access in one statement: a revoked or
 * expired session, or a disabled or deleted user, finds no row.
 */
const sessionLookup = (tenantId: string, secretHash: string) => sql<SessionRow>`
    select users.id, users.tenant_id, users.username, users.display_name, users.role, users.is_service, users.department_id,
           sessions.id as session_id, sessions.write_lsn::text as write_lsn,
           ${userAccessColumns(tenantId, sql.ref('users.id'))}
    from sessions join users on users.tenant_id = sessions.tenant_id and users.id = sessions.user_id
    where sessions.tenant_id = ${tenantId} and sessions.token_hash = ${secretHash} and sessions.revoked_at is null
      and sessions.expires_at > now() and users.deleted_at is null and users.is_active`;

async function sessionAccess(trx: Trx, tenantId: string, secretHash: string) {
  const { rows } = await sessionLookup(tenantId, secretHash).execute(trx);
  return fromSessionRow(trx, tenantId, rows[0]);
}

async function fromSessionRow(trx: Trx, tenantId: string, row: SessionRow | undefined) {
  if (!row) return undefined;
  const tenant = await tenantAccess(trx, tenantId, row.access_version);
  return reusedAccess(row.session_id, JSON.stringify(row), tenant, () => {
    const actor = actorFromUser(row, { sessionId: row.session_id, writeLsn: row.write_lsn });
    return { actor, access: assembleAccess(actor, userAccessFromRow(row), tenant) };
  });
}

const sessionStatements = new WeakMap<Kysely<DB>, string>();

/**
 * The session lookup as a batch statement of `db` ($1 the tenant, $2 the secret's hash), so it
 * travels with `begin` (db/batch-statements.ts): the lookup compiled once with marker values.
 */
function sessionStatementOf(db: Kysely<DB>): string {
  let name = sessionStatements.get(db);
  if (!name) {
    const [tenant, hash] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const compiled = sessionLookup(tenant, hash).compile(db);
    const text = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
      const value = compiled.parameters[Number(n) - 1];
      if (value === tenant) return '$1';
      if (value === hash) return '$2';
      throw new Error('the session lookup has a parameter that is neither the tenant nor the hash');
    });
    sessionStatements.set(db, (name = batchStatement(text)));
  }
  return name;
}

async function apiKeyActor(trx: Trx, tenantId: string, secretHash: string): Promise<Actor | undefined> {
  const row = await trx
    .selectFrom('api_keys')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'api_keys.tenant_id').onRef('users.id', '=', 'api_keys.user_id'),
    )
    .select([...userColumns, 'api_keys.id as key_id'])
    .where('api_keys.tenant_id', '=', tenantId)
    .where('api_keys.key_hash', '=', secretHash)
    .where('api_keys.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('api_keys.expires_at', 'is', null), eb('api_keys.expires_at', '>', sql<Date>`now()`)]))
    .where('users.deleted_at', 'is', null)
    .where('users.is_active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  await trx
    .updateTable('api_keys')
    .set({ last_used_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', row.key_id)
    .execute();
  return actorFromUser(row, { apiKeyId: row.key_id });
}

/** Resolves `Authorization: Bearer …` to an actor and their access, or throws 401. */
export async function authenticateBearer(
  db: Kysely<DB>,
  header: string | undefined,
): Promise<{ actor: Actor; access: AccessContext }> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw unauthenticated('send Authorization: Bearer <token>');
  return authenticateToken(db, match[1]!);
}

/** Resolves a session token or API key (`only: 'session'` refuses keys) to an actor and their access. */
export async function authenticateToken(
  db: Kysely<DB>,
  token: string,
  only?: 'session',
): Promise<{ actor: Actor; access: AccessContext }> {
  const parsed = parsedToken(token, only);
  const result = await withTenant(db, parsed.tenantId, (trx) => resolveToken(trx, parsed));
  if (!result) throw refused();
  return result;
}

/**
 * Like `authenticateToken`, but the lookup is the first statement of a request transaction that
 * stays open for the handler (one transaction per request); it is rolled back when refused.
 */
export async function authenticateInTransaction(
  db: Kysely<DB>,
  token: string,
  only?: 'session',
): Promise<{ actor: Actor; access: AccessContext; transaction: RequestTransaction }> {
  const parsed = parsedToken(token, only);
  // a session's lookup travels with `begin` where the database allows it: one round trip
  const batched =
    parsed.kind === 'session' && batchStatementsOn(db) && inlineableValues([parsed.tenantId, parsed.secretHash]);
  const transaction = await openRequestTransaction(
    db,
    parsed.tenantId,
    batched ? { name: sessionStatementOf(db), values: [parsed.tenantId, parsed.secretHash] } : undefined,
  );
  let result: Awaited<ReturnType<typeof resolveToken>>;
  try {
    result = batched
      ? await fromSessionRow(transaction.trx, parsed.tenantId, transaction.firstRows[0] as SessionRow | undefined)
      : await resolveToken(transaction.trx, parsed);
  } catch (error) {
    await transaction.finish(false);
    throw error;
  }
  if (!result) {
    await transaction.finish(false);
    throw refused();
  }
  return { ...result, transaction };
}

const refused = () => unauthenticated('the session has expired or the key was revoked; sign in again');

function parsedToken(token: string, only: 'session' | undefined) {
  const parsed = parseToken(token);
  if (!parsed || (only && parsed.kind !== only)) throw unauthenticated('the token is malformed');
  return parsed;
}

async function resolveToken(
  trx: Trx,
  parsed: NonNullable<ReturnType<typeof parseToken>>,
): Promise<{ actor: Actor; access: AccessContext } | undefined> {
  if (parsed.kind === 'session') return sessionAccess(trx, parsed.tenantId, parsed.secretHash);
  const actor = await apiKeyActor(trx, parsed.tenantId, parsed.secretHash);
  return actor && { actor, access: await loadAccess(trx, actor) };
}
