import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp, API_VERSION } from './http/app.ts';
import { createBoss, type JobRunner } from './jobs/boss.ts';
import { registerJobs } from './jobs/register.ts';
import { LocalFileStorage } from './storage/file-storage.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    appDbRole: config.appDbRole,
  });
  await migrateToLatest(database, config.appDbRole);
  return database;
}

/** Opens the database, migrates, starts jobs (unless disabled) and listens. */
export async function startServer(config: Config, database?: Database): Promise<RunningServer> {
  const db = database ?? (await openConfiguredDatabase(config));
  const storage = new LocalFileStorage(path.join(config.dataDir, 'files'));
  let runner: JobRunner | undefined;
  const app = await buildApp({
    config,
    database: db,
    storage,
    version: API_VERSION,
    queueHealth: async () =>
      runner ? { ok: true } : { ok: false, detail: 'jobs are disabled on this instance (CAIRN_JOBS=off)' },
  });
  if (config.jobs) {
    runner = await createBoss(db, { logger: app.log });
    await registerJobs(runner, db, storage, app.log);
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    database: db,
    url: `http://localhost:${port}`,
    async close() {
      await app.close();
      await runner?.stop();
      await db.close();
    },
  };
}
