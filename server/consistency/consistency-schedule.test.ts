import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompany } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { testJobRunner } from '../../tests/support/job-runner.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import '../domains/register-all.ts';
import type { JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { consistencyScanCron } from '../jobs/register.ts';

let runner: JobRunner;

beforeAll(async () => {
  runner = await testJobRunner();
});

afterAll(async () => {
  await runner?.stop();
});

describe('the scheduled consistency scan (pg-boss)', () => {
  it('is one pg-boss schedule (fired once across instances), daily in Asia/Shanghai', async () => {
    const database = await testDatabase();
    const rows = (
      await sql<{
        cron: string;
        timezone: string;
      }>`select cron, timezone from pgboss.schedule where name = ${queueNames.consistencyScan}`.execute(database.owner)
    ).rows;
    expect(rows).toEqual([{ cron: consistencyScanCron, timezone: 'Asia/Shanghai' }]);
  });

  it("its job writes a company's findings report", async () => {
    const database = await testDatabase();
    const company = await demoCompany({ customers: 2, orders: 0 });
    await runner.send(queueNames.consistencyScan, { tenantId: company.tenantId });
    let reports: Array<{ trigger: string; status: string }> = [];
    for (let i = 0; i < 60 && reports.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      reports = await withTenant(database.db, company.tenantId, (trx) =>
        trx
          .selectFrom('consistency_reports')
          .select(['trigger', 'status'])
          .where('tenant_id', '=', company.tenantId)
          .execute(),
      );
    }
    expect(reports).toEqual([{ trigger: 'schedule', status: 'done' }]);
  });
});
