import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { newId } from '../common/ids.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../server/seed/demo.ts';
import { login, request, startServe, type ServeProcess } from '../tests/support/cairn-process.ts';
import { percentiles } from './raw-sql.ts';
import { benchImport, type ImportBenchResult } from './intake-import.ts';
import { LocalFileStorage } from '../server/storage/file-storage.ts';

// The intake path under load: `cairn serve` on loopback (a child process, as in production, with
// its job runner), a fresh demo company with a webhook channel and a round-robin assignment rule.
//  1. latency: posts at a fixed rate (open loop: a slow answer does not slow the sender) and
//     measures the 202 and intake → assigned: from the 202 until the customer is listed by the
//     API with an owner set by the rule (one poller lists the rule's newest customers back to back);
//  2. throughput: autocannon posts distinct records at a fixed concurrency for a fixed time; the
//     202s per second and their latency, then how long the job runner takes to drain the backlog;
//  3. import: a CSV of `--import-rows` new customers through the import job (bench/intake-import.ts).
// Each figure is printed beside its target from the issue. One JSON document per database.
const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
    'throughput-seconds': { type: 'string', default: '5' },
    // a directory: the server writes a V8 CPU profile there when it stops (node --cpu-prof)
    profile: { type: 'string' },
    // rows of the CSV import run after the intake figures (0: none)
    'import-rows': { type: 'string', default: '100000' },
  },
});
const config = loadConfig();
const onPostgres = Boolean(config.databaseUrl);
const rate = Number(values.rate ?? (onPostgres ? 200 : 20));
const latencySeconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const throughputSeconds = Number(values['throughput-seconds']);
const importRows = Number(values['import-rows']);
const log = (msg: string) => process.stderr.write(`[bench:intake] ${msg}\n`);

const targets = onPostgres
  ? { acceptedPerSecondMin: 1000, acceptedP99MsMax: 50, assignedP99MsMax: 500, importSecondsMax: 60 }
  : { assignedP99MsMax: 1000 };

// a fresh company on the configured database (PGlite: a new data directory), then the server
const dataDir = onPostgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-intake-'));
const seedDb = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, appDbRole: config.appDbRole });
await migrateToLatest(seedDb, config.appDbRole);
const slug = `bench-${newId().slice(-12)}`;
const company = await seedDemo(seedDb.db, { slug, tenantName: `基准接入 ${slug}`, customers: 50, orders: 0 });
await seedDb.close();

const serveEnv: Record<string, string> = onPostgres
  ? { DATABASE_URL: config.databaseUrl!, CAIRN_DB_APP_ROLE: config.appDbRole }
  : { CAIRN_DATA_DIR: dataDir! };

