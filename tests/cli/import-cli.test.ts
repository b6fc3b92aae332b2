import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCairn, tempDataDir } from '../support/cairn-process.ts';
import { onPostgres } from '../support/test-database.ts';

// The real binary on an embedded data directory with the demo data and its `excel-import` channel.
const dataDir = tempDataDir();
const env = { CAIRN_DATA_DIR: dataDir };
const file = path.join(dataDir, '客户.csv');

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(onPostgres())('cairn import <file> --channel <key>', () => {
  it(
    'previews with --dry-run, imports with a progress bar and a summary, and applies nothing twice',
    { timeout: 300_000 },
    async () => {
      const seeded = await runCairn(['seed', '--demo', '--customers', '3', '--orders', '0'], env);
      expect(seeded.code, seeded.stderr).toBe(0);
      fs.writeFileSync(
        file,
        [
          '公司名称,联系电话,行业,客户编号',
          '命令行导入一号有限公司,13911112222,软件,CLI-1',
          '命令行导入二号有限公司,,制造,CLI-2',
          '电话错误有限公司,0512-1,软件,CLI-3',
        ].join('\n'),
      );

      const dry = await runCairn(['import', file, '--channel', 'excel-import', '--dry-run'], env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/^dry run: 3 row\(s\) in /m);
      expect(dry.stdout).toContain('would be created 2, updated 0, unchanged 0, review 0');
      expect(dry.stdout).toContain('would fail 1 (by reason: mapping 1)');

      const run = await runCairn(['import', file, '--channel', 'excel-import'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('importing 3/3 (100%)');
      expect(run.stdout).toContain('created 2, updated 0, unchanged 0, review 0, already imported 0');
      expect(run.stdout).toContain('dead 1 (by reason: mapping 1)');

      const again = await runCairn(['import', file, '--channel', 'excel-import'], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('created 0, updated 0, unchanged 0, review 0, already imported 3');

      for (const [args, message] of [
        [['import', file], "required option '--channel <key>' not specified"],
        [['import', file, '--channel', 'web-form'], 'channel "web-form" is a webhook channel, not an import channel'],
        [['import', path.join(dataDir, 'missing.csv'), '--channel', 'excel-import'], 'cannot read'],
      ] as const) {
        const result = await runCairn([...args], env);
        expect(result.code, args.join(' ')).not.toBe(0);
        expect(result.stderr).toContain(message);
      }
    },
  );
});
