import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { batchExecuting, batchStatementsOn } from './batch-statements.ts';

export type Trx = Transaction<DB>;

/** Databases whose driver takes `begin` and the tenant setting as one simple-protocol batch. */
const batchedBegin = new WeakSet<Kysely<DB>>();
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lets `withTenant` and `asSystem` send `begin` with their setting in one round trip (node-postgres pools, PGlite). */
export function useBatchedBegin(db: Kysely<DB>) {
  batchedBegin.add(db);
}

/**
 * Runs `fn` in a transaction whose `app.tenant_id` is set, so the RLS backstop admits only
 * that tenant's rows. Every request and job touching business tables goes through here.
 */
export function withTenant<T>(db: Kysely<DB>, tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (batchedBegin.has(db) && uuidPattern.test(tenantId)) return batchedTransaction(db, tenantId, fn);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}

/**
 * `begin` and the tenant setting travel as one simple-protocol batch (no parameters; the tenant
 * id is a checked UUID), then `fn` runs on that connection and the transaction commits or rolls
 * back as Kysely's own would.
 */
function batchedTransaction<T>(db: Kysely<DB>, tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return inBatchedTransaction(db, (connection) => beginTenant(db, connection, tenantId), fn);
}

function inBatchedTransaction<T>(
  db: Kysely<DB>,
  begin: (connection: Kysely<DB>) => Promise<unknown>,
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await begin(connection);
    let result: T;
    try {
      result = await fn(connection as unknown as Trx);
    } catch (error) {
      await rollbackQuietly(connection);
      throw error;
    }
    await commit(connection);
    return result;
  });
}

/** A statement that travels in the `begin` batch, by its batch-statement name (db/batch-statements.ts). */
export interface BatchedStatement {
  name: string;
  values: string[];
}

/**
 * Opens a tenant transaction on a connection checked out of `db`: `begin` and the tenant setting
 * in one simple-protocol round trip where the driver allows it, else two statements. `first`
 * (only where `batchStatementsOn(db)`) runs in that same round trip, and its rows are returned.
 */
export async function beginTenant(
  db: Kysely<DB>,
  connection: Kysely<DB>,
  tenantId: string,
  first?: BatchedStatement,
): Promise<unknown[]> {
  try {
    if (batchedBegin.has(db) && uuidPattern.test(tenantId)) {
      const begin = `begin; select set_config('app.tenant_id', '${tenantId}', true)`;
      if (!first) {
        await sql.raw(begin).execute(connection);
        return [];
      }
      if (!batchStatementsOn(db)) throw new Error('this database does not prepare batch statements');
      return (await sql.raw(batchExecuting(begin, first.name, first.values)).execute(connection)).rows;
    }
    if (first) throw new Error('this database does not batch its begin');
    await sql.raw('begin').execute(connection);
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(connection);
    return [];
  } catch (error) {
    await rollbackQuietly(connection);
    throw error;
  }
}

export async function rollbackQuietly(connection: Kysely<DB>) {
  await sql
    .raw('rollback')
    .execute(connection)
    .catch(() => {});
}

export async function commit(connection: Kysely<DB>) {
  const { rows } = await sql.raw<{ command?: string }>('commit').execute(connection);
  // PostgreSQL answers COMMIT with ROLLBACK when an earlier error left the transaction aborted
  if (rows[0]?.command === 'ROLLBACK')
    throw new Error('the transaction was aborted by an earlier error and rolled back');
}

/**
 * Runs `fn` across tenants (login lookup, job sweeps, seeding a new tenant). Use sparingly:
 * anything reached from a request must run through `withTenant`.
 */
export function asSystem<T>(db: Kysely<DB>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (batchedBegin.has(db))
    return inBatchedTransaction(
      db,
      async (connection) => {
        try {
          await sql.raw(`begin; select set_config('app.system', 'on', true)`).execute(connection);
        } catch (error) {
          await rollbackQuietly(connection);
          throw error;
        }
      },
      fn,
    );
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.system', 'on', true)`.execute(trx);
    return fn(trx);
  });
}
