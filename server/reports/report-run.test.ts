import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { get, ok, post, qs, type Headers } from '../../tests/support/resource-helpers.ts';
import { plantReportFixture, v1Document, v2Document, type Fixture } from '../../tests/support/report-fixture.ts';

let company: Company;
let admin: Headers;
/** Approves: four-eyes, never the author (admin). */
let finance: Headers;
let fixture: Fixture;
let salesId: string;

/** Creates a definition with approved versions (validFrom → document) through the API. */
async function definition(name: string, versions: Array<[string, string, object]>) {
  const [first, ...rest] = versions;
  const created = ok(
    await post('/api/v1/metric-definitions', admin, {
      name,
      semver: first![0],
      validFrom: first![1],
      document: first![2],
      changeNote: '初版',
    }),
    201,
  );
  ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${created.versions[0].id}/approve`, finance));
  for (const [semver, validFrom, document] of rest) {
    const draft = ok(
      await post(`/api/v1/metric-definitions/${created.id}/versions`, admin, {
        semver,
        validFrom,
        document,
        changeNote: '改版',
      }),
      201,
    );
    ok(await post(`/api/v1/metric-definitions/${created.id}/versions/${draft.versionId}/approve`, finance));
  }
  return created.id as string;
}

const run = async (headers: Headers, body: Record<string, unknown>) => post('/api/v1/reports/run', headers, body);

beforeAll(async () => {
  const database = await testDatabase();
  company = await demoCompany({ customers: 0, orders: 0 });
  admin = await company.as('admin');
  finance = await company.as('finance');
  fixture = await plantReportFixture(database, company.tenantId, company.users);
  salesId = await definition('测试销售口径', [
    ['1.0', '2026-01-01', v1Document],
    ['2.0', '2026-04-01', v2Document],
  ]);
}, 120_000);

describe('the seed case: signed 1.2 M vs received, net, deduplicated (to the cent)', () => {
  it('V1.0 gives the signed, tax-inclusive figure: 1,130,000.00 + 10,000 USD × 7.1234 (month end)', async () => {
    const report = ok(
      await run(admin, { definitionId: salesId, from: '2026-03-01', to: '2026-03-31', groupBy: ['owner'] }),
    );
    expect(report.totals).toEqual({ sum: '1201234.00', count: 2, distinctCustomers: 2, averageDealSize: '600617.00' });
    const byOwner = Object.fromEntries(report.rows.map((r: any) => [r.group.owner, r.sum]));
    expect(byOwner).toEqual({ [company.users.sales1]: '1130000.00', [company.users.sales2]: '71234.00' });
    expect(report.rows.every((r: any) => r.version === '1.0')).toBe(true);
    expect(report.stamp.text).toBe('本数据依据口径 测试销售口径 V1.0 生成,生效日期 2026-01-01');
    expect(report.stamp.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.stamp.rateSources).toEqual([
      expect.objectContaining({
        rateSet: 'TEST-midpoint',
        source: 'test midpoint',
        currency: 'USD',
        quote: 'CNY',
        firstRateDate: '2026-03-31',
      }),
    ]);
  });

  it('V2.0 gives the received, net, deduplicated figure: two same-day payments of one customer are one deal', async () => {
    const report = ok(
      await run(admin, { definitionId: salesId, from: '2026-04-01', to: '2026-04-30', groupBy: ['owner'] }),
    );
    // 339000/1.13 + 113000/1.13 + 5000 × 7.1000 + 1000/1.13 + 53000/1.06 = 486384.955752… → 486384.96
    expect(report.totals).toEqual({ sum: '486384.96', count: 4, distinctCustomers: 2, averageDealSize: '121596.24' });
    const byOwner = Object.fromEntries(report.rows.map((r: any) => [r.group.owner, [r.sum, r.count]]));
    expect(byOwner).toEqual({ [company.users.sales1]: ['450884.96', 3], [company.users.sales2]: ['35500.00', 1] });
    expect(report.stamp.text).toBe('本数据依据口径 测试销售口径 V2.0 生成,生效日期 2026-04-01');
  });

  it('restating March under V2.0 counts March receipts (none), never the draft contract', async () => {
    const report = ok(
      await run(admin, {
        definitionId: salesId,
        from: '2026-03-01',
        to: '2026-03-31',
        groupBy: [],
        restateUnder: '2.0',
      }),
    );
    expect(report.totals.sum).toBe('0.00');
    expect(report.stamp.text).toContain('V2.0');
    expect(report.stamp.restated).toBe(true);
  });
});

describe('effective dating', () => {
  it('a period across the 2026-04-01 boundary shows the split: March under V1.0, April under V2.0', async () => {
    const report = ok(
      await run(admin, { definitionId: salesId, from: '2026-03-01', to: '2026-04-30', groupBy: ['month'] }),
    );
    expect(report.rows.map((r: any) => [r.version, r.group.month, r.sum])).toEqual([
      ['1.0', '2026-03', '1201234.00'],
      ['2.0', '2026-04', '486384.96'],
    ]);
    expect(report.segments.map((s: any) => [s.version, s.from, s.to, s.basis])).toEqual([
      ['1.0', '2026-03-01', '2026-03-31', 'signed'],
      ['2.0', '2026-04-01', '2026-04-30', 'received'],
    ]);
    expect(report.totals.sum).toBe('1687618.96');
    expect(report.stamp.text).toBe(
      '本数据依据口径 测试销售口径 V1.0 生成,生效日期 2026-01-01;本数据依据口径 测试销售口径 V2.0 生成,生效日期 2026-04-01',
    );
    // the contract signed on 2026-04-02 falls under V2.0, which counts receipts, not signatures
    const signedApril = ok(
      await run(admin, { definitionId: salesId, version: '1.0', from: '2026-04-01', to: '2026-04-30', groupBy: [] }),
    );
    expect(signedApril.totals.sum).toBe('106000.00');
  });

  it('a period starting before the first version is refused, naming from', async () => {
    const res = await run(admin, { definitionId: salesId, from: '2025-12-01', to: '2026-01-31', groupBy: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].path).toBe('from');
  });
});

describe('exchange rates', () => {
  it('a missing rate is 422 FX_RATE_MISSING listing the dates and currencies, never a silent 1.0', async () => {
    const id = await definition('缺汇率口径', [
      ['1.0', '2026-01-01', { ...v2Document, currency: { ...v2Document.currency, rateSet: 'EMPTY-set' } }],
    ]);
    const res = await run(admin, { definitionId: id, from: '2026-04-01', to: '2026-04-30', groupBy: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FX_RATE_MISSING');
    expect(res.body.error.details).toMatchObject({
      rateSet: 'EMPTY-set',
      missing: [{ date: '2026-04-15', currency: 'USD' }],
      dates: ['2026-04-15'],
      currencies: ['USD'],
    });
  });

  it('"last published before the date" uses the earlier rate and the report says which', async () => {
    ok(
      await post('/api/v1/fx-rates', admin, {
        rateSet: 'SPARSE-set',
        source: 'manual',
        reason: '补录 4 月 14 日中间价',
        rates: [{ base: 'USD', quote: 'CNY', rateDate: '2026-04-14', rate: '7.09' }],
      }),
      201,
    );
    const doc = {
      ...v2Document,
      currency: { ...v2Document.currency, rateSet: 'SPARSE-set', missingRate: 'lastPublishedBefore' },
    };
    const id = await definition('补位汇率口径', [['1.0', '2026-01-01', doc]]);
    const report = ok(await run(admin, { definitionId: id, from: '2026-04-15', to: '2026-04-15', groupBy: [] }));
    expect(report.totals.sum).toBe('35450.00');
    expect(report.segments[0].substitutions).toEqual([
      { currency: 'USD', date: '2026-04-15', usedRateDate: '2026-04-14' },
    ]);
    expect(report.stamp.rateSources).toEqual([
      expect.objectContaining({ source: 'manual', firstRateDate: '2026-04-14' }),
    ]);
  });
});

describe('pipeline by stage and receivables ageing', () => {
  it('pipeline: open opportunities by stage on their expected close date, won and lost left out', async () => {
    const doc = {
      ...v1Document,
      basis: 'pipeline',
      filters: { excludeContractStatuses: [], excludeStages: ['won', 'lost'] },
      dimensions: ['stage'],
    };
    const id = await definition('测试商机漏斗', [
      ['1.0', '2026-01-01', { ...doc, currency: { ...doc.currency, rateRule: 'basisDate' } }],
    ]);
    const report = ok(await run(admin, { definitionId: id, from: '2026-04-01', to: '2026-04-30', groupBy: ['stage'] }));
    expect(report.rows.map((r: any) => [r.group.stage, r.sum, r.count])).toEqual([
      ['negotiation', '7100.00', 1],
      ['proposal', '200000.00', 1],
    ]);
  });

  it('receivables ageing: what is unpaid on `to`, by days past due', async () => {
    const doc = { ...v1Document, basis: 'receivables', dimensions: ['ageBucket'] };
    const id = await definition('测试应收账龄', [['1.0', '2026-01-01', doc]]);
    const april = ok(
      await run(admin, { definitionId: id, from: '2026-04-01', to: '2026-04-30', groupBy: ['ageBucket'] }),
    );
    expect(april.rows.map((r: any) => [r.group.ageBucket, r.sum])).toEqual([['31-60', '53000.00']]);
    const midApril = ok(
      await run(admin, { definitionId: id, from: '2026-04-01', to: '2026-04-09', groupBy: ['ageBucket'] }),
    );
    expect(midApril.rows.map((r: any) => [r.group.ageBucket, r.sum])).toEqual([['31-60', '106000.00']]);
  });
});

describe('scope', () => {
  it("a rep's report equals the sum over their own records only", async () => {
    const rep = await company.as('sales1');
    const report = ok(await run(rep, { definitionId: salesId, from: '2026-03-01', to: '2026-03-31', groupBy: [] }));
    const filter = { signedDate: { gte: '2026-03-01', lte: '2026-03-31' }, status: { ne: 'draft' } };
    const own = ok(await get(`/api/v1/contracts${qs({ filter, limit: 200 })}`, rep)) as Array<{
      amountInclTax: string;
      currency: string;
    }>;
    expect(own.every((c) => c.currency === 'CNY')).toBe(true);
    const expected = own.reduce((sum, c) => sum.plus(c.amountInclTax), new Decimal(0)).toFixed(2);
    expect(report.totals.sum).toBe(expected);
    expect(expected).toBe('1130000.00');
    const april = ok(await run(rep, { definitionId: salesId, from: '2026-04-01', to: '2026-04-30', groupBy: [] }));
    expect(april.totals).toMatchObject({ sum: '450884.96', count: 3, distinctCustomers: 1 });
  });

  it('drill-down lists the records behind a cell, in the same scope, with their deals', async () => {
    const rep = await company.as('sales2');
    const body = { definitionId: salesId, from: '2026-04-01', to: '2026-04-30', groupBy: ['owner'] };
    const mine = ok(await post('/api/v1/reports/drill', rep, { ...body, cell: { owner: company.users.sales2 } }));
    expect(mine.records.map((r: any) => [r.recordType, r.currency, r.amount, r.value])).toEqual([
      ['payment', 'USD', '5000.00', '35500.00'],
    ]);
    const others = ok(await post('/api/v1/reports/drill', rep, { ...body, cell: { owner: company.users.sales1 } }));
    expect(others.records).toEqual([]);
    const all = ok(await post('/api/v1/reports/drill', admin, { ...body, cell: { owner: company.users.sales1 } }));
    expect(all.records).toHaveLength(4);
    expect(all.deals.map((d: any) => d.records).sort()).toEqual([1, 1, 2]);
    expect(
      all.records.every((r: any) => r.contractId === fixture.contracts.c1 || r.contractId === fixture.contracts.c3),
    ).toBe(true);
  });

  it('exports the report as xlsx with the stamp', async () => {
    const res = await post('/api/v1/reports/export', admin, {
      definitionId: salesId,
      from: '2026-04-01',
      to: '2026-04-30',
      groupBy: ['owner'],
    });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => texts.push((row.values as unknown[]).slice(1).join('|')));
    expect(texts).toContain('本数据依据口径 测试销售口径 V2.0 生成,生效日期 2026-04-01');
    expect(texts.some((t) => t.startsWith('合计 Total') && t.includes('486384.96'))).toBe(true);
    expect(texts.some((t) => t.startsWith('口径哈希'))).toBe(true);
  });
});
