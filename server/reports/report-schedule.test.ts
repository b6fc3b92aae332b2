import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { testJobRunner } from '../../tests/support/job-runner.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import '../domains/register-all.ts';
import type { JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { reportSealCron } from './report-jobs.ts';

let runner: JobRunner;

beforeAll(async () => {
  runner = await testJobRunner();
});

afterAll(async () => {
  await runner?.stop();
});

describe('the monthly seal (pg-boss)', () => {
  it('is one pg-boss schedule, fired once across instances', async () => {
    const database = await testDatabase();
    const rows = (
      await sql<{
        cron: string;
        timezone: string;
      }>`select cron, timezone from pgboss.schedule where name = ${queueNames.reportsSeal}`.execute(database.owner)
    ).rows;
    expect(rows).toEqual([{ cron: reportSealCron, timezone: 'UTC' }]);
  });

  it("its job seals the month that just ended in the company's time zone", async () => {
    const database = await testDatabase();
    const company = await demoCompany({ customers: 2, orders: 2 });
    // 2026-07-01 00:05 in Shanghai is still 30 June in UTC
    await runner.send(queueNames.reportsSeal, { tenantId: company.tenantId, now: '2026-06-30T16:05:00Z' });
    let periods: string[] = [];
    for (let i = 0; i < 80 && !periods.includes('2026-06'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      periods = (
        await withTenant(database.db, company.tenantId, (trx) =>
          trx.selectFrom('report_snapshots').select('period').where('tenant_id', '=', company.tenantId).execute(),
        )
      ).map((r) => r.period);
    }
    expect(periods).toContain('2026-06');
  });
});
