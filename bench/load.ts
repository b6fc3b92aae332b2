import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { startServe, type ServeProcess } from '../tests/support/cairn-process.ts';
import { seedBenchTenant } from './bench-data.ts';
import { httpMix, rawMix } from './load-mix.ts';
import { percentiles, type RawQuery } from './raw-sql.ts';

// Throughput under load: `cairn serve` on loopback (a child process, as in production) driven by
// autocannon at fixed concurrency levels with the mix of bench/load-mix.ts, and the same mix as
// raw SQL at the same concurrency (the limit on this machine, in this run). Each level is bounded
// by a request count and a time limit. On PostgreSQL it also compares one instance with two
// behind a loopback round-robin proxy. Prints one JSON document for the database it ran on.
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    levels: { type: 'string', default: '10,50,200' },
    requests: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '8' },
  },
});
const customers = Number(values.customers);
const levels = values.levels.split(',').map(Number);
const amount = Number(values.requests);
const maxSeconds = Number(values.seconds);
const log = (msg: string) => process.stderr.write(`[bench:load] ${msg}\n`);

const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-load-'));
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, appDbRole: config.appDbRole });
await migrateToLatest(database, config.appDbRole);
log(`database ${database.kind}; seeding ${customers} customers…`);
const tenant = await seedBenchTenant(database.db, database.owner, customers, log);
const runId = Date.now().toString(36);

/** `concurrency` workers running the raw mix until `amount` statements or `maxSeconds` pass. */
async function rawLevel(query: RawQuery, concurrency: number) {
  const mix = rawMix(tenant, `${runId}-${concurrency}`);
  const deadline = Date.now() + maxSeconds * 1000;
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < amount && Date.now() < deadline) {
        const op = mix[next++ % mix.length]!;
        const t = process.hrtime.bigint();
        await op(query).catch(() => errors++);
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const rps = samples.length / ((Date.now() - started) / 1000);
  return { rps: Math.round(rps), ...percentiles(samples), errors };
}

// the raw-SQL limit first, while this process has the database (PGlite admits one process)
const rawByLevel = new Map<number, Awaited<ReturnType<typeof rawLevel>>>();
const rawPoolMax = 20;
for (const concurrency of levels) {
  const pool = config.databaseUrl
    ? new pg.Pool({ connectionString: config.databaseUrl, max: Math.min(concurrency, rawPoolMax) })
    : undefined;
  const query: RawQuery = pool ? (text, params) => pool.query(text, params) : database.raw;
  rawByLevel.set(concurrency, await rawLevel(query, concurrency));
  await pool?.end();
  log(`raw SQL c=${concurrency}: ${JSON.stringify(rawByLevel.get(concurrency))}`);
}
await database.close();

const serveEnv: Record<string, string> = config.databaseUrl
  ? { DATABASE_URL: config.databaseUrl, CAIRN_DB_APP_ROLE: config.appDbRole }
  : { CAIRN_DATA_DIR: dataDir! };

interface Level {
  concurrency: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  errorDetail: { connection: number; timeouts: number; non2xx: number };
  requests: number;
}

// one mix for the whole run: its update counter knows each customer's version across levels
const requests = httpMix(tenant, runId);

async function httpLevel(url: string, concurrency: number): Promise<Level> {
  const instance = autocannon({ url, connections: concurrency, amount, requests });
  const timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  return {
    concurrency,
    rps: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    errorDetail: { connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
    requests: result.requests.total,
  };
}

// the server runs with the V8 flags this bench was started with (package.json: as `npm start` runs it)
const serveNodeFlags = process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size'));
const servers: ServeProcess[] = [];
const startOne = async () => {
  const server = await startServe({ ...serveEnv, HOST: '127.0.0.1' }, [], serveNodeFlags);
  servers.push(server);
  return server.url.replace('localhost', '127.0.0.1');
};

try {
  const url = await startOne();
  const levelResults = [];
  for (const concurrency of levels) {
    const level = await httpLevel(url, concurrency);
    log(`cairn c=${concurrency}: ${JSON.stringify(level)}`);
    levelResults.push({ ...level, rawSqlRps: rawByLevel.get(concurrency)!.rps });
  }

  let instances: object | undefined;
  if (config.databaseUrl) {
    const concurrency = 50;
    const secondUrl = await startOne();
    const viaProxy = async (targets: string[]) => {
      const proxy = await startProxy(targets);
      try {
        return await httpLevel(proxy.url, concurrency);
      } finally {
        proxy.stop();
      }
    };
    instances = {
      concurrency,
      oneBehindProxy: await viaProxy([url]),
      twoBehindProxy: await viaProxy([url, secondUrl]),
    };
  }

  const output = {
    database: database.kind === 'postgres' ? 'postgresql' : 'pglite',
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    serveNodeFlags,
    customers,
    mix: { list: 0.7, detail: 0.2, update: 0.08, create: 0.02, listUsers: ['rep', 'manager', 'admin'] },
    boundPerLevel: { requests: amount, seconds: maxSeconds },
    rawSqlPoolMax: config.databaseUrl ? rawPoolMax : 'PGlite: one session',
    levels: levelResults,
    instances,
  };
  console.log(JSON.stringify(output, null, 2));
} finally {
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

async function startProxy(targets: string[]): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/round-robin-proxy.ts', ...targets], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const found = /listening (\d+)/.exec(chunk);
      if (found) resolve(Number(found[1]));
    });
    child.on('exit', (code) => reject(new Error(`the proxy exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}
