import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { useBatchedBegin, type Trx } from '../../server/db/tenant-transaction.ts';
import { APP_ROLE } from './test-database.ts';

/**
 * Dropped database connections in the middle of a job, injected from the test side only.
 *
 * The jobs under test get a database of their own (`jobDatabase`) whose Kysely counts the
 * statements it runs. `arm(trx)`, called from a job's fault hook inside its transaction, picks
 * a statement a few steps ahead; when that statement's answer arrives, the connection drops:
 * - on PostgreSQL, for real: `pg_terminate_backend` of the job transaction's backend, sent from
 *   the schema owner's connection. The job's next statement (or its commit) fails as the driver
 *   reports a lost connection, and the server rolls the transaction back. The jobs' connections
 *   are their own pool, so no request is ever the one cut off.
 * - on the embedded PGlite there is no connection to cut (one in-process session). The closest
 *   real equivalent is what the driver layer reports when one is lost: that statement's answer
 *   becomes the error node-postgres raises for a terminated connection (`Connection terminated
 *   unexpectedly`, SQLSTATE 08006), and the transaction rolls back as it would on the server.
 */
export interface ConnectionDrops {
  /** The database the job runner under test uses (same data; on PostgreSQL its own pools). */
  jobDatabase: Database;
  /** Arms a drop of `trx`'s connection 1–`within` statements from now (one armed at a time). */
  arm(trx: Trx, within?: number): Promise<boolean>;
  /** Drops that happened. */
  readonly dropped: number;
  close(): Promise<void>;
}

export function lostConnectionError(): Error {
  return Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' });
}

export async function connectionDrops(database: Database): Promise<ConnectionDrops> {
  let armed: { countdown: number; pid: number | undefined } | undefined;
  let dropped = 0;

  const plugin: KyselyPlugin = {
    transformQuery: ({ node }: PluginTransformQueryArgs) => node,
    async transformResult({ result }: PluginTransformResultArgs) {
      if (!armed || --armed.countdown > 0) return result;
      const { pid } = armed;
      armed = undefined;
      dropped++;
      if (pid === undefined) throw lostConnectionError();
      await database.raw('select pg_terminate_backend($1)', [pid]);
      return result;
    },
  };

  const own =
    database.kind === 'postgres'
      ? await openDatabase({ databaseUrl: database.connectionString, appDbRole: APP_ROLE, poolSize: 3 })
      : undefined;
  const base = own ?? database;
  const db = base.db.withPlugin(plugin);
  if (base.kind === 'postgres') useBatchedBegin(db);
  const jobDatabase: Database = { ...base, db, close: async () => {} };

  return {
    jobDatabase,
    async arm(trx, within = 20) {
      if (armed) return false;
      const pid =
        database.kind === 'postgres'
          ? (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid
          : undefined;
      armed = { countdown: 1 + Math.floor(Math.random() * within), pid };
      return true;
    },
    get dropped() {
      return dropped;
    },
    async close() {
      armed = undefined;
      await own?.close();
    },
  };
}
