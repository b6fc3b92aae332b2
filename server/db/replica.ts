import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseTimeouts } from '../config.ts';
import { answerDeadlineMs, createPool, kyselyPool, queryPool, type ConnectionErrorSink } from './pg-pool.ts';
import type { DB } from './schema.ts';
import { withTenant } from './tenant-transaction.ts';

/**
 * An optional streaming replica (DATABASE_REPLICA_URL) that list and export reads go to.
 *
 * Read-your-writes: after a request of a session that may have written, the primary's WAL insert
 * position is stored on the session (`sessions.write_lsn`, so every instance sees it). A read of
 * that session goes to the replica only once the replica has replayed past that position
 * (`pg_last_wal_replay_lsn()`); until then it goes to the primary.
 */
export interface Replica {
  db: Kysely<DB>;
  /** The database a read may use, for a session whose latest write is at `writeLsn`. */
  readerFor(primary: Kysely<DB>, writeLsn: string | null | undefined): Promise<Kysely<DB>>;
  /** How far the replica is behind `primary` (for /api/health); never throws. */
  status(primary: Kysely<DB>): Promise<ReplicaStatus>;
  close(): Promise<void>;
}

export interface ReplicaStatus {
  ok: boolean;
  /** WAL bytes the primary has written that the replica has not replayed yet. */
  lagBytes: number | null;
  /** Seconds since the replica replayed the newest transaction it has, 0 when it is caught up. */
  lagSeconds: number | null;
  detail?: string;
}

/** A WAL position ("16/B374D848") as a number that compares. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

export function openReplica(
  url: string,
  appRole: string | undefined,
  poolSize: number,
  timeouts: DatabaseTimeouts,
  onError: ConnectionErrorSink,
  statements: { prepare: boolean } = { prepare: true },
): Replica {
  const deadline = answerDeadlineMs(timeouts);
  const pool: pg.Pool = createPool(
    { connectionString: url },
    { name: 'replica', max: poolSize, timeouts, role: appRole, onError },
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: kyselyPool(pool, deadline, statements) }) });
  let replayed = -1n; // the newest replay position seen; it only grows

  async function replayPosition(): Promise<bigint> {
    const { rows } = await queryPool(pool, 'select pg_last_wal_replay_lsn()::text as lsn', [], deadline);
    const lsn = (rows[0] as { lsn: string | null } | undefined)?.lsn;
    if (lsn) {
      const position = parseLsn(lsn);
      if (position > replayed) replayed = position;
    }
    return replayed;
  }

  return {
    db,
    async readerFor(primary, writeLsn) {
      if (!writeLsn) return db;
      const needed = parseLsn(writeLsn);
      if (replayed >= needed) return db;
      try {
        return (await replayPosition()) >= needed ? db : primary;
      } catch {
        return primary; // a replica that does not answer cannot prove it has the write
      }
    },
    async status(primary) {
      try {
        // the insert position: with synchronous_commit off a committed write may not be flushed
        // yet, and it is still a write the replica has not replayed
        const current = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(primary);
        const { rows } = await queryPool(
          pool,
          `select pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::float8 as bytes,
                  extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as seconds`,
          [current.rows[0]!.lsn],
          deadline,
        );
        const row = rows[0] as { bytes: number | null; seconds: number | null };
        const lagBytes = row.bytes === null ? null : Math.max(0, row.bytes);
        return { ok: true, lagBytes, lagSeconds: lagBytes === 0 ? 0 : row.seconds };
      } catch (error) {
        return { ok: false, lagBytes: null, lagSeconds: null, detail: (error as Error).message };
      }
    },
    close: () => db.destroy(),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    replica?: Replica;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Makes `app` read-your-writes with `replica`: a session's request that may have written stores
 * the primary's WAL position on the session before its answer is sent.
 */
export function useReplica(app: FastifyInstance, primary: Kysely<DB>, replica: Replica) {
  app.decorate('replica', replica);
  app.addHook('onSend', async (request, _reply, payload) => {
    const actor = request.actor;
    if (!actor?.sessionId || safeMethods.has(request.method)) return payload;
    try {
      await withTenant(primary, actor.tenantId, (trx) =>
        sql`update sessions set write_lsn = pg_current_wal_insert_lsn()
            where tenant_id = ${actor.tenantId} and id = ${actor.sessionId}`.execute(trx),
      );
    } catch (error) {
      request.log.warn(
        { err: error },
        'could not record the write position of the session; its next reads may be stale',
      );
    }
    return payload;
  });
}

/** The database a list or export read of `request` goes to: the replica when it has the session's writes. */
export function readDatabase(request: FastifyRequest, primary: Kysely<DB>): Promise<Kysely<DB>> {
  const replica = request.server.replica;
  if (!replica) return Promise.resolve(primary);
  if (request.actor?.apiKeyId) return Promise.resolve(primary); // API keys have no session to carry the position
  return replica.readerFor(primary, request.actor?.writeLsn);
}
