import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { API_VERSION, buildApp } from '../../server/http/app.ts';
import { createBoss, type JobLogger } from '../../server/jobs/boss.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed/demo.ts';
import { LocalFileStorage } from '../../server/storage/file-storage.ts';
import { APP_ROLE, onPostgres, testDatabase } from '../support/test-database.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

// The app talks to PostgreSQL through a loopback proxy that drops, refuses and blackholes its
// connections. Connection faults only exist between processes: the embedded database has none.
const timeouts = { connectTimeoutMs: 1000, statementTimeoutMs: 1000, idleInTransactionTimeoutMs: 5000 };
let proxy: TcpProxy;
let database: Database;
let app: FastifyInstance;
let tenantId: string;
let headers: Record<string, string>;
const connectionWarnings: Array<Record<string, unknown>> = [];

const inject = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await app.inject({ method, url, payload, headers });
  return { status: res.statusCode, body: res.json() as any, headers: res.headers };
};

describe.skipIf(!onPostgres())('the server while PostgreSQL fails', () => {
  beforeAll(async () => {
    const target = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const direct = await testDatabase();
    const slug = `outage-${newId().slice(-10)}`;
    ({ tenantId } = await seedDemo(direct.db, { slug, tenantName: `断线 ${slug}`, customers: 3, orders: 0 }));
    database = await openDatabase({
      databaseUrl: proxy.urlFor(process.env.DATABASE_URL!),
      appDbRole: APP_ROLE,
      poolSize: 4,
      timeouts,
    });
    database.useLogger({ warn: (obj) => connectionWarnings.push(obj) });
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-outage-'));
    app = await buildApp(
      {
        config: { ...loadConfig({}), database: timeouts },
        database,
        storage: new LocalFileStorage(filesDir),
        version: API_VERSION,
        queueHealth: async () => ({ ok: true }),
      },
      { logger: false },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: slug, username: 'admin', password: DEMO_PASSWORD },
    });
    headers = { authorization: `Bearer ${login.json().token}` };
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await proxy?.close();
  });

  it('survives idle connections being cut and serves the next request on new ones', async () => {
    await Promise.all([1, 2, 3].map(() => inject('GET', '/api/v1/customers?limit=5')));
    expect(proxy.connections()).toBeGreaterThan(0);
    proxy.drop();
    await sleep(100);
    expect(connectionWarnings).toContainEqual(expect.objectContaining({ pool: 'app' })); // reported, not thrown
    const after = await inject('GET', '/api/v1/customers?limit=5');
    expect(after.status).toBe(200);
  });

  it('answers 503 DATABASE_UNAVAILABLE while the database is gone, recovers alone, and loses no acknowledged write', async () => {
    const prefix = `断线写入-${newId().slice(-8)}`;
    const results: Array<{ name: string; status: number; body: any; retryAfter?: unknown }> = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `${prefix}-${w}-${i}`;
        const res = await inject('POST', '/api/v1/customers', { name });
        results.push({ name, status: res.status, body: res.body, retryAfter: res.headers['retry-after'] });
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await sleep(800);
    proxy.refuse(true);
    proxy.drop(); // 1.5 s outage: open connections cut mid-statement, new ones refused
    await sleep(1500);
    proxy.refuse(false);
    await sleep(1500);
    stop = true;
    await Promise.all(writers);

    const failed = results.filter((r) => r.status !== 201);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { reason: expect.any(String) } });
      expect(r.body.error.message).toMatch(/try again/);
      expect(r.retryAfter).toBe('5');
    }
    expect(results.at(-1)!.status).toBe(201); // recovered without a restart
    const acknowledged = results.filter((r) => r.status === 201);
    expect(acknowledged.length).toBeGreaterThan(4);

    const direct = await testDatabase();
    const rows = await direct.owner
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('name', 'like', `${prefix}%`)
      .execute();
    const ids = rows.map((r) => r.id);
    const stored = new Map(rows.map((r) => [r.name, r.id]));
    for (const r of acknowledged) expect(stored.get(r.name)).toBe(r.body.data.id);
    // every stored write is whole: its audit row and its outbox event committed with it
    const audited = await direct.owner
      .selectFrom('audit_log')
      .select('record_id')
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'create')
      .where('record_id', 'in', ids)
      .execute();
    expect(new Set(audited.map((a) => a.record_id))).toEqual(new Set(ids));
    const events = await direct.owner
      .selectFrom('outbox_events')
      .select('payload')
      .where('tenant_id', '=', tenantId)
      .where('topic', '=', 'customer.created')
      .execute();
    const evented = new Set(events.map((e) => e.payload.id as string));
    for (const id of ids) expect(evented.has(id)).toBe(true);
  });

  it('answers /api/health with 503 within 2 s, and requests with 503, when the database never answers', async () => {
    await inject('GET', '/api/health');
    proxy.blackhole(true);
    try {
      const started = Date.now();
      const health = await inject('GET', '/api/health');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'down', database: { ok: false } });

      const read = await inject('GET', '/api/v1/customers?limit=5');
      expect(read.status).toBe(503);
      expect(read.body.error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      proxy.blackhole(false);
      proxy.drop(); // connections that lost bytes in the blackhole are useless now
    }
    await sleep(100);
    expect((await inject('GET', '/api/health')).status).toBe(200);
    expect((await inject('GET', '/api/v1/customers?limit=5')).status).toBe(200);
  });

  it('treats a slow network as slow, not as an outage', async () => {
    proxy.delay(100);
    try {
      const health = await inject('GET', '/api/health');
      expect(health.status).toBe(200);
      const created = await inject('POST', '/api/v1/customers', { name: `慢网络-${newId().slice(-8)}` });
      expect(created.status).toBe(201);
    } finally {
      proxy.delay(0);
    }
  });

  it('keeps the job queue running across a connection drop', async () => {
    const errors: unknown[] = [];
    const logger: JobLogger = { info() {}, warn: (obj) => errors.push(obj), error: (obj) => errors.push(obj) };
    const queue = `resilience-${newId().slice(-8)}`;
    const runner = await createBoss(database, {
      queues: [{ name: queue, retryLimit: 2, retryDelay: 1 }],
      schedule: false,
      supervise: false,
      pollingIntervalSeconds: 0.5,
      logger,
    });
    try {
      const done: string[] = [];
      await runner.work<{ n: number }>(queue, async (job) => void done.push(String(job.data.n)));
      await runner.send(queue, { n: 1 });
      await expect.poll(() => done, { timeout: 10_000 }).toContain('1');

      proxy.refuse(true);
      proxy.drop();
      await sleep(1500);
      expect(errors.length).toBeGreaterThan(0); // the drop was seen and reported, not thrown
      proxy.refuse(false);

      await expect
        .poll(
          () =>
            runner.send(queue, { n: 2 }).then(
              () => true,
              () => false,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      await expect.poll(() => done, { timeout: 15_000 }).toContain('2');
    } finally {
      await runner.stop();
    }
  });
});
