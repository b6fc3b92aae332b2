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

const products = '/api/v1/products';
const orders = '/api/v1/orders';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2] = await Promise.all([company.as('admin'), company.as('sales1'), company.as('sales2')]);
  customerId = ok(await post('/api/v1/customers', sales1, { name: '订单测试客户有限公司' }), 201).id;
  ok(await post(products, admin, { sku: 'T-WIDGET', name: '测试部件', unitPrice: '199.90' }), 201);
  ok(await post(products, admin, { sku: 'T-GADGET', name: '测试设备', unitPrice: '1000', currency: 'USD' }), 201);
});

describe('products (admin-only writes)', () => {
  it('lets an admin create, read, update, delete and restore a product', async () => {
    const created = ok(await post(products, admin, { sku: 'T-LIFE-1', name: '生命周期产品', unitPrice: 88 }), 201);
    expect(created).toMatchObject({ sku: 'T-LIFE-1', unitPrice: '88.00', currency: 'CNY', isActive: true, version: 1 });
    const url = `${products}/${created.id}`;
    expect(ok(await get(url, sales1)).name).toBe('生命周期产品');
    expect(ok(await patch(url, admin, { unitPrice: '99.50', isActive: false, version: 1 }))).toMatchObject({
      unitPrice: '99.50',
      isActive: false,
      version: 2,
    });
    ok(await del(url, admin));
    expectError(await get(url, admin), 404, 'NOT_FOUND');
    expect(ok(await restore(url, admin))).toMatchObject({ id: created.id, unitPrice: '99.50', deletedAt: null });
  });

  it('answers 403 MISSING_GRANT to members writing products (sales roles only read them)', async () => {
    const p = ok(await post(products, admin, { sku: 'T-ADMIN-ONLY', name: '仅管理员', unitPrice: '1' }), 201);
    const manager = await company.as('manager');
    for (const [res, missing] of [
      [await post(products, sales1, { sku: 'T-MEMBER', name: '成员创建', unitPrice: '1' }), 'product.create'],
      [await patch(`${products}/${p.id}`, sales1, { name: '成员改', version: 1 }), 'product.update'],
      [await del(`${products}/${p.id}`, sales1), 'product.delete'],
      [await post(products, manager, { sku: 'T-MANAGER', name: '总监创建', unitPrice: '1' }), 'product.create'],
      [await patch(`${products}/${p.id}`, manager, { name: '总监改', version: 1 }), 'product.update'],
    ] as const) {
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe(missing);
    }
    expect(ok(await get(`${products}/${p.id}`, sales1))).toMatchObject({ name: '仅管理员', version: 1 });
    expect(ok(await get(`${products}${qs({ filter: { sku: { in: ['T-MEMBER', 'T-MANAGER'] } } })}`, admin))).toEqual(
      [],
    );
    // 法务 holds no product grant at all
    const legal = await get(`${products}/${p.id}`, await company.as('legal'));
    expectError(legal, 403, 'MISSING_GRANT');
    expect(legal.body.error.details.missing).toBe('product.read');
  });

  it('rejects invalid input naming the field, duplicates, stale versions and unknown ids', async () => {
    expectFieldError(await post(products, admin, { sku: 'has space', name: 'x', unitPrice: '1' }), 'sku');
    expectFieldError(await post(products, admin, { sku: 'T-X', name: '', unitPrice: '1' }), 'name');
    expectFieldError(await post(products, admin, { sku: 'T-X', name: 'x', unitPrice: '-1' }), 'unitPrice');
    expectFieldError(
      await post(products, admin, { sku: 'T-X', name: 'x', unitPrice: '1', currency: 'cny' }),
      'currency',
    );
    const dup = await post(products, admin, { sku: 'T-WIDGET', name: '重复', unitPrice: '1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('sku');
    const p = ok(await post(products, admin, { sku: 'T-VERSION', name: '版本', unitPrice: '1' }), 201);
    ok(await patch(`${products}/${p.id}`, admin, { name: 'v2', version: 1 }));
    expectError(await patch(`${products}/${p.id}`, admin, { name: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    expectError(await get(`${products}/${missingId()}`, admin), 404, 'NOT_FOUND');
    expectError(await del(`${products}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('answers 400 (not 500) to a non-numeric unitPrice', async () => {
    expectFieldError(await post(products, admin, { sku: 'T-NAN', name: '非数字', unitPrice: 'abc' }), 'unitPrice');
  });

  it('lists with filter, sort (default sku), paging with ties, fields=; rejects bad parameters', async () => {
    const all = ok(await get(`${products}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(5);
    const skus = all.map((p) => p.sku);
    expect(ok(await get(`${products}${qs({ sort: '-sku', limit: 200 })}`, sales1)).map((p: any) => p.sku)).toEqual(
      [...skus].reverse(),
    );
    const pricey = ok(
      await get(
        `${products}${qs({ filter: { unitPrice: { gt: 500 }, currency: 'CNY' }, sort: '-unitPrice', limit: 200 })}`,
        sales1,
      ),
    ) as any[];
    expect(pricey.every((p) => Number(p.unitPrice) > 500 && p.currency === 'CNY')).toBe(true);
    expectSorted(
      pricey.map((p) => p.unitPrice),
      'desc',
      numeric,
    );
    await expectPagingMatches(products, sales1, {}, 3);
    await expectPagingMatches(products, sales1, { sort: '-updatedAt' }, 2);
    await expectPagingMatches(products, sales1, { sort: 'createdAt', filter: { isActive: true } }, 2);
    for (const p of ok(await get(`${products}${qs({ fields: 'sku,unitPrice', limit: 3 })}`, sales1)))
      expect(keysOf(p)).toEqual(['id', 'sku', 'unitPrice']);
    expectFieldError(await get(`${products}${qs({ filter: { price: 1 } })}`, sales1), 'filter.price');
    expectFieldError(
      await get(`${products}${qs({ filter: { isActive: { lt: true } } })}`, sales1),
      'filter.isActive.lt',
    );
    expectFieldError(await get(`${products}${qs({ sort: 'isActive' })}`, sales1), 'sort.isActive');
    expectFieldError(await get(`${products}${qs({ cursor: '%%%' })}`, sales1), 'cursor');
  });
});

describe('orders', () => {
  it('defaults amount to unit price × quantity, currency to the product’s, owner to the customer owner', async () => {
    const o = ok(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 3 }), 201);
    expect(o).toMatchObject({
      customerId,
      sku: 'T-WIDGET',
      quantity: '3.000',
      amount: '599.70',
      currency: 'CNY',
      ownerId: company.users.sales1,
      version: 1,
    });
    expect(typeof o.productId).toBe('string');
    expect(Date.now() - Date.parse(o.orderedAt)).toBeLessThan(60_000);
    expect(ok(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: '2.5' }), 201).amount).toBe('499.75');
    expect(ok(await post(orders, sales1, { customerId, sku: 'T-GADGET', quantity: 2 }), 201)).toMatchObject({
      amount: '2000.00',
      currency: 'USD',
    });
    expect(
      ok(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 3, amount: '500' }), 201).amount,
    ).toBe('500.00');
  });

  it('reads, updates (re-pricing on a new sku), deletes and restores an order', async () => {
    const o = ok(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 2 }), 201);
    const url = `${orders}/${o.id}`;
    expect(ok(await get(url, sales1)).amount).toBe('399.80');
    expect(ok(await patch(url, sales1, { sku: 'T-GADGET', version: 1 }))).toMatchObject({
      sku: 'T-GADGET',
      amount: '2000.00',
      version: 2,
    });
    // 销售代表 and 销售总监 create, read and update orders but do not delete them
    for (const headers of [sales1, await company.as('manager')]) {
      const res = await del(url, headers);
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe('order.delete');
    }
    ok(await del(url, admin));
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await restore(url, sales1), 403, 'MISSING_GRANT');
    expect(ok(await restore(url, admin))).toMatchObject({ id: o.id, sku: 'T-GADGET', deletedAt: null });
    expect(ok(await get(url, sales1)).sku).toBe('T-GADGET');
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await post(orders, sales1, { customerId, sku: 'NO-SUCH-SKU', quantity: 1 }), 'sku');
    expectFieldError(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 0 }), 'quantity');
    expectFieldError(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: '1.2345' }), 'quantity');
    expectFieldError(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 1, amount: '-3' }), 'amount');
    expectFieldError(
      await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 1, orderedAt: 'today' }),
      'orderedAt',
    );
    expectFieldError(await post(orders, sales1, { sku: 'T-WIDGET', quantity: 1 }), 'customerId');
    expectFieldError(
      await post(orders, sales1, { customerId: missingId(), sku: 'T-WIDGET', quantity: 1 }),
      'customerId',
    );
    const gone = ok(await post(products, admin, { sku: 'T-GONE', name: '已删除产品', unitPrice: '5' }), 201);
    ok(await del(`${products}/${gone.id}`, admin));
    expectFieldError(await post(orders, sales1, { customerId, sku: 'T-GONE', quantity: 1 }), 'sku');
  });

  it('answers 400 (not 500) to a non-numeric amount', async () => {
    expectFieldError(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 1, amount: 'abc' }), 'amount');
  });

  it('answers 409 VERSION_CONFLICT, 403/404 for another member, 404 for unknown ids', async () => {
    const o = ok(await post(orders, sales1, { customerId, sku: 'T-WIDGET', quantity: 1 }), 201);
    const url = `${orders}/${o.id}`;
    ok(await patch(url, sales1, { quantity: 4, version: 1 }));
    expectError(await patch(url, sales1, { quantity: 5, version: 1 }), 409, 'VERSION_CONFLICT');
    // outside sales2's own_assigned scope, so not even readable: 404
    expectError(await get(url, sales2), 404, 'NOT_FOUND');
    expectError(await patch(url, sales2, { quantity: 5, version: 2 }), 404, 'NOT_FOUND');
    // no sales role holds order.delete: refused before the record is looked up
    const noDelete = await del(url, sales2);
    expectError(noDelete, 403, 'MISSING_GRANT');
    expect(noDelete.body.error.details.missing).toBe('order.delete');
    // the new order's owner defaults to the customer's owner (sales1): outside sales2's create scope
    const outside = await post(orders, sales2, { customerId, sku: 'T-WIDGET', quantity: 1 });
    expectError(outside, 404, 'NOT_FOUND'); // a customer you cannot read is not revealed, not even by a write
    expect(outside.body.error.details).toEqual({ recordType: 'customer', id: customerId });
    expect(ok(await patch(url, await company.as('manager'), { quantity: 6, version: 2 })).quantity).toBe('6.000');
    expectError(await get(`${orders}/${missingId()}`, sales1), 404, 'NOT_FOUND');
    expectError(await patch(`${orders}/${missingId()}`, sales1, { quantity: 1, version: 1 }), 404, 'NOT_FOUND');
  });

  it('refuses to restore an order whose customer is in the recycle bin (409 PARENT_DELETED)', async () => {
    const customer = ok(await post('/api/v1/customers', sales1, { name: '订单父记录删除测试' }), 201);
    const o = ok(await post(orders, sales1, { customerId: customer.id, sku: 'T-WIDGET', quantity: 1 }), 201);
    ok(await del(`${orders}/${o.id}`, admin));
    ok(await del(`/api/v1/customers/${customer.id}`, sales1));
    const res = await restore(`${orders}/${o.id}`, admin);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details.parentId).toBe(customer.id);
  });

  it('lists with filter, sort (default -orderedAt), paging, fields= and include on the customer', async () => {
    // the whole tenant (40 seeded orders and this file's), as the admin
    const all = ok(await get(`${orders}${qs({ limit: 200 })}`, admin)) as any[];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expectSorted(
      all.map((o) => o.orderedAt),
      'desc',
    );
    await expectPagingMatches(orders, admin, {}, 7);
    // sales1's slice: orders are own_assigned on their own owner (none is assigned in the demo data)
    const own = await listAll(orders, sales1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((o) => o.id).sort()).toEqual(
      all
        .filter((o) => o.ownerId === company.users.sales1)
        .map((o) => o.id)
        .sort(),
    );
    expectSorted(
      own.map((o) => o.orderedAt),
      'desc',
    );
    const mine = ok(
      await get(`${orders}${qs({ filter: { customerId, sku: 'T-WIDGET' }, sort: 'amount', limit: 200 })}`, sales1),
    ) as any[];
    expect(mine.length).toBeGreaterThan(2);
    expect(mine.every((o) => o.customerId === customerId && o.sku === 'T-WIDGET')).toBe(true);
    expectSorted(
      mine.map((o) => o.amount),
      'asc',
      numeric,
    );
    await expectPagingMatches(orders, sales1, {}, 7);
    await expectPagingMatches(orders, sales1, { sort: '-quantity' }, 6);
    for (const o of ok(await get(`${orders}${qs({ fields: 'sku,amount', limit: 3 })}`, sales1)))
      expect(keysOf(o)).toEqual(['amount', 'id', 'sku']);
    const customer = ok(
      await get(`/api/v1/customers/${customerId}${qs({ include: 'orders', fields: 'name' })}`, sales1),
    );
    expect(customer.orders.length).toBe(
      ok(await get(`${orders}${qs({ filter: { customerId }, limit: 200 })}`, sales1)).length,
    );
    expectFieldError(await get(`${orders}${qs({ filter: { price: 1 } })}`, sales1), 'filter.price');
    expectFieldError(
      await get(`${orders}${qs({ filter: { quantity: { startsWith: '1' } } })}`, sales1),
      'filter.quantity.startsWith',
    );
    expectFieldError(
      await get(
        `${orders}${qs({ sort: '-orderedAt', cursor: Buffer.from(JSON.stringify({ s: 'amount', v: '1', id: missingId() })).toString('base64url') })}`,
        sales1,
      ),
      'cursor',
    );
  });
});
