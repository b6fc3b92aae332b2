import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.ts';
import { Mutex } from './mutex.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Executes raw SQL for infrastructure that is not Kysely (pg-boss, migrations of extensions). */
export type RawExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** The schema owner's connection: migrations and maintenance, never request handling. */
  owner: Kysely<DB>;
  /** Runs SQL with the owner's rights, outside the app role (pg-boss, migrations). */
  raw: RawExecutor;
  /** True when the app connection runs as a role that RLS applies to. */
  rlsEnforced: boolean;
  connectionString?: string;
  close(): Promise<void>;
}

// numeric and bigint stay strings/numbers we control; date stays 'YYYY-MM-DD'.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** When true, an in-memory PGlite is used (tests); `dataDir` is ignored. */
  memory?: boolean;
  appDbRole?: string;
  poolSize?: number;
  /** A PGlite data-dir dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.appDbRole ?? '', options.poolSize ?? 10);
  return openPGlite(options);
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = path.join(options.dataDir ?? './data', 'pglite');
    await fs.mkdir(dataDir, { recursive: true });
  }
  const pglite: PGlite = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.numeric]: (v: string) => v,
      [OID.date]: (v: string) => v,
    },
  });
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  const raw: RawExecutor = (text, values) =>
    mutex.runExclusive(async () => {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    });
  return {
    kind: 'pglite',
    db,
    owner: db,
    raw,
    rlsEnforced: false,
    async close() {
      await db.destroy();
      await mutex.runExclusive(() => pglite.close());
    },
  };
}

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (v: string) => Number(v);
    if (oid === OID.numeric || oid === OID.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

async function openPostgres(url: string, appRole: string, poolSize: number): Promise<Database> {
  const ownerPool = new pg.Pool({ connectionString: url, max: 3, types: typeParsers });
  const roleUsable = appRole ? await ensureAppRole(ownerPool, appRole) : false;
  const appPool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers });
  if (roleUsable) {
    appPool.on('connect', (client) => {
      client.query(`set role ${quoteIdent(appRole)}`).catch(() => client.release(true));
    });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: appPool }) });
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const raw: RawExecutor = async (text, values) => {
    const result = await ownerPool.query(text, values as unknown[] | undefined);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { rows: last?.rows ?? [] };
  };
  return {
    kind: 'postgres',
    db,
    owner,
    raw,
    rlsEnforced: roleUsable,
    connectionString: url,
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
  const { rows } = await pool.query(
    `select pg_has_role(current_user, oid, 'member') as ok from pg_roles where rolname = $1`,
    [role],
  );
  return rows[0]?.ok === true;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
