import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { DatabaseTimeouts } from '../config.ts';
import type { OpenedDatabase } from './database.ts';
import { answerDeadlineMs, createPool, kyselyPool, pingPool, queryPool, type ConnectionErrorSink } from './pg-pool.ts';
import type { DB } from './schema.ts';
import { useBatchedBegin } from './tenant-transaction.ts';
import { useBatchStatements } from './batch-statements.ts';

export async function openPostgres(
  url: string,
  appRole: string,
  poolSize: number,
  timeouts: DatabaseTimeouts,
  onError: ConnectionErrorSink,
  statements: { prepare: boolean } = { prepare: true },
): Promise<OpenedDatabase> {
  const deadline = answerDeadlineMs(timeouts);
  // The owner runs migrations (which may take long): no statement timeout there.
  const ownerPool = createPool(
    { connectionString: url },
    { name: 'owner', max: 3, timeouts: { ...timeouts, statementTimeoutMs: 0 }, onError },
  );
  let roleUsable = false;
  try {
    roleUsable = appRole ? await ensureAppRole(ownerPool, appRole) : false;
  } catch (error) {
    await ownerPool.end();
    throw error;
  }
  const appPool = createPool(
    { connectionString: url },
    { name: 'app', max: poolSize, timeouts, role: roleUsable ? appRole : undefined, onError },
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: kyselyPool(appPool, deadline, statements) }) });
  useBatchedBegin(db);
  if (statements.prepare) useBatchStatements(db);
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: kyselyPool(ownerPool, 0) }) });
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    db,
    owner,
    raw: async (text, values) => {
      const result = (await queryPool(ownerPool, text, values, 0)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [] };
    },
    rlsEnforced: roleUsable,
    connectionString: url,
    timeouts,
    ping: (ms) => pingPool(appPool, ms),
    stopSharing: async () => {},
    async close() {
      await db.destroy();
      await owner.destroy();
    },
  };
}

/**
 * Makes sure the unprivileged app role exists (NOLOGIN, NOBYPASSRLS) and that the connecting
 * user may switch to it. Returns false when that is impossible; the app then runs as the
 * connecting user and RLS is only a backstop if that user is not the owner or a superuser.
 */
async function ensureAppRole(pool: pg.Pool, role: string): Promise<boolean> {
  const exists = await pool.query(`select 1 from pg_roles where rolname = $1`, [role]);
  if (exists.rowCount === 0) {
    try {
      await pool.query(`create role ${quoteIdent(role)} nologin nobypassrls`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42710') return false; // 42710: created concurrently
    }
  }
  try {
    await pool.query(`grant ${quoteIdent(role)} to current_user`);
  } catch {
    // a superuser is already a member of every role; anyone else needs the grant from an admin
  }
  const { rows } = await pool.query<{ ok: boolean }>(
    `select pg_has_role(current_user, oid, 'member') as ok from pg_roles where rolname = $1`,
    [role],
  );
  return rows[0]?.ok === true;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
