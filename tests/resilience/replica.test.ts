import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, request, runCairn, startServe, type ServeProcess } from '../support/cairn-process.ts';
import { onPostgres } from '../support/test-database.ts';
import {
  startPrimaryWithReplica,
  throwawayClusterUnavailable,
  type PrimaryWithReplica,
} from '../support/throwaway-cluster.ts';

// A throwaway primary (initdb) and its streaming replica (pg_basebackup -R), each on a free port,
// with `cairn serve` reading lists and exports from the replica. Pausing the replica's replay
// makes its copy visibly stale, which shows which database answered each read. It needs
// PostgreSQL 15's binaries and root (initdb runs as the postgres OS user), and runs with the
// PostgreSQL suite only: the PGlite run skips it.
const unavailable = onPostgres() ? throwawayClusterUnavailable() : 'runs with the PostgreSQL suite (DATABASE_URL)';
if (unavailable) console.warn(`skipping the read-replica test: ${unavailable}`);

const tenant = 'mirror';
let cluster: PrimaryWithReplica | undefined;
let server: ServeProcess | undefined;
let primary: pg.Client;
let replica: pg.Client;

async function caughtUp() {
  // the insert position: the cluster runs with synchronous_commit off, so a committed write may
  // not be flushed (and sent to the replica) yet
  const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  const replayed = await replica.query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [
    rows[0]!.lsn,
  ]);
  return replayed.rows[0]!.ok;
}

beforeAll(async () => {
  if (unavailable) return;
  cluster = await startPrimaryWithReplica();
  const seeded = await runCairn(['seed', '--demo', '--slug', tenant, '--customers', '3', '--orders', '1'], {
    DATABASE_URL: cluster.primary.url,
  });
  expect(seeded.code, seeded.stderr).toBe(0);
  primary = new pg.Client({ connectionString: cluster.primary.url });
  replica = new pg.Client({ connectionString: cluster.replica.url });
  await Promise.all([primary.connect(), replica.connect()]);
  // the app role the seed created must reach the replica before the server connects as it
  for (let tries = 0; !(await caughtUp()); tries++) {
    if (tries > 150) throw new Error('the replica did not catch up within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server = await startServe({
    DATABASE_URL: cluster.primary.url,
    DATABASE_REPLICA_URL: cluster.replica.url,
    CAIRN_JOBS: 'off',
  });
}, 240_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await Promise.all([primary?.end(), replica?.end()].map((p) => p?.catch(() => {})));
  await cluster?.remove();
});

const customerNames = async (headers: Record<string, string>) => {
  const res = await request(server!.url, 'GET', '/api/v1/customers?limit=200', undefined, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.data as Array<{ name: string }>).map((c) => c.name);
};

describe.skipIf(Boolean(unavailable))('a streaming read replica (DATABASE_REPLICA_URL)', () => {
  it(
    'serves lists and exports, keeps read-your-writes, and reports its lag in /api/health',
    { timeout: 120_000 },
    async () => {
      const admin = (await login(server!.url, tenant, 'admin', 'cairn-demo'))!;
      const sales1 = (await login(server!.url, tenant, 'sales1', 'cairn-demo'))!;
      const users = await request(server!.url, 'GET', '/api/v1/users?limit=200', undefined, admin);
      const sales1Id = (users.body.data as Array<{ id: string; username: string }>).find(
        (u) => u.username === 'sales1',
      )!.id;
      await expect.poll(caughtUp, { timeout: 30_000, interval: 200 }).toBe(true);

      const healthy = await request(server!.url, 'GET', '/api/health');
      expect(healthy.body.replica).toMatchObject({ ok: true });
      expect(healthy.body.replica.lagBytes).toBeGreaterThanOrEqual(0);

      await replica.query('select pg_wal_replay_pause()');
      // sales1 writes: their next reads come from the primary, since the replica has not replayed it
      const mine = await request(server!.url, 'POST', '/api/v1/customers', { name: '读己所写有限公司' }, sales1);
      expect(mine.status, JSON.stringify(mine.body)).toBe(201);
      expect(await customerNames(sales1)).toContain('读己所写有限公司');
      // the admin has written nothing: their list and export come from the (paused) replica
      expect(await customerNames(admin)).not.toContain('读己所写有限公司');
      const exported = await request(
        server!.url,
        'POST',
        '/api/v1/customers/export',
        { fields: ['name'], format: 'csv' },
        admin,
      );
      expect(exported.status).toBe(200);
      expect(String(exported.body)).not.toContain('读己所写有限公司');
      const lagging = await request(server!.url, 'GET', '/api/health');
      expect(lagging.body.replica.ok).toBe(true);
      expect(lagging.body.replica.lagBytes).toBeGreaterThan(0);

      await replica.query('select pg_wal_replay_resume()');
      await expect.poll(() => customerNames(admin), { timeout: 30_000, interval: 200 }).toContain('读己所写有限公司');
      await expect.poll(caughtUp, { timeout: 30_000, interval: 200 }).toBe(true);

      // once the replica has sales1's write, their reads go back to it: a customer the admin
      // assigns to them while replay is paused again stays out of their list until replay resumes
      await replica.query('select pg_wal_replay_pause()');
      const assigned = await request(
        server!.url,
        'POST',
        '/api/v1/customers',
        { name: '副本延迟有限公司', ownerId: sales1Id },
        admin,
      );
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
      expect(await customerNames(sales1)).not.toContain('副本延迟有限公司');
      expect(await customerNames(admin)).toContain('副本延迟有限公司'); // the admin wrote it
      await replica.query('select pg_wal_replay_resume()');
      await expect.poll(() => customerNames(sales1), { timeout: 30_000, interval: 200 }).toContain('副本延迟有限公司');
    },
  );
});
