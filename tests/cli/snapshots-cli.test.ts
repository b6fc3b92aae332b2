import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { openDatabase } from '../../server/db/database.ts';
import { runCairn, tempDataDir } from '../support/cairn-process.ts';

// The real binary on an embedded data directory of its own, or on the suite's PostgreSQL
// database (in a company of its own) when DATABASE_URL is set.
const dataDir = tempDataDir();
const env: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL, CAIRN_DATA_DIR: dataDir }
  : { CAIRN_DATA_DIR: dataDir };
const slug = `snap-${newId().slice(-8)}`;

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cairn snapshots', () => {
  it(
    'seals a month, verifies the chain (head hash, exit 0), and names a tampered link (exit 1)',
    { timeout: 300_000 },
    async () => {
      const seeded = await runCairn(['seed', '--demo', '--slug', slug, '--customers', '5', '--orders', '5'], env);
      expect(seeded.code, seeded.stderr).toBe(0);
      const sealed = await runCairn(['snapshots', 'seal', '--month', '2026-05', '--tenant', slug], env);
      expect(sealed.code, sealed.stderr).toBe(0);
      const hashes = [...sealed.stdout.matchAll(/sealed \S+\thash ([0-9a-f]{64})/g)].map((m) => m[1]);
      expect(hashes.length).toBeGreaterThan(0);
      const verified = await runCairn(['snapshots', 'verify', '--tenant', slug], env);
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(`${slug}\tok\t`);
      expect(verified.stdout).toContain(`head ${hashes.at(-1)}`);

      // change a sealed row behind the triggers (the owner, RLS bypassed), as an attacker with the owner's rights could
      const database = await openDatabase(
        process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir },
      );
      try {
        await database.owner.transaction().execute(async (trx) => {
          await sql`select set_config('app.system', 'on', true)`.execute(trx);
          await sql`alter table report_snapshots disable trigger report_snapshots_no_change`.execute(trx);
          await sql`update report_snapshots set rate_set = 'forged' where hash = ${hashes[0]}`.execute(trx);
          await sql`alter table report_snapshots enable trigger report_snapshots_no_change`.execute(trx);
        });
      } finally {
        await database.close();
      }
      const broken = await runCairn(['snapshots', 'verify', '--tenant', slug], env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(
        new RegExp(`${slug}\\tBROKEN\\tsnapshot #\\d+ \\(2026-05, [0-9a-f-]+\\): its content does not match its hash`),
      );
    },
  );

  it('refuses a malformed month', { timeout: 120_000 }, async () => {
    const res = await runCairn(['snapshots', 'seal', '--month', '2026-13', '--tenant', slug], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('--month must be a month YYYY-MM');
  });
});
