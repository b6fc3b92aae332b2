import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const url = process.env.DATABASE_URL;
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

describe.skipIf(!url)('instances starting together on one PostgreSQL', () => {
  it('migrate and grant the app role side by side without "tuple concurrently updated"', async () => {
    const { appDbRole } = loadConfig();
    for (let i = 0; i < 4; i++) opened.push(await openDatabase({ databaseUrl: url, appDbRole, poolSize: 2 }));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(opened.map((database) => migrateToLatest(database, appDbRole)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
  });
});
