import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  expectSorted,
  get,
  keysOf,
  missingId,
  numeric,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';
import { listAll } from '../support/access-helpers.ts';
import { deleteContractApproved } from '../support/guard-helpers.ts';

const contracts = '/api/v1/contracts';
const payments = '/api/v1/payments';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2] = await Promise.all([company.as('admin'), company.as('sales1'), company.as('sales2')]);
  customerId = ok(await post('/api/v1/customers', sales1, { name: '合同测试客户有限公司' }), 201).id;
});

let n = 0;
const plan = [
  { dueDate: '2031-01-31', amount: '10000' },
  { dueDate: '2031-06-30', amount: '20000.00' },
];
const newContract = (extra: Record<string, unknown> = {}) =>
  post(contracts, sales1, {
    customerId,
    number: `HT-T-${String(++n).padStart(4, '0')}`,
    currency: 'CNY',
    amountInclTax: '30000',
    taxRate: '0.13',
    installments: plan,
    ...extra,
  });
// No sales role may record payments (销售代表 and 销售总监 only read them): the admin records them.
const pay = (contractId: string, amount: string, extra: Record<string, unknown> = {}, headers: Headers = admin) =>
  post(payments, headers, { contractId, amount, receivedDate: '2031-02-01', method: '银行转账', ...extra });

describe('payments', () => {
  it('creates, updates, deletes and restores a payment, keeping receivedAmount in step', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '12000.50', { reference: 'BANK-001' }), 201);
    expect(p).toMatchObject({
      amount: '12000.50',
      currency: 'CNY',
      receivedDate: '2031-02-01',
      reference: 'BANK-001',
      version: 1,
    });
    const url = `${payments}/${p.id}`;
    expect(ok(await get(url, sales1)).reference).toBe('BANK-001');
    expect(ok(await patch(url, admin, { amount: '15000', version: 1 }))).toMatchObject({
      amount: '15000.00',
      version: 2,
    });
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('15000.00');
    ok(await del(url, admin));
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('0.00');
    expect(ok(await restore(url, admin))).toMatchObject({ id: p.id, amount: '15000.00' });
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('15000.00');
  });

  it('requires the contract currency and refuses amounts over the outstanding balance', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(await pay(c.id, '100', { currency: 'USD' }), 'currency');
    expectFieldError(await pay(c.id, '30000.01'), 'amount');
    const first = ok(await pay(c.id, '25000'), 201);
    expectFieldError(await pay(c.id, '5000.01'), 'amount');
    expectFieldError(await patch(`${payments}/${first.id}`, admin, { amount: '30000.01', version: 1 }), 'amount');
    ok(await pay(c.id, '5000'), 201);
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('30000.00');
    expectFieldError(await pay(c.id, '0.01'), 'amount');
    expectFieldError(await patch(`${contracts}/${c.id}`, sales1, { currency: 'USD', version: 1 }), 'currency');
  });

  it('rejects invalid input naming the field', async () => {
    const c = ok(await newContract(), 201);
    const other = ok(await newContract(), 201);
    expectFieldError(await pay(c.id, '0'), 'amount');
    expectFieldError(await pay(c.id, '10', { receivedDate: '01/02/2031' }), 'receivedDate');
    expectFieldError(await pay(c.id, '10', { installmentId: other.installments[0].id }), 'installmentId');
    expectFieldError(await pay(missingId(), '10'), 'contractId');
    expectFieldError(await post(payments, admin, { amount: '10', receivedDate: '2031-01-01' }), 'contractId');
  });

  it('answers 400 (not 500) to a non-numeric amount', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(await pay(c.id, 'abc'), 'amount');
  });

  it('answers 409 VERSION_CONFLICT, 403 for a missing grant, 404 outside the read scope and for unknown ids', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '100'), 201);
    const url = `${payments}/${p.id}`;
    ok(await patch(url, admin, { note: 'v2', version: 1 }));
    expectError(await patch(url, admin, { note: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    // sales1 and 财务 read the payment but hold no payment.update / payment.delete
    for (const headers of [sales1, await company.as('finance')]) {
      expect(ok(await get(url, headers)).note).toBe('v2');
      const update = await patch(url, headers, { note: 'not allowed', version: 2 });
      expectError(update, 403, 'MISSING_GRANT');
      expect(update.body.error.details.missing).toBe('payment.update');
      const remove = await del(url, headers);
      expectError(remove, 403, 'MISSING_GRANT');
      expect(remove.body.error.details.missing).toBe('payment.delete');
    }
    // sales2 cannot read sales1's customer's payments at all, and holds no payment write grant
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { note: 'not mine', version: 2 }), 403, 'MISSING_GRANT');
    expectError(await del(url, sales2), 403, 'MISSING_GRANT');
    expectError(await get(`${payments}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    // the missing grant is answered whether or not the record exists (nothing leaks)
    expectError(await del(`${payments}/${missingId()}`, sales1), 403, 'MISSING_GRANT');
    expectError(await del(`${payments}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('refuses to restore a payment whose contract is in the recycle bin (409 PARENT_DELETED)', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '100'), 201);
    ok(await del(`${payments}/${p.id}`, admin));
    expect((await deleteContractApproved(company, c.id, 'manager')).result.cascaded).toEqual({ installments: 2 });
    const res = await restore(`${payments}/${p.id}`, admin);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'contract', parentId: c.id });
  });

  it('lists with filter, sort, paging, fields= and bad parameters', async () => {
    const all = ok(await get(`${payments}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(10);
    expectSorted(
      all.map((p) => p.receivedDate),
      'desc',
    );
    // payments reach their customer through the contract: sales1 sees those of contracts sales1 sees
    const visibleContracts = new Set((await listAll(contracts, sales1)).map((x) => x.id));
    const everything = await listAll(payments, await company.as('finance'));
    expect(everything.length).toBeGreaterThan(all.length);
    expect(all.map((x) => x.id).sort()).toEqual(
      everything
        .filter((x) => visibleContracts.has(x.contractId))
        .map((x) => x.id)
        .sort(),
    );
    const usd = ok(
      await get(`${payments}${qs({ filter: { currency: 'USD' }, sort: 'amount', limit: 200 })}`, sales1),
    ) as any[];
    expect(usd.every((p) => p.currency === 'USD')).toBe(true);
    expectSorted(
      usd.map((p) => p.amount),
      'asc',
      numeric,
    );
    await expectPagingMatches(payments, sales1, {}, 5);
    await expectPagingMatches(payments, sales1, { sort: '-amount' }, 8);
    const slim = ok(await get(`${payments}${qs({ fields: 'amount', limit: 2 })}`, sales1)) as any[];
    for (const p of slim) expect(keysOf(p)).toEqual(['amount', 'id']);
    expectFieldError(await get(`${payments}${qs({ filter: { note: 'x' } })}`, sales1), 'filter.note');
    expectFieldError(
      await get(`${payments}${qs({ filter: { receivedDate: { after: '2030-01-01' } } })}`, sales1),
      'filter.receivedDate.after',
    );
    expectFieldError(await get(`${payments}${qs({ sort: 'amount', cursor: 'eyJ9' })}`, sales1), 'cursor');
  });
});
