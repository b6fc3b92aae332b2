import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { beginTenant, commit, rollbackQuietly, type BatchedStatement, type Trx } from './tenant-transaction.ts';

/**
 * A tenant transaction that spans a request: opened by the authentication hook (the session
 * lookup is its first statement), used by the handler, and finished exactly once: committed by
 * the handler before the answer is sent, or rolled back on an error, an abort or an answer that
 * never used it.
 */
export interface RequestTransaction {
  /** The database it was opened on: only work for that database may join it. */
  readonly db: Kysely<DB>;
  readonly trx: Trx;
  readonly open: boolean;
  /** True while a handler runs statements on it (an abort then leaves the finishing to the handler). */
  busy: boolean;
  /** The rows of the statement that was sent with `begin` (`openRequestTransaction`'s `first`), else empty. */
  readonly firstRows: unknown[];
  /** Commits (`true`) or rolls back; later calls do nothing. A commit that turned into a rollback throws. */
  finish(commitIt: boolean): Promise<void>;
}

/**
 * Checks out a connection of `db`, begins a transaction for `tenantId` on it and holds it until
 * `finish`. `first` runs in the same round trip as `begin` (see `beginTenant`).
 */
export function openRequestTransaction(
  db: Kysely<DB>,
  tenantId: string,
  first?: BatchedStatement,
): Promise<RequestTransaction> {
  return new Promise((resolve, reject) => {
    let decide!: (commitIt: boolean) => void;
    const decided = new Promise<boolean>((r) => (decide = r));
    let opened = false;
    const held = db.connection().execute(async (connection) => {
      const firstRows = await beginTenant(db, connection, tenantId, first);
      opened = true;
      let open = true;
      resolve({
        db,
        trx: connection as unknown as Trx,
        busy: false,
        firstRows,
        get open() {
          return open;
        },
        finish(commitIt) {
          if (!open) return Promise.resolve();
          open = false;
          decide(commitIt);
          return held;
        },
      });
      if (await decided) await commit(connection);
      else await rollbackQuietly(connection);
    });
    held.catch((error: unknown) => {
      if (!opened) reject(error as Error);
    });
  });
}
