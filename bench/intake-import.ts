import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openDatabase, type Database } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { asSystem, withTenant } from '../server/db/tenant-transaction.ts';
import { seedDemo } from '../server/seed/demo.ts';
import { LocalFileStorage, type FileStorage } from '../server/storage/file-storage.ts';
import { createImport, importChannel, importCounts, loadImport } from '../server/integration/imports/import-store.ts';
import { runImport } from '../server/integration/imports/import-run.ts';
import '../server/domains/register-all.ts';

/**
 * Import throughput (issue 10: a 100k-row CSV in ≤ 60 s on PostgreSQL): a fresh demo company
 * with its `excel-import` channel, a CSV of `rows` new customers (name, mobile, credit-code-free,
 * region, industry, external id), uploaded (stored and described) and then run exactly as the
 * background job runs it — every row an intake record through mapping, matching, merging, the
 * record commands and assignment. `seconds` is the run; `uploadSeconds` the upload before it.
 */
export interface ImportBenchResult {
  database: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  targetSeconds: 60;
  uploadSeconds: number;
  outcomes: Record<string, number>;
}

export function benchCsv(rows: number, tag: string): Buffer {
  const regions = ['上海', '北京', '杭州', '深圳', '成都'];
  const industries = ['软件', '制造', '零售', '物流', '金融'];
  const lines = ['公司名称,联系电话,地区,行业,客户编号'];
  for (let i = 0; i < rows; i++) {
    const n = String(i).padStart(8, '0');
    lines.push(`导入压测${tag}公司${n},139${n},${regions[i % 5]},${industries[i % 5]},B-${tag}-${n}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function benchImport(
  database: Database,
  storage: FileStorage,
  opts: { rows: number; batchSize?: number; log?: (msg: string) => void },
): Promise<ImportBenchResult> {
  const log = opts.log ?? (() => {});
  const tag = Date.now().toString(36);
  log(`seeding a demo company for ${opts.rows} rows`);
  const company = await seedDemo(database.db, {
    slug: `bench-import-${tag}`,
    tenantName: `导入压测 ${tag}`,
    customers: 5,
    orders: 0,
    integration: true,
  });
  const channel = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('channels')
      .select('id')
      .where('tenant_id', '=', company.tenantId)
      .where('key', '=', 'excel-import')
      .executeTakeFirstOrThrow(),
  );
  const data = benchCsv(opts.rows, tag);
  const uploadStarted = performance.now();
  const created = await withTenant(database.db, company.tenantId, async (trx) =>
    createImport(trx, storage, {
      tenantId: company.tenantId,
      channel: await importChannel(trx, company.tenantId, channel.id),
      fileName: 'bench.csv',
      data,
      userId: null,
    }),
  );
  const uploadSeconds = (performance.now() - uploadStarted) / 1000;
  log(`uploaded ${created.total_rows} rows in ${uploadSeconds.toFixed(1)} s; importing`);
  let lastTenth = -1;
  const result = await runImport(
    database,
    storage,
    { tenantId: company.tenantId, importId: created.id },
    {
      batchSize: opts.batchSize,
      onProgress: (done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastTenth) log(`${done}/${total}`);
        lastTenth = tenth;
      },
    },
  );
  const { counts, deadByReason } = await withTenant(database.db, company.tenantId, async (trx) =>
    importCounts(trx, await loadImport(trx, company.tenantId, created.id)),
  );
  return {
    database: database.kind,
    rows: result.processed,
    seconds: Math.round(result.seconds * 10) / 10,
    rowsPerSecond: Math.round(result.processed / result.seconds),
    targetSeconds: 60,
    uploadSeconds: Math.round(uploadSeconds * 10) / 10,
    outcomes: { ...counts, ...Object.fromEntries(Object.entries(deadByReason).map(([k, v]) => [`dead.${k}`, v])) },
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '100000' }, batch: { type: 'string' } },
  });
  const config = loadConfig();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-import-'));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : path.join(scratch, 'db'),
    appDbRole: config.appDbRole,
    poolSize: 5,
  });
  try {
    await migrateToLatest(database, config.appDbRole);
    const result = await benchImport(database, new LocalFileStorage(path.join(scratch, 'files')), {
      rows: Number(values.rows),
      batchSize: values.batch ? Number(values.batch) : undefined,
      log: (msg) => process.stderr.write(`[bench:import] ${msg}\n`),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await database.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
