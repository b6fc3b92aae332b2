import { openDatabase, type Database } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export const APP_ROLE = 'cairn_app';
let shared: Promise<Database> | undefined;

/**
 * The database the whole test run shares: an in-memory PGlite by default, or the PostgreSQL
 * database in DATABASE_URL (CI runs the suite on both). Tests isolate themselves by tenant.
 */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const url = process.env.DATABASE_URL;
    const database = url
      ? await openDatabase({ databaseUrl: url, appDbRole: APP_ROLE, poolSize: 5 })
      : await openDatabase({ memory: true });
    await migrateToLatest(database, APP_ROLE);
    return database;
  })();
  return shared;
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
