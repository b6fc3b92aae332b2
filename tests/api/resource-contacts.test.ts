import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  get,
  keysOf,
  missingId,
  ok,
  patch,
  post,
  qs,
  restore,
  type Headers,
} from '../support/resource-helpers.ts';
import { assignedIds, listAll } from '../support/access-helpers.ts';

const base = '/api/v1/contacts';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2] = await Promise.all([company.as('admin'), company.as('sales1'), company.as('sales2')]);
  customerId = ok(await post('/api/v1/customers', sales1, { name: '联系人测试客户有限公司' }), 201).id;
});

describe('contacts: write lifecycle', () => {
  it('creates, reads, updates, deletes and restores a contact', async () => {
    const created = ok(
      await post(base, sales1, {
        customerId,
        name: '王芳',
        title: '采购经理',
        mobile: '139 1234 5678',
        email: 'wangfang@example.cn',
      }),
      201,
    );
    expect(created).toMatchObject({
      customerId,
      name: '王芳',
      title: '采购经理',
      mobile: '139 1234 5678',
      isPrimary: false,
      version: 1,
      custom: {},
    });
    expect(created).not.toHaveProperty('mobileE164');
    const url = `${base}/${created.id}`;
    expect(ok(await get(url, sales1)).email).toBe('wangfang@example.cn');
    expect(ok(await patch(url, sales1, { title: '采购总监', version: 1 }))).toMatchObject({
      title: '采购总监',
      version: 2,
    });
    expect(ok(await del(url, sales1))).toMatchObject({ id: created.id, cascaded: {} });
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expect(ok(await restore(url, sales1))).toMatchObject({ id: created.id, title: '采购总监', deletedAt: null });
  });

  it('keeps one primary contact per customer', async () => {
    const a = ok(await post(base, sales1, { customerId, name: '主联系人甲', isPrimary: true }), 201);
    const b = ok(await post(base, sales1, { customerId, name: '主联系人乙', isPrimary: true }), 201);
    expect(b.isPrimary).toBe(true);
    expect(ok(await get(`${base}/${a.id}`, sales1)).isPrimary).toBe(false);
    const primaries = ok(await get(`${base}${qs({ filter: { customerId, isPrimary: true } })}`, sales1)) as any[];
    expect(primaries.map((c) => c.id)).toEqual([b.id]);
  });

  it('does not move a contact to another customer through PATCH', async () => {
    const other = ok(await post('/api/v1/customers', sales1, { name: '联系人测试另一客户' }), 201);
    const c = ok(await post(base, sales1, { customerId, name: '不可移动' }), 201);
    // customerId is not part of the update schema: naming it is refused and nothing is saved
    expectFieldError(
      await patch(`${base}/${c.id}`, sales1, { customerId: other.id, title: '已更新', version: 1 }),
      'customerId',
    );
    expect(ok(await get(`${base}/${c.id}`, sales1))).toMatchObject({ customerId, title: null, version: 1 });
  });

  it('rejects invalid input naming the field', async () => {
    expectFieldError(await post(base, sales1, { name: '无客户' }), 'customerId');
    expectFieldError(await post(base, sales1, { customerId: 'x', name: '坏客户' }), 'customerId');
    expectFieldError(await post(base, sales1, { customerId: missingId(), name: '不存在的客户' }), 'customerId');
    expectFieldError(await post(base, sales1, { customerId }), 'name');
    expectFieldError(await post(base, sales1, { customerId, name: '坏邮箱', email: 'not-an-email' }), 'email');
    expectFieldError(await post(base, sales1, { customerId, name: '坏手机', mobile: '12' }), 'mobile');
    expectFieldError(
      await post(base, sales1, { customerId, name: '坏自定义', custom: { nothing: 1 } }),
      'custom.nothing',
    );
    const c = ok(await post(base, sales1, { customerId, name: '坏更新' }), 201);
    expectFieldError(await patch(`${base}/${c.id}`, sales1, { isPrimary: 'yes', version: 1 }), 'isPrimary');
    expectFieldError(await patch(`${base}/${c.id}`, sales1, { version: 0 }), 'version');
  });

  it('answers 409 VERSION_CONFLICT to a stale version', async () => {
    const c = ok(await post(base, sales1, { customerId, name: '版本冲突' }), 201);
    ok(await patch(`${base}/${c.id}`, sales1, { title: 'v2', version: 1 }));
    const res = await patch(`${base}/${c.id}`, sales1, { title: 'v3', version: 1 });
    expectError(res, 409, 'VERSION_CONFLICT');
    expect(res.body.error.details.currentVersion).toBe(2);
  });

  it('lets only users whose customer scope covers the customer (owner, assignee, manager, admin) write its contacts', async () => {
    // contacts inherit their customer's scope: sales2 may not update sales1's customer, so may not add to it
    const outside = await post(base, sales2, { customerId, name: '别人的客户的联系人' });
    expectError(outside, 404, 'NOT_FOUND'); // a customer you cannot read is not revealed, not even by a write
    expect(outside.body.error.details).toEqual({ recordType: 'customer', id: customerId });
    const c = ok(await post(base, sales1, { customerId, name: '权限测试' }), 201);
    // ...nor read it: its contacts do not exist for sales2
    expectError(await get(`${base}/${c.id}`, sales2), 404, 'NOT_FOUND');
    expectError(await patch(`${base}/${c.id}`, sales2, { title: '改别人的', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(`${base}/${c.id}`, sales2), 404, 'NOT_FOUND');
    expect(ok(await get(`${base}${qs({ filter: { customerId }, limit: 200 })}`, sales2))).toEqual([]);
    expect(ok(await patch(`${base}/${c.id}`, admin, { title: '管理员改', version: 1 })).title).toBe('管理员改');
    const manager = await company.as('manager');
    expect(ok(await patch(`${base}/${c.id}`, manager, { title: '总监改', version: 2 })).title).toBe('总监改');
    // a customer sales2 owns but shares with sales1: sales1 may add and change its contacts
    const [shared] = [...(await assignedIds(company, 'sales1'))];
    const onShared = ok(await post(base, sales1, { customerId: shared, name: '指派客户的联系人' }), 201);
    expect(ok(await patch(`${base}/${onShared.id}`, sales1, { title: '已更新', version: 1 })).title).toBe('已更新');
    expect(ok(await get(`${base}/${onShared.id}`, sales2)).title).toBe('已更新');
  });

  it('lists for a rep only the contacts of customers they can see', async () => {
    const visibleCustomers = new Set((await listAll('/api/v1/customers', sales1)).map((c) => c.id));
    const contacts = await listAll(base, sales1);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((c) => visibleCustomers.has(c.customerId))).toBe(true);
    const everything = await listAll(base, admin);
    expect(contacts.length).toBe(everything.filter((c) => visibleCustomers.has(c.customerId)).length);
  });

  it('answers 404 for unknown ids', async () => {
    const url = `${base}/${missingId()}`;
    expectError(await get(url, sales1), 404, 'NOT_FOUND');
    expectError(await patch(url, sales1, { name: 'x', version: 1 }), 404, 'NOT_FOUND');
    expectError(await del(url, sales1), 404, 'NOT_FOUND');
    expectError(await restore(url, sales1), 404, 'NOT_FOUND');
  });

  it('refuses to restore a contact whose customer is in the recycle bin (409 PARENT_DELETED)', async () => {
    const customer = ok(await post('/api/v1/customers', sales1, { name: '父记录已删除测试客户' }), 201);
    const c = ok(await post(base, sales1, { customerId: customer.id, name: '孤儿联系人' }), 201);
    ok(await del(`${base}/${c.id}`, sales1));
    expect(ok(await del(`/api/v1/customers/${customer.id}`, sales1)).cascaded).toEqual({});
    const res = await restore(`${base}/${c.id}`, sales1);
    expectError(res, 409, 'PARENT_DELETED');
    expect(res.body.error.details).toMatchObject({ parentType: 'customer', parentId: customer.id });
    expectError(await get(`${base}/${c.id}`, sales1), 404, 'NOT_FOUND');
    ok(await restore(`/api/v1/customers/${customer.id}`, sales1));
    expect(ok(await restore(`${base}/${c.id}`, sales1))).toMatchObject({ id: c.id, deletedAt: null });
  });
});

describe('contacts: list', () => {
  it('filters, sorts (default by name) and searches text', async () => {
    const all = ok(await get(`${base}${qs({ limit: 200 })}`, sales1)) as any[];
    expect(all.length).toBeGreaterThan(20);
    const names = all.map((c) => c.name);
    const desc = ok(await get(`${base}${qs({ sort: '-name', limit: 200 })}`, sales1)) as any[];
    expect(desc.map((c) => c.name)).toEqual([...names].reverse());
    const ofCustomer = ok(await get(`${base}${qs({ filter: { customerId }, limit: 200 })}`, sales1)) as any[];
    expect(ofCustomer.length).toBeGreaterThan(0);
    expect(ofCustomer.every((c) => c.customerId === customerId)).toBe(true);
    const withTitle = ok(
      await get(`${base}${qs({ filter: { title: { isNull: false } }, limit: 200 })}`, sales1),
    ) as any[];
    expect(withTitle.length).toBe(all.filter((c) => c.title !== null).length);
    const started = ok(await get(`${base}${qs({ filter: { name: { startsWith: '主联系人' } } })}`, sales1)) as any[];
    expect(started.map((c) => c.name).sort()).toEqual(['主联系人乙', '主联系人甲']);
  });

  it('pages without duplicates or gaps, including a descending sort on a nullable field', async () => {
    await expectPagingMatches(base, sales1, {}, 6);
    const byTitle = await expectPagingMatches(base, sales1, { sort: '-title' }, 4);
    expect(byTitle.rows.some((r) => r.title === null)).toBe(true);
    await expectPagingMatches(base, sales1, { sort: 'isPrimary' }, 5);
  });

  it('supports fields= and include=attachments', async () => {
    const list = ok(await get(`${base}${qs({ fields: 'name,customerId', limit: 3 })}`, sales1)) as any[];
    for (const c of list) expect(keysOf(c)).toEqual(['customerId', 'id', 'name']);
    const one = ok(await get(`${base}/${list[0].id}${qs({ include: 'attachments', fields: 'name' })}`, sales1));
    expect(keysOf(one)).toEqual(['attachments', 'id', 'name']);
    expect(one.attachments).toEqual([]);
  });

  it('answers 400 for an unknown filter field, bad operator or bad cursor', async () => {
    expectFieldError(await get(`${base}${qs({ filter: { phone: '1' } })}`, sales1), 'filter.phone');
    expectFieldError(await get(`${base}${qs({ filter: { isPrimary: { gt: true } } })}`, sales1), 'filter.isPrimary.gt');
    expectFieldError(await get(`${base}${qs({ filter: { isPrimary: 'yes' } })}`, sales1), 'filter.isPrimary');
    expectFieldError(await get(`${base}${qs({ filter: { name: { has: 'x' } } })}`, sales1), 'filter.name.has');
    expectFieldError(await get(`${base}${qs({ cursor: 'AAAA' })}`, sales1), 'cursor');
    expectFieldError(await get(`${base}${qs({ include: 'customer' })}`, sales1), 'include');
  });
});
