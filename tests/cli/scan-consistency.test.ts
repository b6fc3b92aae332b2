import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { runCairn, tempDataDir } from '../support/cairn-process.ts';

// The real binary on an embedded data directory of its own, or on the suite's PostgreSQL
// database (in a company of its own) when DATABASE_URL is set.
const dataDir = tempDataDir();
const env: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL, CAIRN_DATA_DIR: dataDir }
  : { CAIRN_DATA_DIR: dataDir };
const slug = `scan-${newId().slice(-8)}`;

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cairn scan consistency', () => {
  it(
    'scans a company with a progress bar on stderr, prints the findings per check and exits 0',
    { timeout: 300_000 },
    async () => {
      const seeded = await runCairn(
        ['seed', '--demo', '--slug', slug, '--customers', '5', '--orders', '2', '--showcase'],
        env,
      );
      expect(seeded.code, seeded.stderr).toBe(0);
      const scan = await runCairn(['scan', 'consistency', '--tenant', slug], env);
      expect(scan.code, scan.stderr).toBe(0);
      expect(scan.stderr).toMatch(/\[#+\] 5\/5 .*inactive_owner/);
      expect(scan.stdout).toMatch(
        new RegExp(`\\(${slug}\\)\\t\\d+ finding\\(s\\)\\torphaned_contact \\d+, phone_mismatch \\d+`),
      );
      // the demo's showcase: a customer entered twice, and customers of a rep who left
      expect(scan.stdout).toMatch(/duplicate_customer [1-9]\d*, unindexed_foreign_key \d+, inactive_owner [1-9]/);
      expect(scan.stdout).toMatch(/consistency scan done: \d+ finding\(s\) across 1 company/);
    },
  );

  it('exits non-zero with a clear message for an unknown company', { timeout: 120_000 }, async () => {
    const scan = await runCairn(['scan', 'consistency', '--tenant', 'no-such-company'], env);
    expect(scan.code).toBe(1);
    expect(scan.stderr).toContain('error: no company with code "no-such-company"');
  });
});
