import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseTimeouts } from '../config.ts';
import { DataDirInUseError, liveHolder, lockDataDir, type DataDirLock, type LockHolder } from './data-dir-lock.ts';
import type { OpenedDatabase, OpenOptions } from './database.ts';
import { serveEmbeddedDatabase, type EmbeddedSocketServer } from './embedded-socket-server.ts';
import { Mutex } from './mutex.ts';
import { createPool, kyselyPool, OID, pingPool, queryPool, type ConnectionErrorSink } from './pg-pool.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';
import { useBatchedBegin } from './tenant-transaction.ts';
import { useBatchStatements } from './batch-statements.ts';

/** How long a CLI command waits for a starting `cairn serve` to open its socket. */
const SOCKET_WAIT_MS = 60_000;

/**
 * Opens the embedded database: in memory (tests), or the data directory under an exclusive
 * lock. While another process holds the directory, `whenInUse: 'connect'` reaches its database
 * through the socket it shares; otherwise opening fails before any file is touched.
 */
export async function openEmbedded(
  options: OpenOptions,
  timeouts: DatabaseTimeouts,
  onError: ConnectionErrorSink,
): Promise<OpenedDatabase> {
  if (options.memory) return openPGlite(options, undefined, undefined, timeouts, onError);
  const dataDir = path.resolve(options.dataDir ?? './data');
  for (const started = Date.now(); ; await sleep(200)) {
    try {
      const lock = lockDataDir(
        dataDir,
        options.command ?? `cairn ${process.argv.slice(2, 4).join(' ')}`,
        Boolean(options.share),
      );
      try {
        return await openPGlite(options, dataDir, lock, timeouts, onError);
      } catch (error) {
        lock.release();
        throw error;
      }
    } catch (error) {
      if (!(error instanceof DataDirInUseError) || options.whenInUse !== 'connect' || !error.holder.shares) throw error;
      if (error.holder.socket) return openThroughHolder(dataDir, error.holder, timeouts, onError);
      if (Date.now() - started > SOCKET_WAIT_MS) throw error; // still starting, or stuck
    }
  }
}

async function openPGlite(
  options: OpenOptions,
  dataDir: string | undefined,
  lock: DataDirLock | undefined,
  timeouts: DatabaseTimeouts,
  onError: ConnectionErrorSink,
): Promise<OpenedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pgliteDir = dataDir ? path.join(dataDir, 'pglite') : undefined;
  if (pgliteDir) await fs.mkdir(pgliteDir, { recursive: true });
  const pglite: PGlite = await PGlite.create({
    dataDir: pgliteDir,
    loadDataDir: options.loadDataDir,
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.numeric]: (v: string) => v,
      [OID.date]: (v: string) => v,
    },
  });
  const mutex = new Mutex();
  let socketServer: EmbeddedSocketServer | undefined;
  if (options.share && lock && dataDir) {
    const socket = { dir: path.join(dataDir, 'run'), port: 5432, password: randomBytes(24).toString('base64url') };
    socketServer = await serveEmbeddedDatabase(pglite, mutex, {
      socket,
      idleInTransactionTimeoutMs: timeouts.idleInTransactionTimeoutMs,
      onError: (error) => onError(error, 'embedded socket'),
    });
    lock.advertise(socket);
  }
  const stopSharing = async () => {
    const stopping = socketServer;
    socketServer = undefined;
    await stopping?.close();
  };
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  useBatchedBegin(db); // each statement costs a trip through the engine: begin and the setting as one
  useBatchStatements(db); // and the session lookup travels with them, prepared once (pglite-dialect.ts)
  const raw: OpenedDatabase['raw'] = (text, values) =>
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
    description: dataDir ? `embedded PGlite at ${pgliteDir}` : 'embedded PGlite in memory',
    db,
    owner: db,
    raw,
    rlsEnforced: false,
    timeouts,
    ping: (ms) => answersWithin(raw('select 1'), ms),
    stopSharing,
    async close() {
      try {
        await stopSharing();
        await db.destroy();
        await mutex.runExclusive(() => pglite.close());
      } finally {
        lock?.release();
      }
    },
  };
}

/** The embedded database of a running `cairn serve`, through its socket and the ordinary pg driver. */
async function openThroughHolder(
  dataDir: string,
  holder: LockHolder,
  timeouts: DatabaseTimeouts,
  onError: ConnectionErrorSink,
): Promise<OpenedDatabase> {
  const { dir, port, password } = holder.socket!;
  // one connection: the embedded database has a single session anyway
  const pool = createPool(
    { host: dir, port, user: 'postgres', database: 'postgres', password },
    { name: 'cli', max: 1, timeouts: { ...timeouts, statementTimeoutMs: 0 }, onError },
  );
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: kyselyPool(pool, 0) }) });
  try {
    await pool.query('select 1');
  } catch (error) {
    await db.destroy();
    if (!liveHolder(dataDir)) throw new Error(`the server holding ${dataDir} stopped; run the command again`);
    throw error;
  }
  return {
    kind: 'pglite',
    description: `embedded PGlite at ${path.join(dataDir, 'pglite')}, through the running "${holder.command}" (pid ${holder.pid})`,
    db,
    owner: db,
    raw: async (text, values) => ({ rows: (await queryPool(pool, text, values, 0)).rows }),
    rlsEnforced: false,
    timeouts,
    ping: (ms) => pingPool(pool, ms),
    stopSharing: async () => {},
    close: () => db.destroy(),
  };
}

async function answersWithin(query: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([query.then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
