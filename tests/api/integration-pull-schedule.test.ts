import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { testJobRunner } from '../support/job-runner.ts';
import { ok, post, type Headers } from '../support/resource-helpers.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import type { Database } from '../../server/db/database.ts';
import type { JobRunner } from '../../server/jobs/boss.ts';
import { pullQueueNames, pullTick, pullTickCron, slotJobId } from '../../server/integration/pull/pull-jobs.ts';

let runner: JobRunner;
let database: Database;
let server: http.Server;
let base: string;
let requests = 0;

beforeAll(async () => {
  database = await testDatabase();
  runner = await testJobRunner();
  server = http.createServer((_req, res) => {
    requests++;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify([{ id: 'S-1', company: '定时拉取有限公司', updated_at: '2026-11-30T08:00:00Z' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await runner?.stop();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function dailyPull(company: Company, admin: Headers) {
  return ok(
    await post('/api/v1/channels', admin, {
      key: 'daily-pull',
      name: '每日拉取',
      kind: 'pull',
      serviceUserId: company.users.admin,
      mapping: [{ source: 'company', target: 'name' }],
      config: { url: `${base}/leads`, cron: '0 9 * * *', cursorField: 'updated_at' },
    }),
    201,
  ) as { id: string };
}

const lastSlotOf = (company: Company, channelId: string) =>
  withTenant(database.db, company.tenantId, async (trx) =>
    (
      await trx
        .selectFrom('channel_cursors')
        .select('last_slot_at')
        .where('tenant_id', '=', company.tenantId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst()
    )?.last_slot_at?.toISOString(),
  );

describe('scheduled pulls (pg-boss)', () => {
  it('one pg-boss schedule ticks every minute; it fires each channel slot once, in the company time zone', async () => {
    const { rows } = await sql<{ cron: string }>`
      select cron from pgboss.schedule where name = ${pullQueueNames.tick}`.execute(database.owner);
    expect(rows).toEqual([{ cron: pullTickCron }]);

    const company = await demoCompany({ customers: 1, orders: 0 });
    const admin = await company.as('admin');
    const channel = await dailyPull(company, admin);
    const tick = (at: string) => pullTick(database, runner, new Date(at), { tenantId: company.tenantId });

    // 09:30 in Shanghai: the 09:00 slot is due, once
    expect(await tick('2026-12-01T01:30:00Z')).toBe(1);
    expect(await lastSlotOf(company, channel.id)).toBe('2026-12-01T01:00:00.000Z');
    expect(await tick('2026-12-01T01:31:00Z')).toBe(0);
    expect(await tick('2026-12-02T00:59:00Z')).toBe(0);
    expect(await tick('2026-12-02T01:00:30Z')).toBe(1);

    // the job for the slot runs the pull (a second send with the same id is ignored)
    const job = await asSystem(
      database.owner,
      async (trx) =>
        (
          await sql<{
            id: string;
          }>`select id from pgboss.job where id = ${slotJobId(channel.id, new Date('2026-12-01T01:00:00Z'))}`.execute(
            trx,
          )
        ).rows,
    );
    expect(job).toHaveLength(1);
    let runs: Array<{ trigger: string; status: string }> = [];
    for (let i = 0; i < 80 && runs.filter((r) => r.status === 'succeeded').length < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      runs = await withTenant(database.db, company.tenantId, (trx) =>
        trx
          .selectFrom('pull_runs')
          .select(['trigger', 'status'])
          .where('tenant_id', '=', company.tenantId)
          .where('channel_id', '=', channel.id)
          .execute(),
      );
    }
    expect(runs.some((r) => r.trigger === 'schedule' && r.status === 'succeeded')).toBe(true);
    expect(requests).toBeGreaterThan(0);
  });

  it("uses the company's own time zone when it has one", async () => {
    const company = await demoCompany({ customers: 1, orders: 0 });
    const admin = await company.as('admin');
    await asSystem(database.owner, (trx) =>
      trx
        .updateTable('tenants')
        .set({ settings: sql`settings || '{"timeZone":"America/New_York"}'::jsonb` })
        .where('id', '=', company.tenantId)
        .execute(),
    );
    const channel = await dailyPull(company, admin);
    // 08:30 in New York (UTC-5): the latest 09:00 slot there is yesterday's, 14:00 UTC
    expect(await pullTick(database, runner, new Date('2026-12-01T13:30:00Z'), { tenantId: company.tenantId })).toBe(1);
    expect(await lastSlotOf(company, channel.id)).toBe('2026-11-30T14:00:00.000Z');
  });
});
