import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del, expectError, expectFieldError, expectPagingMatches, expectSorted, get, keysOf, missingId, numeric, ok, patch, post, qs, restore, type Headers,
} from '../support/resource-helpers.ts';

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
  post(contracts, sales1, { customerId, number: `HT-T-${String(++n).padStart(4, '0')}`, currency: 'CNY', amountInclTax: '30000', taxRate: '0.13', installments: plan, ...extra });
const pay = (contractId: string, amount: string, extra: Record<string, unknown> = {}) =>
  post(payments, sales1, { contractId, amount, receivedDate: '2031-02-01', method: '银行转账', ...extra });

describe('contracts', () => {
  it('creates with an installment plan, reads, updates, deletes (cascading) and restores', async () => {
    const created = ok(await newContract({ signedDate: '2030-12-01', startDate: '2031-01-01', endDate: '2031-12-31' }), 201);
    expect(created).toMatchObject({ customerId, currency: 'CNY', amountInclTax: '30000.00', status: 'draft', ownerId: company.users.sales1, receivedAmount: '0.00', version: 1 });
    expect(Number(created.taxRate)).toBeCloseTo(0.13);
    expect(created.installments.map((i: any) => [i.seq, i.dueDate, i.amount, i.receivedAmount])).toEqual([
      [1, '2031-01-31', '10000.00', '0.00'],
      [2, '2031-06-30', '20000.00', '0.00'],
    ]);
    const url = `${contracts}/${created.id}`;
    const p = ok(await pay(created.id, '4000', { installmentId: created.installments[0].id }), 201);
    expect(p).toMatchObject({ contractId: created.id, installmentId: created.installments[0].id, amount: '4000.00', currency: 'CNY' });
    const read = ok(await get(url, sales1));
    expect(read.receivedAmount).toBe('4000.00');
    expect(read.installments.map((i: any) => i.receivedAmount)).toEqual(['4000.00', '0.00']);

    expect(ok(await patch(url, sales1, { status: 'active', title: '年度服务合同', version: 1 }))).toMatchObject({ status: 'active', title: '年度服务合同', version: 2 });
    const deleted = ok(await del(url, sales1));
    expect(deleted.cascaded).toEqual({ payments: 1, installments: 2 });
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await get(`${payments}/${p.id}`, sales1), 404, 'NOT_FOUND');
    const restored = await restore(url, sales1);
    expect(ok(restored)).toMatchObject({ id: created.id, status: 'active', receivedAmount: '4000.00', deletedAt: null });
    expect(restored.body.restored).toBe(4);
    expect(ok(restored).installments).toHaveLength(2);
    expect(ok(await get(`${payments}/${p.id}`, sales1)).amount).toBe('4000.00');
  });

  it('requires the installment amounts to add up to amountInclTax', async () => {
    const bad = await newContract({ installments: [{ dueDate: '2031-01-31', amount: '10000' }, { dueDate: '2031-06-30', amount: '19999.99' }] });
    expectFieldError(bad, 'installments');
    expect(bad.body.error.details.fields[0].message).toContain('29999.99');
    const c = ok(await newContract(), 201);
    expectFieldError(await patch(`${contracts}/${c.id}`, sales1, { installments: [{ dueDate: '2031-01-31', amount: '1' }], version: 1 }), 'installments');
    const replanned = ok(await patch(`${contracts}/${c.id}`, sales1, { amountInclTax: '36000', installments: [...plan, { dueDate: '2031-12-31', amount: '6000' }], version: 1 }));
    expect(replanned.installments.map((i: any) => i.amount)).toEqual(['10000.00', '20000.00', '6000.00']);
    expect(replanned.installments[0].id).toBe(c.installments[0].id);
  });

  it('answers 400 (not 500) to a non-numeric amountInclTax or installment amount', async () => {
    expectFieldError(await newContract({ amountInclTax: 'abc', installments: undefined }), 'amountInclTax');
    expectFieldError(await newContract({ installments: [{ dueDate: '2031-01-31', amount: 'lots' }] }), 'installments.0.amount');
  });

  it('keeps the plan consistent when only amountInclTax changes', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(await patch(`${contracts}/${c.id}`, sales1, { amountInclTax: '50000', version: 1 }), 'installments');
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await newContract({ number: '' }), 'number');
    expectFieldError(await newContract({ currency: 'XYZ' }), 'currency');
    expectFieldError(await newContract({ amountInclTax: '0', installments: undefined }), 'amountInclTax');
    expectFieldError(await newContract({ taxRate: '1.5' }), 'taxRate');
    expectFieldError(await newContract({ startDate: '2031-05-01', endDate: '2031-04-30' }), 'endDate');
    expectFieldError(await newContract({ installments: [{ dueDate: 'soon', amount: '30000' }] }), 'installments.0.dueDate');
    expectFieldError(await newContract({ installments: [{ dueDate: '2031-01-01', amount: '-1' }, { dueDate: '2031-01-02', amount: '30001' }] }), 'installments.0.amount');
    expectFieldError(await newContract({ customerId: missingId() }), 'customerId');
    const first = ok(await newContract(), 201);
    const dup = await newContract({ number: first.number });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('number');
  });

  it('answers 409 VERSION_CONFLICT, 403 for another member, 404 for unknown ids', async () => {
    const c = ok(await newContract(), 201);
    const url = `${contracts}/${c.id}`;
    ok(await patch(url, sales1, { title: 'v2', version: 1 }));
    expectError(await patch(url, sales1, { title: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    expectError(await patch(url, sales2, { title: 'not mine', version: 2 }), 403, 'FORBIDDEN');
    expectError(await del(url, sales2), 403, 'FORBIDDEN');
    expectError(await post(payments, sales2, { contractId: c.id, amount: '10', receivedDate: '2031-01-01' }), 403, 'FORBIDDEN');
    expect(ok(await patch(url, admin, { title: 'admin', version: 2 })).title).toBe('admin');
    expectError(await get(`${contracts}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    expectError(await patch(`${contracts}/${missingId()}`, sales1, { title: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await restore(`${contracts}/${missingId()}`, sales1), 404, 'NOT_FOUND');
  });

  it('lists with filter, sort, paging (descending nullable signedDate), fields= and include=payments', async () => {
    const all = ok(await get(`${contracts}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(20);
    expectSorted(all.map((c) => c.signedDate), 'desc');
    const active = ok(await get(`${contracts}${qs({ filter: { status: 'active', amountInclTax: { gte: '50000' } }, sort: '-amountInclTax', limit: 200 })}`, sales1)) as any[];
    expect(active.every((c) => c.status === 'active' && Number(c.amountInclTax) >= 50000)).toBe(true);
    expectSorted(active.map((c) => c.amountInclTax), 'desc', numeric);
    const nullable = await expectPagingMatches(contracts, sales1, {}, 6);
    expect(nullable.rows.some((r) => r.signedDate === null)).toBe(true);
    await expectPagingMatches(contracts, sales1, { sort: 'number' }, 9);

    const slim = ok(await get(`${contracts}${qs({ fields: 'number,status', limit: 3 })}`, sales1)) as any[];
    for (const c of slim) expect(keysOf(c)).toEqual(['id', 'number', 'status']);
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '500'), 201);
    const one = ok(await get(`${contracts}/${c.id}${qs({ include: 'payments,attachments' })}`, sales1));
    expect(one.payments.map((x: any) => x.id)).toEqual([p.id]);
    expect(one.attachments).toEqual([]);
  });

  it('returns only the requested keys when fields= names a decorated field (installments)', async () => {
    const c = ok(await newContract(), 201);
    const one = ok(await get(`${contracts}/${c.id}${qs({ fields: 'number,installments' })}`, sales1));
    expect(one.installments).toHaveLength(2);
    expect(keysOf(one)).toEqual(['id', 'installments', 'number']);
  });

  it('exposes installments read-only', async () => {
    const c = ok(await newContract(), 201);
    const list = ok(await get(`/api/v1/installments${qs({ filter: { contractId: c.id } })}`, sales1)) as any[];
    expect(list.map((i) => [i.seq, i.amount])).toEqual([[1, '10000.00'], [2, '20000.00']]);
    expect((await post('/api/v1/installments', admin, { contractId: c.id })).status).toBe(404);
    expect((await del(`/api/v1/installments/${list[0].id}`, admin)).status).toBe(404);
  });
});

describe('payments', () => {
  it('creates, updates, deletes and restores a payment, keeping receivedAmount in step', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '12000.50', { reference: 'BANK-001' }), 201);
    expect(p).toMatchObject({ amount: '12000.50', currency: 'CNY', receivedDate: '2031-02-01', reference: 'BANK-001', version: 1 });
    const url = `${payments}/${p.id}`;
    expect(ok(await patch(url, sales1, { amount: '15000', version: 1 }))).toMatchObject({ amount: '15000.00', version: 2 });
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('15000.00');
    ok(await del(url, sales1));
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('0.00');
    expect(ok(await restore(url, sales1))).toMatchObject({ id: p.id, amount: '15000.00' });
    expect(ok(await get(`${contracts}/${c.id}`, sales1)).receivedAmount).toBe('15000.00');
  });

  it('requires the contract currency and refuses amounts over the outstanding balance', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(await pay(c.id, '100', { currency: 'USD' }), 'currency');
    expectFieldError(await pay(c.id, '30000.01'), 'amount');
    const first = ok(await pay(c.id, '25000'), 201);
    expectFieldError(await pay(c.id, '5000.01'), 'amount');
    expectFieldError(await patch(`${payments}/${first.id}`, sales1, { amount: '30000.01', version: 1 }), 'amount');
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
    expectFieldError(await post(payments, sales1, { amount: '10', receivedDate: '2031-01-01' }), 'contractId');
  });

  it('answers 400 (not 500) to a non-numeric amount', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(await pay(c.id, 'abc'), 'amount');
  });

  it('answers 409 VERSION_CONFLICT, 403 for a non-owner member, 404 for unknown ids', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '100'), 201);
    const url = `${payments}/${p.id}`;
    ok(await patch(url, sales1, { note: 'v2', version: 1 }));
    expectError(await patch(url, sales1, { note: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    expectError(await patch(url, sales2, { note: 'not mine', version: 2 }), 403, 'FORBIDDEN');
    expectError(await del(url, sales2), 403, 'FORBIDDEN');
    expectError(await get(`${payments}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    expectError(await del(`${payments}/${missingId()}`, sales1), 404, 'NOT_FOUND');
  });

  it('refuses to restore a payment whose contract is in the recycle bin (409 PARENT_DELETED)', async () => {
    const c = ok(await newContract(), 201);
    const p = ok(await pay(c.id, '100'), 201);
    ok(await del(`${payments}/${p.id}`, sales1));
    expect(ok(await del(`${contracts}/${c.id}`, sales1)).cascaded).toEqual({ installments: 2 });
    const res = await restore(`${payments}/${p.id}`, sales1);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'contract', parentId: c.id });
  });

  it('lists with filter, sort, paging, fields= and bad parameters', async () => {
    const all = ok(await get(`${payments}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(10);
    expectSorted(all.map((p) => p.receivedDate), 'desc');
    const usd = ok(await get(`${payments}${qs({ filter: { currency: 'USD' }, sort: 'amount', limit: 200 })}`, sales1)) as any[];
    expect(usd.every((p) => p.currency === 'USD')).toBe(true);
    expectSorted(usd.map((p) => p.amount), 'asc', numeric);
    await expectPagingMatches(payments, sales1, {}, 5);
    await expectPagingMatches(payments, sales1, { sort: '-amount' }, 8);
    const slim = ok(await get(`${payments}${qs({ fields: 'amount', limit: 2 })}`, sales1)) as any[];
    for (const p of slim) expect(keysOf(p)).toEqual(['amount', 'id']);
    expectFieldError(await get(`${payments}${qs({ filter: { note: 'x' } })}`, sales1), 'filter.note');
    expectFieldError(await get(`${payments}${qs({ filter: { receivedDate: { after: '2030-01-01' } } })}`, sales1), 'filter.receivedDate.after');
    expectFieldError(await get(`${payments}${qs({ sort: 'amount', cursor: 'eyJ9' })}`, sales1), 'cursor');
  });
});
