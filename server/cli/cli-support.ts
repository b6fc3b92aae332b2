import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openConfiguredDatabase } from '../server.ts';

/** Opens the configured database (migrated), runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite at ${config.dataDir}/pglite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Prints a failure and sets a non-zero exit status without a stack trace. */
export function fail(message: string): never {
  throw new Error(message);
}
