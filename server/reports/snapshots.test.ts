import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { get, ok, post, qs, type Headers } from '../../tests/support/resource-helpers.ts';
import { plantReportFixture, v1Document, v2Document } from '../../tests/support/report-fixture.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { previousMonthIn, sealDueMonths } from './report-jobs.ts';
import { verifyChain } from './snapshots.ts';

let database: Database;
let company: Company;
let admin: Headers;
let finance: Headers;
let definitionId: string;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 0, orders: 0 });
  admin = await company.as('admin');
  finance = await company.as('finance');
  await plantReportFixture(database, company.tenantId, company.users);
  const created = ok(
    await post('/api/v1/metric-definitions', admin, {
      name: '封存口径',
      semver: '1.0',
      validFrom: '2026-01-01',
      document: v1Document,
      changeNote: '初版',
    }),
    201,
  );
  definitionId = created.id;
  ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${created.versions[0].id}/approve`, finance));
}, 120_000);

const chain = () => withTenant(database.db, company.tenantId, (trx) => verifyChain(trx, company.tenantId));

describe('sealed monthly snapshots', () => {
  it('seals a month once per definition, chaining each snapshot to the one before', async () => {
    const before = await chain();
    expect(before.ok).toBe(true);
    const sealed = ok(await post('/api/v1/snapshots/seal', finance, { month: '2026-03' }), 201);
    const mine = sealed.find((s: any) => s.definitionId === definitionId);
    expect(mine.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ok(await post('/api/v1/snapshots/seal', finance, { month: '2026-03' }), 201)).toEqual([]);
    const snapshot = ok(await get(`/api/v1/snapshots/${mine.id}`, finance));
    expect(snapshot).toMatchObject({
      period: '2026-03',
      version: '1.0',
      rateSet: 'TEST-midpoint',
      hash: mine.hash,
      prevHash: before.head,
    });
    expect(snapshot.result.totals.sum).toBe('1201234.00');
    const after = await chain();
    expect(after).toMatchObject({ ok: true, head: sealed.at(-1).hash, count: before.count + sealed.length });
    const list = ok(await get('/api/v1/snapshots', finance));
    expect(list.at(-1).hash).toBe(after.head);
  });

  it('the restatement recomputes a sealed month under a newer version beside the sealed figures, leaving it unchanged', async () => {
    const draft = ok(
      await post(`/api/v1/metric-definitions/${definitionId}/versions`, admin, {
        semver: '2.0',
        validFrom: '2026-04-01',
        document: v2Document,
        changeNote: '按回款',
      }),
      201,
    );
    ok(await post(`/api/v1/metric-definitions/${definitionId}/versions/${draft.versionId}/approve`, finance));
    const list = ok(await get('/api/v1/snapshots', finance));
    const march = list.find((s: any) => s.definitionId === definitionId && s.period === '2026-03');
    const view = ok(await get(`/api/v1/snapshots/${march.id}/restatement${qs({ version: '2.0' })}`, finance));
    expect(view.sealedTotals.sum).toBe('1201234.00');
    expect(view.restatedTotals.sum).toBe('0.00');
    expect(view.totalDelta).toBe('-1201234.00');
    expect(view.differences.map((d: any) => d.sealedSum).sort()).toEqual(['1130000.00', '71234.00']);
    expect(view.stamp.text).toContain('V2.0');
    const again = ok(await get(`/api/v1/snapshots/${march.id}`, finance));
    expect(again.hash).toBe(march.hash);
    expect((await chain()).ok).toBe(true);
  });

  it('the database rejects UPDATE, DELETE and TRUNCATE of snapshots', async () => {
    for (const statement of [
      sql`update report_snapshots set period = '2026-02' where tenant_id = ${company.tenantId}`,
      sql`delete from report_snapshots where tenant_id = ${company.tenantId}`,
      sql`truncate report_snapshots`,
    ]) {
      await expect(withTenant(database.db, company.tenantId, (trx) => statement.execute(trx))).rejects.toThrow();
      await expect(
        asSystem(database.owner, async (trx) => {
          await statement.execute(trx);
          throw new Error('not refused');
        }),
      ).rejects.toThrow(/sealed/);
    }
  });

  it('a snapshot changed behind the triggers (RLS bypassed) fails verify, naming the link', async () => {
    const list = ok(await get('/api/v1/snapshots', finance));
    const target = list.find((s: any) => s.definitionId === definitionId && s.period === '2026-03');
    await database.owner.transaction().execute(async (trx) => {
      await sql`select set_config('app.system', 'on', true)`.execute(trx);
      await sql`alter table report_snapshots disable trigger report_snapshots_no_change`.execute(trx);
      await sql`update report_snapshots set result = jsonb_set(result, '{totals,sum}', '"1300000.00"')
        where tenant_id = ${company.tenantId} and id = ${target.id}`.execute(trx);
      await sql`alter table report_snapshots enable trigger report_snapshots_no_change`.execute(trx);
    });
    const check = await chain();
    expect(check.ok).toBe(false);
    expect(check.broken).toMatchObject({
      id: target.id,
      period: '2026-03',
      reason: expect.stringContaining('does not match its hash'),
    });
    expect(ok(await get('/api/v1/snapshots', finance), 200)).toBeDefined();
  });

  it('the monthly job seals last month in the company time zone, once', async () => {
    expect(previousMonthIn('Asia/Shanghai', new Date('2026-04-30T16:00:00Z'))).toBe('2026-04');
    expect(previousMonthIn('UTC', new Date('2026-04-30T16:00:00Z'))).toBe('2026-03');
    expect(previousMonthIn('Asia/Shanghai', new Date('2026-01-01T00:00:00Z'))).toBe('2025-12');
    const other = await demoCompany({ customers: 0, orders: 0 });
    await plantReportFixture(database, other.tenantId, other.users);
    const first = await sealDueMonths(database, { tenantIds: [other.tenantId], now: new Date('2026-04-30T16:00:00Z') });
    const second = await sealDueMonths(database, {
      tenantIds: [other.tenantId],
      now: new Date('2026-04-30T16:30:00Z'),
    });
    expect(first.sealed).toBeGreaterThan(0);
    expect(second.sealed).toBe(0);
    const periods = await withTenant(database.db, other.tenantId, (trx) =>
      trx.selectFrom('report_snapshots').select('period').where('tenant_id', '=', other.tenantId).execute(),
    );
    expect(periods.map((p) => p.period)).toContain('2026-04');
  });

  it('the demo has a sealed March 2026 under 销售业绩口径 V1.0 and its restatement under V2.0', async () => {
    const demo = await demoCompany({ customers: 12, orders: 10 });
    const headers = await demo.as('finance');
    const definitions = ok(await get('/api/v1/metric-definitions', headers));
    const sales = definitions.find((d: any) => d.name === '销售业绩口径');
    const list = ok(await get('/api/v1/snapshots', headers));
    const march = list.find((s: any) => s.definitionId === sales.id && s.period === '2026-03');
    expect(march).toMatchObject({ version: '1.0', rateSet: 'CFETS-midpoint' });
    const view = ok(await get(`/api/v1/snapshots/${march.id}/restatement${qs({ version: '2.0' })}`, headers));
    expect(view.stamp.text).toBe('本数据依据口径 销售业绩口径 V2.0 生成,生效日期 2026-04-01(重述)');
    expect(view.snapshot.hash).toBe(march.hash);
    expect(definitions.map((d: any) => d.name).sort()).toEqual(
      ['商机漏斗（按阶段）', '应收账龄', '订单口径（按产品）', '销售业绩口径'].sort(),
    );
    const check = await withTenant(database.db, demo.tenantId, (trx) => verifyChain(trx, demo.tenantId));
    expect(check).toMatchObject({ ok: true, count: list.length, head: list.at(-1).hash });
  });

  it('snapshots are for definition managers', async () => {
    expect((await get('/api/v1/snapshots', await company.as('sales1'))).status).toBe(403);
  });
});
