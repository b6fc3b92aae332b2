/**
 * The seed's case (🛠️ 报表不准) as fixture rows, written straight into a company's tables so that
 * every figure is known: two customers (one per sales rep), three contracts (CNY at 13 %, CNY at
 * 6 %, USD without tax), payments in April 2026 (two on the same day for the same customer),
 * a deal split into small orders, and the rates of a test rate set.
 */
import { newId } from '../../common/ids.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { DefinitionDocument } from '../../server/reports/definition-schema.ts';
import { storeRates } from '../../server/reports/fx-rates.ts';

export const TEST_RATE_SET = 'TEST-midpoint';

export interface Fixture {
  customerA: string;
  customerB: string;
  contracts: { c1: string; c2: string; c3: string };
}

const base = (tenantId: string, by: string) => ({ id: newId(), tenant_id: tenantId, created_by: by, updated_by: by });

export async function plantReportFixture(
  database: Database,
  tenantId: string,
  users: { admin: string; sales1: string; sales2: string },
): Promise<Fixture> {
  return withTenant(database.db, tenantId, async (trx) => {
    const a = {
      ...base(tenantId, users.admin),
      name: `报表客户甲${newId().slice(-6)}`,
      owner_id: users.sales1,
      region: '华东',
      industry: '制造业',
      custom: '{}',
    };
    const b = {
      ...base(tenantId, users.admin),
      name: `报表客户乙${newId().slice(-6)}`,
      owner_id: users.sales2,
      region: '华南',
      industry: '零售',
      custom: '{}',
    };
    await trx.insertInto('customers').values([a, b]).execute();
    const contract = (
      customer: string,
      owner: string,
      n: string,
      currency: string,
      amount: string,
      tax: string,
      signed: string,
    ) => ({
      ...base(tenantId, users.admin),
      customer_id: customer,
      owner_id: owner,
      number: `HT-R-${n}-${newId().slice(-6)}`,
      currency,
      amount_incl_tax: amount,
      tax_rate: tax,
      status: 'active',
      signed_date: signed,
    });
    const c1 = contract(a.id, users.sales1, '1', 'CNY', '1130000.00', '0.1300', '2026-03-15');
    const c2 = contract(b.id, users.sales2, '2', 'USD', '10000.00', '0.0000', '2026-03-20');
    const c3 = contract(a.id, users.sales1, '3', 'CNY', '106000.00', '0.0600', '2026-04-02');
    const draft = { ...contract(b.id, users.sales2, '4', 'CNY', '500000.00', '0.1300', '2026-03-25'), status: 'draft' };
    await trx.insertInto('contracts').values([c1, c2, c3, draft]).execute();
    const installment = {
      ...base(tenantId, users.admin),
      contract_id: c1.id,
      seq: 1,
      due_date: '2026-04-10',
      amount: '452000.00',
    };
    // c3's single installment, half paid on 2026-04-20: 53,000.00 still open at the end of April, 60 days past due
    const installment3 = {
      ...base(tenantId, users.admin),
      contract_id: c3.id,
      seq: 1,
      due_date: '2026-03-01',
      amount: '106000.00',
    };
    await trx.insertInto('contract_installments').values([installment, installment3]).execute();
    const payment = (
      contractId: string,
      amount: string,
      currency: string,
      date: string,
      installmentId: string | null = null,
    ) => ({
      ...base(tenantId, users.admin),
      contract_id: contractId,
      installment_id: installmentId,
      amount,
      currency,
      received_date: date,
    });
    await trx
      .insertInto('payments')
      .values([
        payment(c1.id, '339000.00', 'CNY', '2026-04-10', installment.id),
        payment(c1.id, '113000.00', 'CNY', '2026-04-10', installment.id),
        payment(c2.id, '5000.00', 'USD', '2026-04-15'),
        payment(c1.id, '1000.00', 'CNY', '2026-04-28'),
        payment(c3.id, '53000.00', 'CNY', '2026-04-20', installment3.id),
      ])
      .execute();
    const order = (customer: string, owner: string, sku: string, amount: string, quantity: string, at: string) => ({
      ...base(tenantId, users.admin),
      customer_id: customer,
      owner_id: owner,
      sku,
      amount,
      quantity,
      currency: 'CNY',
      ordered_at: at,
    });
    await trx
      .insertInto('orders')
      .values([
        // one deal split into three small orders on the same day
        order(a.id, users.sales1, 'SKU-X', '100.00', '1', '2026-04-05T02:00:00Z'),
        order(a.id, users.sales1, 'SKU-X', '200.50', '2', '2026-04-05T03:00:00Z'),
        order(a.id, users.sales1, 'SKU-X', '300.25', '3', '2026-04-05T09:00:00Z'),
        order(a.id, users.sales1, 'SKU-Y', '50.00', '1', '2026-04-05T04:00:00Z'),
        // 2026-04-06 00:30 in Shanghai is still the 5th in UTC: it counts on the 6th
        order(a.id, users.sales1, 'SKU-X', '10.00', '1', '2026-04-05T16:30:00Z'),
      ])
      .execute();
    const opportunity = (stage: string, amount: string, currency: string, close: string) => ({
      ...base(tenantId, users.admin),
      customer_id: a.id,
      owner_id: users.sales1,
      name: `报表商机-${stage}`,
      stage,
      amount,
      currency,
      expected_close_date: close,
      custom: '{}',
    });
    await trx
      .insertInto('opportunities')
      .values([
        opportunity('proposal', '200000.00', 'CNY', '2026-04-20'),
        opportunity('negotiation', '1000.00', 'USD', '2026-04-15'),
        opportunity('won', '50000.00', 'CNY', '2026-04-10'),
      ])
      .execute();
    await storeRates(trx, tenantId, { rateSet: TEST_RATE_SET, source: 'test midpoint' }, [
      { base: 'USD', quote: 'CNY', rateDate: '2026-03-31', rate: '7.1234' },
      { base: 'USD', quote: 'CNY', rateDate: '2026-04-14', rate: '7.0900' },
      { base: 'USD', quote: 'CNY', rateDate: '2026-04-15', rate: '7.1000' },
    ]);
    return { customerA: a.id, customerB: b.id, contracts: { c1: c1.id, c2: c2.id, c3: c3.id } };
  });
}

export const v1Document: DefinitionDocument = {
  basis: 'signed',
  amount: 'taxInclusive',
  currency: { target: 'CNY', rateRule: 'monthEnd', rateSet: TEST_RATE_SET, missingRate: 'error' },
  dedupKey: [],
  filters: { excludeContractStatuses: ['draft'], excludeStages: [] },
  dimensions: ['owner'],
  measures: ['sum', 'count', 'distinctCustomers', 'averageDealSize'],
};

export const v2Document: DefinitionDocument = {
  basis: 'received',
  amount: 'net',
  currency: { target: 'CNY', rateRule: 'basisDate', rateSet: TEST_RATE_SET, missingRate: 'error' },
  dedupKey: ['customer', 'sku', 'day'],
  filters: { excludeContractStatuses: ['draft'], excludeStages: [] },
  dimensions: ['owner'],
  measures: ['sum', 'count', 'distinctCustomers', 'averageDealSize'],
};
