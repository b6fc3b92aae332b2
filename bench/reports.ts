// npm run bench:reports: the monthly performance report under 销售业绩口径 V2.0 on 1M orders,
// 100k contracts and 300k payments, for an admin and a manager, and the time to seal a month.
// Prints JSON; targets on PostgreSQL: report ≤ 1 s, seal ≤ 5 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { withTenant } from '../server/db/tenant-transaction.ts';
import { buildApp, API_VERSION } from '../server/http/app.ts';
import { LocalFileStorage } from '../server/storage/file-storage.ts';
import { addDraftVersion, approveVersion, createDefinition } from '../server/reports/definitions.ts';
import { storeRates } from '../server/reports/fx-rates.ts';
import { sealMonth } from '../server/reports/snapshots.ts';
import { demoRates, salesV1, salesV2 } from '../server/seed/demo-reports.ts';
import { seedBenchTenant } from './bench-data.ts';
import { percentiles } from './raw-sql.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    contracts: { type: 'string', default: '100000' },
    payments: { type: 'string', default: '300000' },
    orders: { type: 'string', default: '1000000' },
    iterations: { type: 'string', default: '5' },
  },
});
const counts = {
  customers: Number(values.customers),
  contracts: Number(values.contracts),
  payments: Number(values.payments),
  orders: Number(values.orders),
};
const iterations = Number(values.iterations);
const log = (msg: string) => process.stderr.write(`[bench:reports] ${msg}\n`);

const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-reports-'));
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir,
  appDbRole: config.appDbRole,
  poolSize: 4,
});
await migrateToLatest(database, config.appDbRole);
const seedStarted = Date.now();
const tenant = await seedBenchTenant(database.db, database.owner, counts.customers, log);
const T = tenant.tenantId;

// the business rows, generated in the database: contracts over the customers, three payments
// per contract, orders over customers and ten SKUs, all in 2026; 10 % in USD
await withTenant(database.db, T, async (trx) => {
  await sql`create temporary table bench_customers on commit drop as
    select id, owner_id, row_number() over (order by id) as rn from customers where tenant_id = ${T}`.execute(trx);
  const n = counts.customers;
  await sql`insert into contracts (id, tenant_id, customer_id, owner_id, number, currency, amount_incl_tax, tax_rate, status, signed_date)
    select gen_random_uuid(), ${T}, c.id, c.owner_id, 'HT-B-' || g, case when g % 10 = 0 then 'USD' else 'CNY' end,
      (1000 + (g::bigint * 7919) % 900000)::numeric / 10, case when g % 10 = 0 then 0 else 0.13 end,
      case when g % 7 = 0 then 'draft' else 'active' end, date '2026-01-01' + (g % 330)
    from generate_series(1, ${counts.contracts}::int) g join bench_customers c on c.rn = 1 + (g * 31) % ${n}`.execute(
    trx,
  );
  log(`contracts ${counts.contracts}`);
  await sql`insert into payments (id, tenant_id, contract_id, amount, currency, received_date)
    select gen_random_uuid(), ${T}, k.id, round(k.amount_incl_tax / 3, 2), k.currency, k.signed_date + (g % 3) * 20
    from contracts k cross join generate_series(1, 3) g
    where k.tenant_id = ${T}`.execute(trx);
  await sql`insert into orders (id, tenant_id, customer_id, owner_id, sku, quantity, amount, currency, ordered_at)
    select gen_random_uuid(), ${T}, c.id, c.owner_id, 'SKU-' || (g % 10), 1 + g % 5, (100 + (g::bigint * 104729) % 99900)::numeric / 100,
      case when g % 10 = 0 then 'USD' else 'CNY' end, timestamptz '2026-01-01 01:00+08' + ((g % 330) || ' days')::interval
    from generate_series(1, ${counts.orders}::int) g join bench_customers c on c.rn = 1 + (g * 17) % ${n}`.execute(trx);
  log(`orders ${counts.orders}`);
  await storeRates(trx, T, { rateSet: 'CFETS-midpoint', source: 'bench' }, demoRates('2025-12-01', '2026-12-31'));
  const author = { trx, actor: { tenantId: T, userId: tenant.adminId } };
  const approver = { trx, actor: { tenantId: T, userId: tenant.repId } }; // four-eyes: not the author
  const sales = await createDefinition(author, {
    name: '销售业绩口径',
    semver: '1.0',
    validFrom: '2026-01-01',
    document: salesV1,
    changeNote: 'V1',
  });
  await approveVersion(approver, sales.id, sales.versions[0]!.id);
  const v2 = await addDraftVersion(author, sales.id, {
    semver: '2.0',
    validFrom: '2026-04-01',
    document: salesV2,
    changeNote: 'V2',
  });
  await approveVersion(approver, sales.id, v2.versionId);
});
const paymentCount = await withTenant(database.db, T, (trx) =>
  trx
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', T)
    .executeTakeFirstOrThrow(),
);
for (const table of ['contracts', 'payments', 'orders', 'fx_rates', 'customers', 'users'])
  await sql`analyze ${sql.table(table)}`.execute(database.owner);
const seedSeconds = (Date.now() - seedStarted) / 1000;

const app = await buildApp(
  {
    config,
    database,
    storage: new LocalFileStorage(path.join(os.tmpdir(), 'cairn-bench-files')),
    version: API_VERSION,
  },
  { logger: false },
);
await app.ready();
const definitions = (
  await app.inject({
    method: 'GET',
    url: '/api/v1/metric-definitions',
    headers: { authorization: `Bearer ${tenant.tokens.admin}` },
  })
).json<{ data: Array<{ id: string }> }>().data;
const body = { definitionId: definitions[0]!.id, from: '2026-06-01', to: '2026-06-30', groupBy: ['owner'] };

async function reportTime(token: string) {
  const samples: number[] = [];
  for (let i = -1; i < iterations; i++) {
    const started = process.hrtime.bigint();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/run',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    if (res.statusCode !== 200) throw new Error(`report failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= 0) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return percentiles(samples);
}
const admin = await reportTime(tenant.tokens.admin);
const manager = await reportTime(tenant.tokens.manager);
const sealStarted = process.hrtime.bigint();
await withTenant(database.db, T, (trx) => sealMonth(trx, T, '2026-06', null));
const sealMs = Number(process.hrtime.bigint() - sealStarted) / 1e6;

console.log(
  JSON.stringify(
    {
      database: database.kind === 'postgres' ? 'postgresql' : 'pglite',
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
      rows: { ...counts, payments: Number(paymentCount.n) },
      seedSeconds: Number(seedSeconds.toFixed(1)),
      report: 'monthly performance, 销售业绩口径 V2.0, June 2026, by owner',
      reportMs: { admin, manager },
      sealMs: Number(sealMs.toFixed(1)),
      targets: { reportMs: 1000, sealMs: 5000 },
      withinTargets: admin.p95 <= 1000 && manager.p95 <= 1000 && sealMs <= 5000,
    },
    null,
    2,
  ),
);
await app.close();
await database.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
