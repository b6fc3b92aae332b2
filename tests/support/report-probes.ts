/** The report routes as the field-rule prober calls them (tests/api/route-field-rules.test.ts). */
import { expect } from 'vitest';
import { get, ok, post, qs, type Headers, type Res } from './resource-helpers.ts';

/** Runs, drills into or exports every seeded definition (signed: contract amounts masked; ordered: order amounts hidden). */
export async function probeReportRoute(url: string, admin: Headers, prober: Headers): Promise<Res[]> {
  const pages: Res[] = [];
  for (const definition of ok(await get('/api/v1/metric-definitions', admin)))
    for (const groupBy of [[], ['owner', 'month'], ['product']])
      pages.push(
        await post(url, prober, {
          definitionId: definition.id,
          from: '2026-01-01',
          to: '2030-12-31',
          groupBy,
          cell: {},
        }),
      );
  return pages;
}

/** Every sealed snapshot, or its restatement, as the prober reads it. */
export async function probeSnapshotRoute(restatement: boolean, admin: Headers, prober: Headers): Promise<Res[]> {
  const pages: Res[] = [];
  for (const snapshot of ok(await get('/api/v1/snapshots', admin)))
    pages.push(
      await get(
        `/api/v1/snapshots/${snapshot.id}${restatement ? `/restatement${qs({ version: snapshot.version })}` : ''}`,
        prober,
      ),
    );
  expect(pages.length).toBeGreaterThan(0);
  return pages;
}

/** A report over contract amounts shows masked sums to a caller who sees those amounts masked, and real ones to the admin. */
export async function expectMaskedReportSums(admin: Headers, prober: Headers) {
  const sales = ok(await get('/api/v1/metric-definitions', admin)).find(
    (d: { name: string }) => d.name === '销售业绩口径',
  );
  const body = { definitionId: sales.id, version: '1.0', from: '2026-01-01', to: '2030-12-31', groupBy: ['owner'] };
  const signed = ok(await post('/api/v1/reports/run', prober, body));
  expect(signed.totals).toMatchObject({ sum: '***', averageDealSize: '***' });
  expect(signed.totals.count).toBeGreaterThan(0);
  expect(signed.rows.every((r: { sum: string }) => r.sum === '***')).toBe(true);
  expect(ok(await post('/api/v1/reports/run', admin, body)).totals.sum).toMatch(/^\d+\.\d{2}$/);
}
