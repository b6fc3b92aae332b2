import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database, type OpenOptions } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp, API_VERSION } from './http/app.ts';
import { createBoss, type JobRunner } from './jobs/boss.ts';
import { registerJobs } from './jobs/register.ts';
import { LocalFileStorage } from './storage/file-storage.ts';
import { openReplica, type Replica } from './db/replica.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Stops taking requests, lets running ones and running jobs finish (bounded), closes the database. */
  close(): Promise<void>;
}

/** How long running jobs get to finish on shutdown before they are handed back to the queue for a retry. */
const JOB_STOP_TIMEOUT_MS = 5000;
/** Requests still running this long after shutdown began are cut off, so the database can close in time. */
const REQUEST_DRAIN_MS = 7000;

export interface OpenConfiguredOptions extends Pick<OpenOptions, 'command' | 'share' | 'whenInUse'> {
  /** Apply pending migrations after opening (default true). */
  migrate?: boolean;
}

export async function openConfiguredDatabase(config: Config, options: OpenConfiguredOptions = {}): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    appDbRole: config.appDbRole,
    timeouts: config.database,
    preparedStatements: config.preparedStatements,
    command: options.command,
    share: options.share,
    whenInUse: options.whenInUse,
  });
  try {
    if (options.migrate !== false) await migrateToLatest(database, config.appDbRole);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Starts jobs (unless disabled) and listens on an open, migrated database, which it then owns. */
export async function startServer(config: Config, database: Database): Promise<RunningServer> {
  const storage = new LocalFileStorage(path.join(config.dataDir, 'files'));
  let runner: JobRunner | undefined;
  let app: FastifyInstance | undefined;
  let replica: Replica | undefined;
  try {
    replica = openConfiguredReplica(config, database);
    app = await buildApp({
      replica,
      config,
      database,
      storage,
      version: API_VERSION,
      queueHealth: async () =>
        runner ? { ok: true } : { ok: false, detail: 'jobs are disabled on this instance (CAIRN_JOBS=off)' },
    });
    database.useLogger(app.log);
    if (config.jobs) {
      runner = await createBoss(database, { logger: app.log, stopTimeoutMs: JOB_STOP_TIMEOUT_MS });
      await registerJobs(runner, database, storage, app.log, {
        recycleBinPurgeCron: config.recycleBinPurgeCron,
        wecom: config.wecom,
      });
    }
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await runner?.stop();
    await app?.close();
    await replica?.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const listening = app;
  return {
    app: listening,
    database,
    url: `http://localhost:${port}`,
    async close() {
      const cutOff = setTimeout(() => listening.server.closeAllConnections(), REQUEST_DRAIN_MS);
      try {
        // CLI commands working through this server would otherwise hold the embedded database
        await database.stopSharing();
        await Promise.allSettled([listening.close(), runner?.stop()]);
      } finally {
        clearTimeout(cutOff);
        await replica?.close();
        await database.close();
      }
    },
  };
}

/** The replica in DATABASE_REPLICA_URL, connecting as the primary's app role (PostgreSQL only). */
function openConfiguredReplica(config: Config, database: Database): Replica | undefined {
  if (!config.databaseReplicaUrl) return undefined;
  if (database.kind !== 'postgres') throw new Error('DATABASE_REPLICA_URL needs DATABASE_URL (a PostgreSQL primary)');
  return openReplica(
    config.databaseReplicaUrl,
    database.rlsEnforced ? config.appDbRole : undefined,
    10,
    config.database,
    (error) => console.error(JSON.stringify({ level: 'warn', msg: 'replica connection lost', err: error.message })),
    { prepare: config.preparedStatements },
  );
}
