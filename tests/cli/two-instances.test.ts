import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, request, runCairn, startServe, type ServeProcess } from '../support/cairn-process.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.ts';
import { onPostgres } from '../support/test-database.ts';

// Two `cairn serve` processes on different ports sharing one fresh PostgreSQL database: whatever
// one instance decides (sessions, login limits, roles) holds on the other, and the work both
// job runners see (cron schedules, outbox events) is done once. The embedded database admits
// one server per data directory, so the PGlite run skips this file.
const tenant = 'twin';
let scratch: ScratchDatabase | undefined;
let a: ServeProcess | undefined;
let b: ServeProcess | undefined;
let owner: pg.Client | undefined;

const count = async (text: string, values: unknown[] = []) =>
  Number((await owner!.query<{ n: string }>(`select count(*)::int as n from (${text}) q`, values)).rows[0]!.n);

beforeAll(async () => {
  if (!onPostgres()) return;
  scratch = await createScratchDatabase();
  const env = { DATABASE_URL: scratch.url };
  // migrated and seeded before either server starts, so they do not race to migrate
  const seeded = await runCairn(['seed', '--demo', '--slug', tenant, '--customers', '4', '--orders', '1'], env);
  expect(seeded.code, seeded.stderr).toBe(0);
  // each minute instead of daily, so the test sees the schedule fire
  const serveEnv = { ...env, CAIRN_RECYCLE_BIN_PURGE_CRON: '* * * * *' };
  [a, b] = await Promise.all([startServe(serveEnv), startServe(serveEnv)]);
  owner = new pg.Client({ connectionString: scratch.url });
  await owner.connect();
}, 240_000);

afterAll(async () => {
  await owner?.end();
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await scratch?.drop();
});

