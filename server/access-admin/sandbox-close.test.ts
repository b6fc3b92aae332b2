import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { testJobRunner } from '../../tests/support/job-runner.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import '../domains/register-all.ts';
import type { JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { sandboxCloseCron } from '../jobs/register.ts';
import { auditEndedSandboxes } from './sandbox-close.ts';

let database: Database;
let runner: JobRunner;

beforeAll(async () => {
  database = await testDatabase();
  runner = await testJobRunner();
});

afterAll(async () => {
  await runner?.stop();
});

const NOW = new Date('2026-03-20T04:00:00Z'); // 12:00 in China

/** A company (7 sandbox days) with new hires at several stages. */
async function company() {
  const tenantId = newId();
  await asSystem(database.db, (trx) =>
    trx
      .insertInto('tenants')
      .values({ id: tenantId, name: '沙箱结束', slug: `s-${tenantId.slice(-12)}`, settings: '{"sandboxDays":7}' })
      .execute(),
  );
  const user = async (name: string, hireDate: string | null, endedEarly = false) => {
    const id = newId();
    await withTenant(database.db, tenantId, (trx) =>
      trx
        .insertInto('users')
        .values({
          id,
          tenant_id: tenantId,
          username: name,
          display_name: name,
          role: 'member',
          hire_date: hireDate,
          sandbox_ended_at: endedEarly ? sql<Date>`now()` : null,
        })
        .execute(),
    );
    return id;
  };
  return {
    tenantId,
    // hired 2026-03-12: the sandbox ended 2026-03-19 00:00 China time (2026-03-18T16:00Z)
    ended: await user('ended', '2026-03-12'),
    // hired 2026-03-14: sandboxed until 2026-03-21 00:00 China time
    sandboxed: await user('sandboxed', '2026-03-14'),
    endedEarly: await user('early', '2026-03-11', true),
    longAgo: await user('veteran', '2025-01-02'),
    noHireDate: await user('nodate', null),
  };
}

const sandboxEnds = (tenantId: string) =>
  withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['record_id', 'actor_id', 'actor_name', 'changes'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'sandbox.end')
      .orderBy('occurred_at')
      .execute(),
  );

describe('the automatic end of a new hire sandbox', () => {
  it('is audited once, by the system, with the moment the period ended', async () => {
    const c = await company();
    expect(await auditEndedSandboxes(database, { now: NOW, tenantId: c.tenantId })).toEqual({ audited: 1, failed: 0 });
    expect(await sandboxEnds(c.tenantId)).toEqual([
      {
        record_id: c.ended,
        actor_id: null,
        actor_name: 'system',
        changes: { sandboxEndedAt: { before: null, after: '2026-03-18T16:00:00.000Z' } },
      },
    ]);
    const again = await Promise.all([
      auditEndedSandboxes(database, { now: NOW, tenantId: c.tenantId }),
      auditEndedSandboxes(database, { now: NOW, tenantId: c.tenantId }),
    ]);
    expect(again.map((r) => r.audited)).toEqual([0, 0]);
    expect(await sandboxEnds(c.tenantId)).toHaveLength(1);
  });

  it('is audited when the next period ends, not before; overlapping runs write it once', async () => {
    const c = await company();
    await auditEndedSandboxes(database, { now: NOW, tenantId: c.tenantId });
    const justBefore = new Date('2026-03-20T15:59:59Z');
    expect((await auditEndedSandboxes(database, { now: justBefore, tenantId: c.tenantId })).audited).toBe(0);
    const justAfter = new Date('2026-03-20T16:05:00Z');
    const runs = await Promise.all([
      auditEndedSandboxes(database, { now: justAfter, tenantId: c.tenantId }),
      auditEndedSandboxes(database, { now: justAfter, tenantId: c.tenantId }),
    ]);
    expect(runs.reduce((n, r) => n + r.audited, 0)).toBe(1);
    expect((await sandboxEnds(c.tenantId)).map((e) => e.record_id)).toEqual([c.ended, c.sandboxed]);
  });

  it('runs daily just after midnight China time, when periods end, on a pg-boss schedule', async () => {
    const { rows } = await sql<{ cron: string; timezone: string }>`
      select cron, timezone from pgboss.schedule where name = ${queueNames.sandboxClose}`.execute(database.owner);
    expect(rows).toEqual([{ cron: sandboxCloseCron, timezone: 'Asia/Shanghai' }]);
    expect(sandboxCloseCron).toBe('5 0 * * *');
  });

  it('a job on the queue audits the periods that ended by now', async () => {
    const tenantId = newId();
    await asSystem(database.db, (trx) =>
      trx
        .insertInto('tenants')
        .values({ id: tenantId, name: '沙箱任务', slug: `j-${tenantId.slice(-12)}`, settings: '{}' })
        .execute(),
    );
    const id = newId();
    const hired = new Date(Date.now() - 8 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await withTenant(database.db, tenantId, (trx) =>
      trx
        .insertInto('users')
        .values({
          id,
          tenant_id: tenantId,
          username: 'jobhire',
          display_name: '新人',
          role: 'member',
          hire_date: hired,
        })
        .execute(),
    );
    await runner.send(queueNames.sandboxClose, {});
    let rows = await sandboxEnds(tenantId);
    for (let i = 0; i < 60 && rows.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await sandboxEnds(tenantId);
    }
    expect(rows.map((r) => [r.record_id, r.actor_name])).toEqual([[id, 'system']]);
  });
});
