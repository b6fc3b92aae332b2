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
let manager: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2, manager] = await Promise.all([
    company.as('admin'),
    company.as('sales1'),
    company.as('sales2'),
    company.as('manager'),
  ]);
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

describe('contracts', () => {
  it('creates with an installment plan, reads, updates, deletes (cascading) and restores', async () => {
    const created = ok(
      await newContract({ signedDate: '2030-12-01', startDate: '2031-01-01', endDate: '2031-12-31' }),
      201,
    );
    expect(created).toMatchObject({
      customerId,
      currency: 'CNY',
      amountInclTax: '30000.00',
      status: 'draft',
      ownerId: company.users.sales1,
      receivedAmount: '0.00',
      version: 1,
    });
    expect(Number(created.taxRate)).toBeCloseTo(0.13);
    expect(created.installments.map((i: any) => [i.seq, i.dueDate, i.amount, i.receivedAmount])).toEqual([
      [1, '2031-01-31', '10000.00', '0.00'],
      [2, '2031-06-30', '20000.00', '0.00'],
    ]);
    const url = `${contracts}/${created.id}`;
    const p = ok(await pay(created.id, '4000', { installmentId: created.installments[0].id }), 201);
    expect(p).toMatchObject({
      contractId: created.id,
      installmentId: created.installments[0].id,
      amount: '4000.00',
      currency: 'CNY',
    });
    const read = ok(await get(url, sales1));
    expect(read.receivedAmount).toBe('4000.00');
    expect(read.installments.map((i: any) => i.receivedAmount)).toEqual(['4000.00', '0.00']);

    expect(ok(await patch(url, sales1, { status: 'active', title: '年度服务合同', version: 1 }))).toMatchObject({
      status: 'active',
      title: '年度服务合同',
      version: 2,
    });
    // 销售代表 may not delete contracts; 销售总监 may, within his department tree, but a contract
    // linked to a customer goes only through an approved request (法务 approves, approving deletes)
    const refused = await del(url, sales1);
    expectError(refused, 403, 'MISSING_GRANT');
    expect(refused.body.error.details.missing).toBe('contract.delete');
    const direct = await del(url, manager);
    expectError(direct, 403, 'APPROVAL_REQUIRED');
    expect(direct.body.error.details).toMatchObject({ approvalKind: 'contract_delete', contractId: created.id });
    expect(ok(await get(url, sales1)).deletedAt).toBeNull();
    const approval = await deleteContractApproved(company, created.id, 'manager');
    expect(approval.result).toMatchObject({ id: created.id, cascaded: { payments: 1, installments: 2 } });
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await get(`${payments}/${p.id}`, sales1), 404, 'NOT_FOUND');
    // whoever may delete it may restore it
    expectError(await restore(url, sales1), 403, 'MISSING_GRANT');
    const restored = await restore(url, manager);
    expect(ok(restored)).toMatchObject({
      id: created.id,
      status: 'active',
      receivedAmount: '4000.00',
      deletedAt: null,
    });
    expect(restored.body.restored).toBe(4);
    expect(ok(restored).installments).toHaveLength(2);
    expect(ok(await get(`${payments}/${p.id}`, sales1)).amount).toBe('4000.00');
  });

  it('requires the installment amounts to add up to amountInclTax', async () => {
    const bad = await newContract({
      installments: [
        { dueDate: '2031-01-31', amount: '10000' },
        { dueDate: '2031-06-30', amount: '19999.99' },
      ],
    });
    expectFieldError(bad, 'installments');
    expect(bad.body.error.details.fields[0].message).toContain('29999.99');
    const c = ok(await newContract(), 201);
    expectFieldError(
      await patch(`${contracts}/${c.id}`, sales1, {
        installments: [{ dueDate: '2031-01-31', amount: '1' }],
        version: 1,
      }),
      'installments',
    );
    const replanned = ok(
      await patch(`${contracts}/${c.id}`, sales1, {
        amountInclTax: '36000',
        installments: [...plan, { dueDate: '2031-12-31', amount: '6000' }],
        version: 1,
      }),
    );
    expect(replanned.installments.map((i: any) => i.amount)).toEqual(['10000.00', '20000.00', '6000.00']);
    expect(replanned.installments[0].id).toBe(c.installments[0].id);
  });

  it('answers 400 (not 500) to a non-numeric amountInclTax or installment amount', async () => {
    expectFieldError(await newContract({ amountInclTax: 'abc', installments: undefined }), 'amountInclTax');
    expectFieldError(
      await newContract({ installments: [{ dueDate: '2031-01-31', amount: 'lots' }] }),
      'installments.0.amount',
    );
  });

  it('keeps the plan consistent when only amountInclTax changes', async () => {
    const c = ok(await newContract(), 201);
    expectFieldError(
      await patch(`${contracts}/${c.id}`, sales1, { amountInclTax: '50000', version: 1 }),
      'installments',
    );
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await newContract({ number: '' }), 'number');
    expectFieldError(await newContract({ currency: 'XYZ' }), 'currency');
    expectFieldError(await newContract({ amountInclTax: '0', installments: undefined }), 'amountInclTax');
    expectFieldError(await newContract({ taxRate: '1.5' }), 'taxRate');
    expectFieldError(await newContract({ startDate: '2031-05-01', endDate: '2031-04-30' }), 'endDate');
    expectFieldError(
      await newContract({ installments: [{ dueDate: 'soon', amount: '30000' }] }),
      'installments.0.dueDate',
    );
    expectFieldError(
      await newContract({
        installments: [
          { dueDate: '2031-01-01', amount: '-1' },
          { dueDate: '2031-01-02', amount: '30001' },
        ],
      }),
      'installments.0.amount',
    );
    expectFieldError(await newContract({ customerId: missingId() }), 'customerId');
    const first = ok(await newContract(), 201);
    const dup = await newContract({ number: first.number });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('number');
  });

  it('answers 409 VERSION_CONFLICT, 403 for a missing grant, 404 outside the read scope and for unknown ids', async () => {
    const c = ok(await newContract(), 201);
    const url = `${contracts}/${c.id}`;
    ok(await patch(url, sales1, { title: 'v2', version: 1 }));
    expectError(await patch(url, sales1, { title: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    // sales2 cannot read sales1's customer, so its contracts do not exist for them
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { title: 'not mine', version: 2 }), 404, 'NOT_FOUND');
    const outside = await post(contracts, sales2, {
      customerId,
      number: 'HT-T-SALES2',
      currency: 'CNY',
      amountInclTax: '100',
    });
    expectError(outside, 404, 'NOT_FOUND'); // a customer you cannot read is not revealed, not even by a write
    expect(outside.body.error.details).toEqual({ recordType: 'customer', id: customerId });
    // grants that no sales role holds: 403 naming the missing grant
    for (const headers of [sales1, sales2]) {
      const res = await post(payments, headers, { contractId: c.id, amount: '10', receivedDate: '2031-01-01' });
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('payment.create');
    }
    // no contract.delete at all: refused before the record is looked up, the same for any id
    for (const target of [url, `${contracts}/${missingId()}`]) {
      for (const headers of [sales1, sales2]) {
        const noDelete = await del(target, headers);
        expectError(noDelete, 403, 'MISSING_GRANT');
        expect(noDelete.body.error.details.missing).toBe('contract.delete');
      }
    }
    // 法务 and 财务 read every contract but change none
    for (const user of ['legal', 'finance'] as const) {
      const headers = await company.as(user);
      expect(ok(await get(url, headers)).title).toBe('v2');
      const res = await patch(url, headers, { title: user, version: 2 });
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('contract.update');
    }
    expect(ok(await patch(url, admin, { title: 'admin', version: 2 })).title).toBe('admin');
    expectError(await get(`${contracts}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    expectError(await patch(`${contracts}/${missingId()}`, sales1, { title: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await restore(`${contracts}/${missingId()}`, sales1), 403, 'MISSING_GRANT');
    expectError(await restore(`${contracts}/${missingId()}`, manager), 404, 'NOT_FOUND');
  });

  it('lists with filter, sort, paging (descending nullable signedDate), fields= and include=payments', async () => {
    const all = ok(await get(`${contracts}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(10);
    expectSorted(
      all.map((c) => c.signedDate),
      'desc',
    );
    // contracts inherit the customer's read scope: sales1 sees exactly those of customers sales1 sees
    const visibleCustomers = new Set((await listAll('/api/v1/customers', sales1)).map((x) => x.id));
    const everything = await listAll(contracts, admin);
    expect(everything.length).toBeGreaterThan(all.length);
    expect(all.map((x) => x.id).sort()).toEqual(
      everything
        .filter((x) => visibleCustomers.has(x.customerId))
        .map((x) => x.id)
        .sort(),
    );
    expectSorted(
      everything.map((x) => x.signedDate),
      'desc',
    );
    await expectPagingMatches(contracts, admin, {}, 9);
    const active = ok(
      await get(
        `${contracts}${qs({ filter: { status: 'active', amountInclTax: { gte: '50000' } }, sort: '-amountInclTax', limit: 200 })}`,
        sales1,
      ),
    ) as any[];
    expect(active.every((c) => c.status === 'active' && Number(c.amountInclTax) >= 50000)).toBe(true);
    expectSorted(
      active.map((c) => c.amountInclTax),
      'desc',
      numeric,
    );
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
    expect(list.map((i) => [i.seq, i.amount])).toEqual([
      [1, '10000.00'],
      [2, '20000.00'],
    ]);
    expect((await post('/api/v1/installments', admin, { contractId: c.id })).status).toBe(404);
    expect((await del(`/api/v1/installments/${list[0].id}`, admin)).status).toBe(404);
  });
});
