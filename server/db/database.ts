import type { Kysely } from 'kysely';
import type { DatabaseTimeouts } from '../config.ts';
import { openEmbedded } from './embedded-database.ts';
import { noTimeouts, type ConnectionErrorSink } from './pg-pool.ts';
import { openPostgres } from './postgres-database.ts';
export { quoteIdent } from './postgres-database.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** Executes raw SQL for infrastructure that is not Kysely (pg-boss, migrations of extensions). */
export type RawExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface Database {
  kind: DatabaseKind;
  /** Where the data is, for people: "embedded PGlite at …", "PostgreSQL host:port/db". */
  description: string;
  db: Kysely<DB>;
  /** The schema owner's connection: migrations and maintenance, never request handling. */
  owner: Kysely<DB>;
  /** Runs SQL with the owner's rights, outside the app role (pg-boss, migrations). */
  raw: RawExecutor;
  /** True when the app connection runs as a role that RLS applies to. */
  rlsEnforced: boolean;
  connectionString?: string;
  timeouts: DatabaseTimeouts;
  /** Whether the database answers within `ms` (health checks); never throws. */
  ping(ms: number): Promise<boolean>;
  /**
   * Stops serving the embedded database to other processes; their connections are cut and their
   * open transactions roll back (first step of a shutdown). A no-op elsewhere.
   */
  stopSharing(): Promise<void>;
  /** Where dropped connections are reported from now on (default: stderr). */
  useLogger(logger: ConnectionLogger): void;
  close(): Promise<void>;
}

/** A database as an opener returns it; `openDatabase` adds where connection errors go. */
export type OpenedDatabase = Omit<Database, 'useLogger'>;

export interface ConnectionLogger {
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** When true, an in-memory PGlite is used (tests); `dataDir` is ignored. */
  memory?: boolean;
  appDbRole?: string;
  poolSize?: number;
  /** PostgreSQL: prepare statements with parameters once per connection (default true; see pg-pool.ts). */
  preparedStatements?: boolean;
  timeouts?: DatabaseTimeouts;
  /** A PGlite data-dir dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
  /** Who opens an embedded data directory, written to its lock file (e.g. "cairn serve"). */
  command?: string;
  /** Serve the embedded database to other processes over a Unix socket while open (`cairn serve`). */
  share?: boolean;
  /**
   * When another process holds the embedded data directory: 'fail' (default) or 'connect' through
   * its socket if it shares one (CLI commands while `cairn serve` runs).
   */
  whenInUse?: 'fail' | 'connect';
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const timeouts = options.timeouts ?? noTimeouts;
  let logger: ConnectionLogger = stderrLogger;
  const onError: ConnectionErrorSink = (error, pool) =>
    logger.warn(
      { pool, err: { message: error.message, code: (error as { code?: unknown }).code } },
      'database connection lost',
    );
  const opened = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.appDbRole ?? '', options.poolSize ?? 10, timeouts, onError, {
        prepare: options.preparedStatements ?? true,
      })
    : await openEmbedded(options, timeouts, onError);
  return { ...opened, useLogger: (next) => (logger = next) };
}

const stderrLogger: ConnectionLogger = {
  warn(obj, msg) {
    console.error(JSON.stringify({ level: 'warn', time: Date.now(), ...obj, msg }));
  },
};