let server: ServeProcess | undefined;
try {
  const profiling = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  server = await startServe({ ...serveEnv, HOST: '127.0.0.1' }, [], profiling);
  const base = server.url.replace('localhost', '127.0.0.1');
  const admin = await login(base, slug, 'admin', DEMO_PASSWORD);
  if (!admin) throw new Error('admin login failed');
  const channel = await request(
    base,
    'POST',
    '/api/v1/channels',
    {
      key: 'bench-form',
      name: '基准表单',
      kind: 'webhook',
      serviceUserId: company.users.admin,
      mapping: [
        { source: 'company', target: 'name' },
        { source: 'phone', target: 'mainPhone', transforms: [{ op: 'emptyToNull' }, { op: 'phone' }] },
        { source: 'region', target: 'region' },
      ],
    },
    admin,
  );
  if (channel.status !== 201) throw new Error(`channel: ${channel.status} ${JSON.stringify(channel.body)}`);
  const secret = channel.body.secret as string;
  const rule = await request(
    base,
    'POST',
    '/api/v1/assignment-rules',
    {
      name: '基准轮转',
      conditions: [],
      target: { type: 'round_robin', departmentId: company.departments['销售一组'] },
    },
    admin,
  );
  if (rule.status !== 201) throw new Error(`rule: ${rule.status} ${JSON.stringify(rule.body)}`);
  const ruleId = rule.body.data.id as string;
  const intakeUrl = `${base}/api/v1/intake/bench-form`;
  const intakeHeaders = { 'content-type': 'application/json', 'x-cairn-channel-secret': secret };
  const record = (phase: string, i: number) => ({
    company: `基准线索${phase}-${i}号有限公司`,
    phone: `139${String(i + (phase === 'w' ? 9_000_000 : 0)).padStart(8, '0')}`,
    region: '华东',
  });

  // the poller: the rule's newest customers, as the API lists them, back to back
  const seenAt = new Map<string, number>();
  let polling = true;
  let polls = 0;
  const listUrl = `/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ assignedByRuleId: ruleId }))}&sort=-updatedAt&limit=200&fields=id,name,ownerId`;
  const poller = (async () => {
    while (polling) {
      const res = await request(base, 'GET', listUrl, undefined, admin).catch(() => ({ status: 0, body: null }));
      const now = performance.now();
      polls++;
      if (res.status === 200)
        for (const c of res.body.data as Array<{ name: string; ownerId: string | null }>)
          if (c.ownerId && !seenAt.has(c.name)) seenAt.set(c.name, now);
      await sleep(10);
    }
  })();

  // warm-up: a few records through the whole path
  for (let i = 0; i < 20; i++)
    await fetch(intakeUrl, { method: 'POST', headers: intakeHeaders, body: JSON.stringify(record('w', i)) });

  // 1. fixed rate, open loop
  const total = Math.round(rate * latencySeconds);
  log(`latency: ${total} intakes at ${rate}/s`);
  const accepted: Array<{ name: string; sent: number; answered: number; status: number }> = [];
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const body = record('l', i);
    const sent = performance.now();
    sends.push(
      fetch(intakeUrl, { method: 'POST', headers: intakeHeaders, body: JSON.stringify(body) })
        .then(async (res) => {
          await res.arrayBuffer();
          accepted.push({ name: body.company, sent, answered: performance.now(), status: res.status });
        })
        .catch(() => {
          accepted.push({ name: body.company, sent, answered: performance.now(), status: 0 });
        }),
    );
  }
  await Promise.all(sends);
  const sendSeconds = (performance.now() - started) / 1000;
  const ok = accepted.filter((a) => a.status === 202);
  const waitUntil = performance.now() + 120_000;
  while (ok.some((a) => !seenAt.has(a.name)) && performance.now() < waitUntil) await sleep(100);
  const assignedMs = ok.filter((a) => seenAt.has(a.name)).map((a) => seenAt.get(a.name)! - a.answered);
  const latency = {
    rate,
    intakes: total,
    achievedRate: Number((total / sendSeconds).toFixed(1)),
    accepted202: ok.length,
    other: accepted.length - ok.length,
    accept202Ms: percentiles(ok.map((a) => a.answered - a.sent)),
    intakeToAssignedMs: assignedMs.length ? percentiles(assignedMs) : null,
    assignedSeen: assignedMs.length,
    neverSeenWithin120s: ok.length - assignedMs.length,
    listPolls: polls,
    targetAssignedP99MsMax: targets.assignedP99MsMax,
  };
  log(`latency: ${JSON.stringify(latency)}`);

  // 2. throughput: distinct records at a fixed concurrency for a fixed time
  let n = 0;
  const runId = newId().slice(-8);
  const cannon = autocannon({
    url: base,
    connections: concurrency,
    duration: throughputSeconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/intake/bench-form',
        headers: intakeHeaders,
        setupRequest: (req: object) => ({
          ...req,
          body: JSON.stringify({ company: `基准吞吐${runId}-${n++}号有限公司`, region: '华南' }),
        }),
      },
    ],
  });
  const result = await cannon;
  const throughputEnd = performance.now();
  const twoHundreds = result.requests.total - result.non2xx;
  log(`throughput: ${twoHundreds} accepted in ${result.duration} s; draining the queue…`);
  // the backlog the burst left: how long the job runner takes to settle it
  let drainSeconds: number | null = null;
  const drainDeadline = performance.now() + 600_000;
  while (performance.now() < drainDeadline) {
    const status = await request(base, 'GET', '/api/v1/channels', undefined, admin);
    const health = (status.body?.data as Array<{ key: string; health?: { queued?: number } }> | undefined)?.find(
      (c) => c.key === 'bench-form',
    )?.health;
    if (health?.queued === 0) {
      drainSeconds = Number(((performance.now() - throughputEnd) / 1000).toFixed(1));
      break;
    }
    await sleep(500);
  }
  polling = false;
  await poller;

  const output = {
    database: onPostgres ? 'postgresql' : 'pglite',
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    server: 'cairn serve (child process, its own job runner) on loopback; client in this process',
    latency,
    throughput: {
      concurrency,
      seconds: result.duration,
      acceptedPerSecond: Math.round(twoHundreds / result.duration),
      accepted202: twoHundreds,
      errors: result.errors + result.timeouts + result.non2xx,
      accept202Ms: { p50: result.latency.p50, p99: result.latency.p99 },
      targetAcceptedPerSecondMin: 'acceptedPerSecondMin' in targets ? targets.acceptedPerSecondMin : null,
      targetAccept202P99MsMax: 'acceptedP99MsMax' in targets ? targets.acceptedP99MsMax : null,
      backlogDrainSeconds: drainSeconds,
    },
    import: null as null | (ImportBenchResult & { targetSecondsMax: number | null }),
  };
  // 3. the CSV import (bench/intake-import.ts), after the server stopped: its own company and connection
  await server.stop('SIGTERM');
  server = undefined;
  if (importRows > 0) {
    log(`import: ${importRows} rows`);
    const importDb = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, appDbRole: config.appDbRole });
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-intake-files-'));
    try {
      const result = await benchImport(importDb, new LocalFileStorage(files), { rows: importRows, log });
      output.import = {
        ...result,
        targetSecondsMax: 'importSecondsMax' in targets ? (targets.importSecondsMax ?? null) : null,
      };
    } finally {
      await importDb.close();
      fs.rmSync(files, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(output, null, 2));
} finally {
  await server?.stop('SIGTERM');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
