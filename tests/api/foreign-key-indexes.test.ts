import { expect, it } from 'vitest';
import { unindexedForeignKeys } from '../../server/consistency/checks.ts';
import type { Trx } from '../../server/db/tenant-transaction.ts';
import { testDatabase } from '../support/test-database.ts';

/**
 * Every foreign key of the migrated schema has a whole-table index that starts with its columns:
 * without one, deleting or re-keying a parent row scans the whole child table (a partial index
 * does not serve the key's referential action), and lists filtered by the key cannot use an index.
 * It runs the consistency scan's own check (`unindexed_foreign_key`), so the scan of a fresh
 * install finds nothing there either.
 */
it('every foreign key has an index that starts with its columns', async () => {
  const database = await testDatabase();
  const findings = await unindexedForeignKeys(database.owner as unknown as Trx);
  expect(findings.map((f) => f.detail)).toEqual([]);
});
