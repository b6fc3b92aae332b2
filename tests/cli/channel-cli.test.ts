import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCairn, tempDataDir } from '../support/cairn-process.ts';
import { onPostgres } from '../support/test-database.ts';

// The real binary on an embedded data directory with the demo data: the commands the integration
// center documents exit 0 on success and non-zero with a clear message otherwise.
const dataDir = tempDataDir();
const env = { CAIRN_DATA_DIR: dataDir };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(onPostgres())('cairn channel secret and cairn db-sync on the demo data', () => {
  it('print the secret, the status and a force-retry summary', { timeout: 300_000 }, async () => {
    const seeded = await runCairn(['seed', '--demo', '--customers', '3', '--orders', '0'], env);
    expect(seeded.code, seeded.stderr).toBe(0);

    const secret = await runCairn(['channel', 'secret', 'web-form'], env);
    expect(secret.code, secret.stderr).toBe(0);
    expect(secret.stdout.trim()).toMatch(/^chs_[A-Za-z0-9_-]{43}$/);

    const status = await runCairn(['db-sync', '--status'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^demo\tweb-form\twebhook\tdegraded\t0\t0\t\S+\t\S+%\t3\t0$/m);
    // the demo's finance delivery that ran out of retries is the outbound channel's dead letter
    expect(status.stdout).toMatch(/^demo\tfinance\toutbound\t\S+\t0\t0\t\S+\t\S+%\t1\t0$/m);

    const dry = await runCairn(['db-sync', '--force-retry', '--batch=500', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'dry run: 4 record(s) would be retried (by reason: validation 1, mapping 1, permission 1, timeout 1)',
    );

    const retry = await runCairn(['db-sync', '--force-retry', '--batch=500', '--channel', 'web-form'], env);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('retried 3; succeeded: created 1; still failing: validation 1, mapping 1');
    expect(retry.stderr).toContain('retrying 3/3 (100%)');

    for (const [args, message] of [
      [['db-sync'], 'pass --status or --force-retry'],
      [['channel', 'secret', 'nope'], 'no channel "nope"'],
      [['db-sync', '--force-retry', '--batch=0'], "option '--batch <n>' argument '0' is invalid"],
    ] as const) {
      const result = await runCairn([...args], env);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toContain(message);
    }
  });
});
