import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { buildApp, API_VERSION } from '../server/http/app.ts';
import { LocalFileStorage } from '../server/storage/file-storage.ts';
import pg from 'pg';
import { seedBenchTenant } from './bench-data.ts';
import { rawSqlShapes, timePaired, type RawQuery } from './raw-sql.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '300' } },
});
const customers = Number(values.customers);
const iterations = Number(values.iterations);
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** Server-side latency: in-process inject, so no socket or client cost is counted. */
async function inject(app: FastifyInstance, options: InjectOptions) {
  const res = await app.inject(options);
  if (res.statusCode >= 300) throw new Error(`bench request failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

// round trips to PostgreSQL per request, counted at the driver (noise-free, unlike latency)
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;
async function roundTrips(app: FastifyInstance, request: (i: number) => InjectOptions) {
  await app.inject(request(0));
  const before = statements;
  const res = await app.inject(request(1));
  if (res.statusCode >= 300) throw new Error(`bench request failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return statements - before;
}

/** An update's round trips: the record's current version is read first, outside the count. */
async function updateRoundTrips(app: FastifyInstance, token: string, id: string) {
  const read = async () =>
    (await app.inject({ method: 'GET', url: `/api/v1/customers/${id}`, headers: bearer(token) })).json<{
      data: { version: number };
    }>().data.version;
  const patch = async (level: string) => {
    const version = await read();
    const before = statements;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${id}`,
      headers: bearer(token),
      payload: { level, version },
    });
    if (res.statusCode >= 300) throw new Error(`bench request failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return statements - before;
  };
  await patch('A');
  return patch('B');
}

const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir,
  appDbRole: config.appDbRole,
  poolSize: 10,
});
await migrateToLatest(database, config.appDbRole);
log(`database ${database.kind}; seeding ${customers} customers…`);
const seedStarted = Date.now();
const tenant = await seedBenchTenant(database.db, database.owner, customers, log);
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

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
// the same shapes as raw SQL, timed alternately with Cairn's requests in this run: straight
// through a pg pool (PGlite: its own query)
const rawPool = config.databaseUrl ? new pg.Pool({ connectionString: config.databaseUrl, max: 2 }) : undefined;
const rawQuery: RawQuery = rawPool ? (text, values) => rawPool.query(text, values) : database.raw;
const shapes = rawSqlShapes(tenant);
const runId = Date.now().toString(36);
const paired = (request: (i: number) => InjectOptions, shape: (i: number) => [string, unknown[]]) =>
  timePaired(
    iterations,
    (i) => inject(app, request(i)),
    (i) => rawQuery(...shape(i)),
  );

const listFilter = encodeURIComponent(JSON.stringify({ status: 'active', level: { in: ['A', 'B'] } }));
const listUrl = `/api/v1/customers?filter=${listFilter}&sort=-updatedAt&limit=50`;
const repFilter = encodeURIComponent(JSON.stringify({ ownerId: tenant.repId, status: 'active' }));
const list = {
  rep: await paired(
    () => ({
      method: 'GET',
      url: `/api/v1/customers?filter=${repFilter}&sort=-updatedAt&limit=50`,
      headers: bearer(tenant.tokens.rep),
    }),
    shapes.listRep,
  ),
  manager: await paired(
    () => ({ method: 'GET', url: listUrl, headers: bearer(tenant.tokens.manager) }),
    shapes.listManager,
  ),
  admin: await paired(() => ({ method: 'GET', url: listUrl, headers: bearer(tenant.tokens.admin) }), shapes.listAdmin),
};
const point = await paired(
  (i) => ({
    method: 'GET',
    url: `/api/v1/customers/${tenant.customerIds[Math.abs(i) % tenant.customerIds.length]}`,
    headers: bearer(tenant.tokens.admin),
  }),
  shapes.point,
);
const create = await paired(
  (i) => ({
    method: 'POST',
    url: '/api/v1/customers',
    headers: bearer(tenant.tokens.admin),
    payload: { name: `基准新建客户${runId}-${i}`, level: 'B', region: '华东' },
  }),
  (i) => shapes.create(`原始SQL新建客户${runId}-${i}`),
);

const trips = config.databaseUrl
  ? {
      listAdmin: await roundTrips(app, () => ({ method: 'GET', url: listUrl, headers: bearer(tenant.tokens.admin) })),
      point: await roundTrips(app, () => ({
        method: 'GET',
        url: `/api/v1/customers/${tenant.customerIds[0]}`,
        headers: bearer(tenant.tokens.admin),
      })),
      create: await roundTrips(app, (i) => ({
        method: 'POST',
        url: '/api/v1/customers',
        headers: bearer(tenant.tokens.admin),
        payload: { name: `基准往返客户${runId}-${i}`, level: 'B', region: '华东' },
      })),
      update: await updateRoundTrips(app, tenant.tokens.admin, tenant.customerIds[1]!),
    }
  : undefined;

await rawPool?.end();
const ratio = (cairn: number, floor: number) => Number((cairn / Math.max(floor, 0.01)).toFixed(1));

const result = {
  customers,
  database: database.kind === 'postgres' ? 'postgresql' : 'pglite',
  users: 2000,
  departments: 200,
  iterations,
  seedSeconds: Number(seedSeconds.toFixed(1)),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  nodeFlags: process.execArgv,
  listP95Ms: { rep: list.rep.cairn.p95, manager: list.manager.cairn.p95, admin: list.admin.cairn.p95 },
  listP50Ms: { rep: list.rep.cairn.p50, manager: list.manager.cairn.p50, admin: list.admin.cairn.p50 },
  listP99Ms: { rep: list.rep.cairn.p99, manager: list.manager.cairn.p99, admin: list.admin.cairn.p99 },
  pointP50Ms: point.cairn.p50,
  pointP95Ms: point.cairn.p95,
  pointP99Ms: point.cairn.p99,
  createP50Ms: create.cairn.p50,
  createP95Ms: create.cairn.p95,
  createP99Ms: create.cairn.p99,
  roundTripsPerRequest: trips,
  rawSqlP95Ms: {
    list: { rep: list.rep.raw.p95, manager: list.manager.raw.p95, admin: list.admin.raw.p95 },
    point: point.raw.p95,
    create: create.raw.p95,
  },
  ratioToRawSqlP95: {
    list: {
      rep: ratio(list.rep.cairn.p95, list.rep.raw.p95),
      manager: ratio(list.manager.cairn.p95, list.manager.raw.p95),
      admin: ratio(list.admin.cairn.p95, list.admin.raw.p95),
    },
    point: ratio(point.cairn.p95, point.raw.p95),
    create: ratio(create.cairn.p95, create.raw.p95),
  },
};
console.log(JSON.stringify(result, null, 2));
await app.close();
await database.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