describe.skipIf(!onPostgres())('two cairn serve instances on one PostgreSQL database', () => {
  it('listen on different ports', () => {
    expect(a!.url).not.toBe(b!.url);
  });

  it('a session made on one instance works on the other, and signing out on one ends it on both', async () => {
    const headers = (await login(a!.url, tenant, 'sales1', 'cairn-demo'))!;
    expect(headers).toBeDefined();
    expect((await request(b!.url, 'GET', '/api/v1/customers?limit=5', undefined, headers)).status).toBe(200);
    expect((await request(b!.url, 'POST', '/api/v1/auth/logout', undefined, headers)).status).toBeLessThan(300);
    expect((await request(a!.url, 'GET', '/api/v1/customers?limit=5', undefined, headers)).status).toBe(401);
  });

  it('login rate limits count failures made on both instances', async () => {
    const attempt = (base: string, password: string) =>
      request(base, 'POST', '/api/v1/auth/login', { tenant, username: 'sales2', password });
    // five failures per username in the window: three on one instance, two on the other
    for (const base of [a!.url, b!.url, a!.url, b!.url, a!.url])
      expect((await attempt(base, 'wrong-pass')).status).toBe(401);
    const limited = await attempt(b!.url, 'cairn-demo');
    expect(limited.status, JSON.stringify(limited.body)).toBe(429);
    expect((await attempt(a!.url, 'cairn-demo')).status).toBe(429);
  });

  it('a role change made on one instance is seen by the other at the next request', async () => {
    const admin = (await login(a!.url, tenant, 'admin', 'cairn-demo'))!;
    const intern = (await login(b!.url, tenant, 'intern', 'cairn-demo'))!;
    const users = await request(a!.url, 'GET', '/api/v1/users?limit=200', undefined, admin);
    const internId = (users.body.data as Array<{ id: string; username: string }>).find(
      (u) => u.username === 'intern',
    )!.id;
    expect((await request(b!.url, 'GET', '/api/v1/customers?limit=5', undefined, intern)).status).toBe(200);

    const changed = await request(a!.url, 'PUT', `/api/v1/users/${internId}/roles`, { roleIds: [] }, admin);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await request(b!.url, 'GET', '/api/v1/customers?limit=5', undefined, intern);
    expect(after.status, JSON.stringify(after.body)).toBe(403);
  });

  it('a grant removed on one instance is enforced by the other, whose access cache held it', async () => {
    const admin = (await login(a!.url, tenant, 'admin', 'cairn-demo'))!;
    const sales1 = (await login(b!.url, tenant, 'sales1', 'cairn-demo'))!;
    for (let i = 0; i < 2; i++)
      expect((await request(b!.url, 'GET', '/api/v1/customers?limit=5', undefined, sales1)).status).toBe(200);
    const roles = await request(a!.url, 'GET', '/api/v1/roles', undefined, admin);
    const rep = (roles.body.data as Array<{ id: string; name: string; version: number }>).find(
      (r) => r.name === '销售代表',
    )!;
    const changed = await request(
      a!.url,
      'PATCH',
      `/api/v1/roles/${rep.id}`,
      { grants: [], version: rep.version },
      admin,
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await request(b!.url, 'GET', '/api/v1/customers?limit=5', undefined, sales1);
    expect(after.status, JSON.stringify(after.body)).toBe(403);
  });

  it('an outbox event is delivered once although both instances dispatch', { timeout: 60_000 }, async () => {
    const admin = (await login(b!.url, tenant, 'admin', 'cairn-demo'))!;
    const created = await request(a!.url, 'POST', '/api/v1/customers', { name: '双实例测试有限公司' }, admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.id as string;
    const deleted = await request(b!.url, 'DELETE', `/api/v1/customers/${id}`, undefined, admin);
    expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(300);

    const event = await owner!.query<{ id: string; tenant_id: string }>(
      `select id, tenant_id from outbox_events where topic = 'customer.deleted' and payload::text like $1`,
      [`%${id}%`],
    );
    expect(event.rows).toHaveLength(1);
    const { id: eventId, tenant_id: tenantId } = event.rows[0]!;
    await expect
      .poll(() => count(`select 1 from outbox_events where id = $1 and dispatched_at is not null`, [eventId]), {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(1);
    // the subscriber's job ran to completion, and booked one purge for the tenant
    const jobs = `select id, name, state, data from pgboss.job union all select id, name, state, data from pgboss.archive`;
    // one job per subscribed queue (the recycle-bin schedule and the automation rules), never two
    for (const queue of ['recycle-bin.schedule', 'automation.run'])
      await expect
        .poll(() => count(`select 1 from (${jobs}) j where j.id = $1 and j.name = $2`, [eventId, queue]), {
          timeout: 30_000,
          interval: 250,
        })
        .toBe(1);
    expect(await count(`select 1 from (${jobs}) j where j.id = $1`, [eventId])).toBe(2);
    await expect
      .poll(
        () =>
          count(
            `select 1 from (${jobs}) j where j.id = $1 and j.name = 'recycle-bin.schedule' and j.state = 'completed'`,
            [eventId],
          ),
        { timeout: 30_000, interval: 250 },
      )
      .toBe(1);
    expect(
      await count(`select 1 from (${jobs}) j where j.name = 'recycle-bin.purge' and j.data->>'tenantId' = $1`, [
        tenantId,
      ]),
    ).toBe(1);
  });

  it('the scheduled recycle-bin purge runs once per firing, not once per instance', { timeout: 150_000 }, async () => {
    const jobs = `select name, state, data, created_on from pgboss.job union all select name, state, data, created_on from pgboss.archive`;
    const cronJobs = `select date_trunc('minute', created_on) as minute, state from (${jobs}) j
      where j.name = 'recycle-bin.purge' and not (j.data ? 'tenantId')`;
    await expect
      .poll(() => count(`select 1 from (${cronJobs}) c where c.state = 'completed'`), {
        timeout: 130_000,
        interval: 1000,
      })
      .toBeGreaterThanOrEqual(1);
    const perMinute = await owner!.query<{ minute: Date; n: number }>(
      `select minute, count(*)::int as n from (${cronJobs}) c group by minute`,
    );
    expect(perMinute.rows.length).toBeGreaterThanOrEqual(1);
    for (const row of perMinute.rows)
      expect(row.n, `purges created in the minute of ${row.minute.toISOString()}`).toBe(1);
  });
});
