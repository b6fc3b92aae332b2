import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import '../domains/register-all.ts';
import { newId } from '../../common/ids.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { plantReportFixture } from '../../tests/support/report-fixture.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { dedupParts, type DefinitionDocument } from './definition-schema.ts';
import { companyScope } from './report-scope.ts';
import { aggregate, drillRecords } from './report-sql.ts';

let database: Database;
let company: Company;
let customers: string[];

class Rollback extends Error {}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 0, orders: 0 });
  const fixture = await plantReportFixture(database, company.tenantId, company.users);
  customers = [fixture.customerA, fixture.customerB];
}, 120_000);

const orderArb = fc.record({
  customer: fc.integer({ min: 0, max: 1 }),
  sku: fc.constantFrom('SKU-A', 'SKU-B', 'SKU-C'),
  day: fc.integer({ min: 1, max: 3 }),
  cents: fc.integer({ min: 1, max: 10_000_000 }),
});

const doc = (dedupKey: DefinitionDocument['dedupKey']): DefinitionDocument => ({
  basis: 'ordered',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: 'none', missingRate: 'error' },
  dedupKey,
  filters: { excludeContractStatuses: [], excludeStages: [] },
  dimensions: [],
  measures: ['sum', 'count'],
});

describe('dedup keys (property)', () => {
  it('under any dedup key, the deduplicated groups add up to the sum of the original rows, and count the distinct keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb, { minLength: 1, maxLength: 12 }),
        fc.subarray([...dedupParts]),
        async (orders, key) => {
          const range = { from: '2031-01-01', to: '2031-01-31' };
          await withTenant(database.db, company.tenantId, async (trx) => {
            await trx
              .insertInto('orders')
              .values(
                orders.map((o) => ({
                  id: newId(),
                  tenant_id: company.tenantId,
                  customer_id: customers[o.customer]!,
                  owner_id: company.users.sales1,
                  sku: o.sku,
                  quantity: '1',
                  amount: new Decimal(o.cents).div(100).toFixed(2),
                  currency: 'CNY',
                  ordered_at: `2031-01-0${o.day}T04:00:00Z`,
                })),
              )
              .execute();
            const definition = doc(key);
            const scope = companyScope(company.tenantId);
            const [totals] = await aggregate(trx, definition, scope, range, []);
            const records = await drillRecords(trx, definition, scope, range, {}, 1000);
            const deals = new Map<string, Decimal>();
            for (const r of records) deals.set(r.dealKey, (deals.get(r.dealKey) ?? new Decimal(0)).plus(r.value));
            const dealTotal = [...deals.values()].reduce((a, b) => a.plus(b), new Decimal(0));
            const original = orders.reduce((a, o) => a.plus(new Decimal(o.cents).div(100)), new Decimal(0));
            expect(dealTotal.toFixed(2)).toBe(original.toFixed(2));
            expect(totals!.sum).toBe(original.toFixed(2));
            // the oracle: distinct keys computed here, independently of the SQL
            const part = (o: (typeof orders)[number], p: string) =>
              p === 'customer' ? o.customer : p === 'sku' ? o.sku : p === 'day' ? o.day : '';
            const expectedDeals = key.length
              ? new Set(orders.map((o) => key.map((p) => part(o, p)).join('|'))).size
              : orders.length;
            expect(totals!.count).toBe(expectedDeals);
            expect(deals.size).toBe(expectedDeals);
            throw new Rollback();
          }).catch((error) => {
            if (!(error instanceof Rollback)) throw error;
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});
