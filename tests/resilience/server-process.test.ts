import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { liveHolder } from '../../server/db/data-dir-lock.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createTenant } from '../../server/domains/tenants/tenant-creator.ts';
import { createBoss } from '../../server/jobs/boss.ts';
import { queueNames } from '../../server/jobs/queues.ts';
import { login, request, startServe, tempDataDir, type ServeProcess } from '../support/cairn-process.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { APP_ROLE, onPostgres } from '../support/test-database.ts';

// A real `cairn serve` process on the database the suite runs on: a fresh embedded data directory,
// or a scratch PostgreSQL database. It is stopped the way orchestrators stop it, with SIGTERM.
const admin = { tenant: 'acme', username: 'boss', password: 'boss-pass-123' };
let target: { env: Record<string, string>; cleanup(): Promise<void> };
let server: ServeProcess | undefined;

/** Opens the target database in this process (not while a server holds an embedded one). */
const openTarget = () =>
  openDatabase(
    target.env.DATABASE_URL
      ? { databaseUrl: target.env.DATABASE_URL, appDbRole: APP_ROLE }
      : { dataDir: target.env.CAIRN_DATA_DIR },
  );

/**
 * Holds the database in one transaction from outside the server, so that the server's
 * statements wait: a table lock on PostgreSQL, the embedded database's single session (through
 * the running server's socket) on PGlite.
 */
async function holdDatabase(lockTable: string): Promise<pg.Client> {
  const holder = liveHolder(target.env.CAIRN_DATA_DIR ?? '');
  const client = target.env.DATABASE_URL
    ? new pg.Client({ connectionString: target.env.DATABASE_URL })
    : new pg.Client({
        host: holder!.socket!.dir,
        port: holder!.socket!.port,
        user: 'postgres',
        password: holder!.socket!.password,
      });
  client.on('error', () => {}); // a shutting-down server cuts clients of its socket
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${lockTable} in access exclusive mode`);
  return client;
}

beforeAll(async () => {
  if (onPostgres()) {
    const scratch: ScratchDatabase = await createScratchDatabase();
    target = { env: { DATABASE_URL: scratch.url }, cleanup: () => scratch.drop() };
  } else {
    const dataDir = tempDataDir();
    target = { env: { CAIRN_DATA_DIR: dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true }) };
  }
  const database = await openTarget();
  await migrateToLatest(database, APP_ROLE);
  await createTenant(database.db, {
    name: 'Acme',
    slug: admin.tenant,
    adminUsername: admin.username,
    adminPassword: admin.password,
  });
  await database.close();
}, 180_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await target?.cleanup();
});

describe('cairn serve on SIGTERM', () => {
  it('finishes the requests in flight, refuses new ones, and exits 0 within 10 s', { timeout: 180_000 }, async () => {
    server = await startServe(target.env);
    const headers = (await login(server.url, admin.tenant, admin.username, admin.password))!;
    const holder = await holdDatabase('customers');
    const inFlight = request(server.url, 'POST', '/api/v1/customers', { name: '关机时的客户有限公司' }, headers);
    await sleep(500);
    const stopping = server.stop('SIGTERM');
    await sleep(500);
    // no longer listening; a kept-alive connection still open gets 503
    const late = await fetch(`${server.url}/api/health`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(late);
    // the embedded database's socket clients are cut as the shutdown begins (their transaction
    // rolls back); on PostgreSQL the outside transaction ends normally
    const released = await holder.query('commit').then(
      () => 'committed',
      () => 'cut',
    );
    expect(released).toBe(onPostgres() ? 'committed' : 'cut');
    await holder.end().catch(() => {});

    const created = await inFlight;
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const exit = await stopping;
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.ms).toBeLessThan(10_000);
    server = undefined;

    const database = await openTarget();
    const row = await database.owner
      .selectFrom('customers')
      .select('name')
      .where('id', '=', created.body.data.id)
      .executeTakeFirst();
    await database.close();
    expect(row?.name).toBe('关机时的客户有限公司');
  });

  it.skipIf(!onPostgres())(
    'stops the queue while a job runs: exits within 10 s and hands the job back for a retry',
    { timeout: 180_000 },
    async () => {
      server = await startServe(target.env);
      const holder = await holdDatabase('tenants'); // the job below reads tenants and waits
      const database = await openTarget();
      const sender = await createBoss(database, { schedule: false, supervise: false });
      const jobId = await sender.send(queueNames.recycleBinSchedule, {
        eventId: newId(),
        tenantId: newId(),
        topic: 'customer.deleted',
        createdAt: new Date().toISOString(),
        payload: {},
      });
      await sender.stop();
      const state = async () =>
        (await sql<{ state: string }>`select state from pgboss.job where id = ${jobId}`.execute(database.owner)).rows[0]
          ?.state;
      await expect.poll(state, { timeout: 20_000, interval: 200 }).toBe('active');

      const exit = await server.stop('SIGTERM');
      server = undefined;
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.ms).toBeLessThan(10_000);
      await holder.query('rollback');
      await holder.end();
      expect(await state()).toBe('retry');
      await database.close();
    },
  );
});

describe.skipIf(!onPostgres())('cairn serve while PostgreSQL connections drop', () => {
  it('stays up, answers 503 during the outage and serves again after it', { timeout: 180_000 }, async () => {
    const dbUrl = new URL(target.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
    try {
      server = await startServe({ DATABASE_URL: proxy.urlFor(target.env.DATABASE_URL!) });
      const headers = (await login(server.url, admin.tenant, admin.username, admin.password))!;
      expect((await request(server.url, 'GET', '/api/v1/customers', undefined, headers)).status).toBe(200);

      proxy.refuse(true);
      proxy.drop();
      const during = await request(server.url, 'GET', '/api/v1/customers', undefined, headers);
      expect(during.status).toBe(503);
      expect(during.body.error.code).toBe('DATABASE_UNAVAILABLE');
      await sleep(1500);
      proxy.refuse(false);

      await expect
        .poll(async () => (await request(server!.url, 'GET', '/api/v1/customers', undefined, headers)).status, {
          timeout: 10_000,
        })
        .toBe(200);
      const created = await request(server.url, 'POST', '/api/v1/customers', { name: '断线之后有限公司' }, headers);
      expect(created.status).toBe(201);
      expect(server.child.exitCode).toBeNull();
      expect(server.output().stderr).not.toMatch(/Unhandled|uncaught/i);
      const exit = await server.stop('SIGTERM');
      server = undefined;
      expect(exit.code).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
