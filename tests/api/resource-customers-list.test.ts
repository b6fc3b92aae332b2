import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import {
  expectFieldError,
  expectPagingMatches,
  expectSorted,
  get,
  keysOf,
  ok,
  post,
  qs,
  type Headers,
} from '../support/resource-helpers.ts';
import { assignedIds, expectSameIds, listAll, ownAssignedCustomerIds } from '../support/access-helpers.ts';

const base = '/api/v1/customers';
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let manager: Headers;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1, sales2, manager] = await Promise.all([
    company.as('admin'),
    company.as('sales1'),
    company.as('sales2'),
    company.as('manager'),
  ]);
});

let seq = 0;
const newCustomer = (headers: Headers, extra: Record<string, unknown> = {}) =>
  post(base, headers, { name: `资源测试客户${++seq}有限公司`, ...extra });

describe('customers: list', () => {
  it('shows a rep exactly the customers they own or are assigned, and the manager his department tree', async () => {
    const visible = await ownAssignedCustomerIds(company, 'sales1');
    const mine = await listAll(base, sales1);
    expectSameIds(mine, visible);
    const assigned = await assignedIds(company, 'sales1');
    expect(mine.every((c) => c.ownerId === company.users.sales1 || assigned.has(c.id))).toBe(true);
    // the two customers sales2 shares with sales1 are listed although sales2 owns them
    expect(
      mine
        .filter((c) => c.ownerId === company.users.sales2)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...assigned].sort());
    const everything = await listAll(base, admin);
    expect(mine.length).toBeLessThan(everything.length);
    const team = new Set(['manager', 'sales1', 'sales2', 'intern'].map((u) => company.users[u as 'manager']));
    expectSameIds(
      await listAll(base, manager),
      new Set(everything.filter((c) => team.has(c.ownerId)).map((c) => c.id)),
    );
    // a filter never widens the scope
    expect(
      ok(await get(`${base}${qs({ filter: { ownerId: company.users.sales2 }, limit: 200 })}`, sales1))
        .map((c: any) => c.id)
        .sort(),
    ).toEqual([...assigned].sort());
    expect(ok(await get(`${base}${qs({ filter: { ownerId: null }, limit: 200 })}`, sales1))).toEqual([]);
  });

  it('filters by equality, in, contains, has, isNull and ne', async () => {
    for (const headers of [admin, sales1]) {
      const all = ok(await get(`${base}${qs({ limit: 200 })}`, headers)) as Array<Record<string, any>>;
      expect(all.length).toBeGreaterThan(headers === admin ? 20 : 5);
      const levelA = ok(await get(`${base}${qs({ filter: { level: 'A' }, limit: 200 })}`, headers)) as any[];
      expect(levelA.length).toBe(all.filter((c) => c.level === 'A').length);
      expect(levelA.every((c) => c.level === 'A')).toBe(true);
      const ab = ok(await get(`${base}${qs({ filter: { level: { in: ['A', 'B'] } }, limit: 200 })}`, headers)) as any[];
      expect(ab.length).toBe(all.filter((c) => c.level === 'A' || c.level === 'B').length);
      const notA = ok(await get(`${base}${qs({ filter: { level: { ne: 'A' } }, limit: 200 })}`, headers)) as any[];
      expect(notA.length + levelA.length).toBe(all.length);
      const mine = ok(
        await get(`${base}${qs({ filter: { ownerId: company.users.sales1 }, limit: 200 })}`, headers),
      ) as any[];
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((c) => c.ownerId === company.users.sales1)).toBe(true);
      const unowned = ok(await get(`${base}${qs({ filter: { ownerId: null }, limit: 200 })}`, headers)) as any[];
      expect(unowned.length).toBe(all.filter((c) => c.ownerId === null).length);
      if (headers === admin) expect(unowned.length).toBeGreaterThan(0);
    }

    const tagged = ok(await newCustomer(sales1, { tags: ['资源测试标签'], industry: '独一无二行业' }), 201);
    const byTag = ok(await get(`${base}${qs({ filter: { tags: { has: '资源测试标签' } } })}`, sales1)) as any[];
    expect(byTag.map((c) => c.id)).toEqual([tagged.id]);
    const byText = ok(await get(`${base}${qs({ filter: { industry: { contains: '一无二' } } })}`, sales1)) as any[];
    expect(byText.map((c) => c.id)).toEqual([tagged.id]);
    const byQ = ok(await get(`${base}${qs({ q: tagged.name.slice(2, 9) })}`, sales1)) as any[];
    expect(byQ.map((c) => c.id)).toContain(tagged.id);
    const since = ok(await get(`${base}${qs({ filter: { createdAt: { gte: tagged.createdAt } } })}`, sales1)) as any[];
    expect(since.map((c) => c.id)).toContain(tagged.id);
    // the same searches by a rep who cannot see the customer find nothing
    expect(ok(await get(`${base}${qs({ filter: { tags: { has: '资源测试标签' } } })}`, sales2))).toEqual([]);
    expect(ok(await get(`${base}${qs({ q: tagged.name.slice(2, 9) })}`, sales2))).toEqual([]);
  });

  it('searches phone digits only for a phone-like query, not digits inside a name', async () => {
    const phoned = ok(await newCustomer(sales1, { name: '号码搜索测试客户', mainPhone: '13812342331' }), 201);
    const byDigits = ok(await get(`${base}${qs({ q: '2342331' })}`, sales1)) as any[];
    expect(byDigits.map((c) => c.id)).toContain(phoned.id);
    // "E2E 名称 x3y31" carries the digits 2331 but is a name search: it must not match the phone
    const byName = ok(await get(`${base}${qs({ q: 'E2E 名称 x3y31' })}`, sales1)) as any[];
    expect(byName.map((c) => c.id)).not.toContain(phoned.id);
  });

  it('sorts ascending and descending, nulls last', async () => {
    for (const headers of [admin, sales1]) {
      const byName = ok(await get(`${base}${qs({ sort: 'name', limit: 200 })}`, headers)) as any[];
      const byNameDesc = ok(await get(`${base}${qs({ sort: '-name', limit: 200 })}`, headers)) as any[];
      expect(byName.length).toBeGreaterThan(headers === admin ? 20 : 5);
      expect(byNameDesc.map((c) => c.name)).toEqual([...byName.map((c) => c.name)].reverse());
      const byIndustry = ok(await get(`${base}${qs({ sort: '-industry', limit: 200 })}`, headers)) as any[];
      expectSorted(
        byIndustry.map((c) => c.industry),
        'desc',
      );
      const byLevel = ok(await get(`${base}${qs({ sort: 'level', limit: 200 })}`, headers)) as any[];
      expectSorted(
        byLevel.map((c) => c.level),
        'asc',
      );
      const byUpdated = ok(await get(`${base}${qs({ limit: 200 })}`, headers)) as any[];
      expectSorted(
        byUpdated.map((c) => c.updatedAt),
        'desc',
      );
    }
  });

  it('pages with limit + cursor without duplicates or gaps (default, name, -industry, -level, filtered)', async () => {
    // the whole tenant, as the admin
    const first = await expectPagingMatches(base, admin, {}, 4);
    expect(first.pages).toBeGreaterThan(5);
    await expectPagingMatches(base, admin, { sort: 'name' }, 7);
    const nullable = await expectPagingMatches(base, admin, { sort: '-industry' }, 3);
    expect(nullable.rows.some((r) => r.industry === null)).toBe(true);
    const levels = await expectPagingMatches(base, admin, { sort: '-level' }, 5);
    expect(new Set(levels.rows.map((r) => r.level)).size).toBeGreaterThan(2);
    await expectPagingMatches(base, admin, { sort: 'createdAt', filter: { status: { ne: 'lost' } } }, 6);
    // a rep's scoped list: the scope is applied before paging, so pages are full and hold only visible rows
    const visible = await ownAssignedCustomerIds(company, 'sales1');
    const scoped = await expectPagingMatches(base, sales1, {}, 3);
    expect(scoped.pages).toBeGreaterThan(2);
    expectSameIds(scoped.rows, visible);
    for (const params of [
      { sort: 'name' },
      { sort: '-industry' },
      { sort: '-level' },
      { sort: 'createdAt', filter: { status: { ne: 'lost' } } },
    ]) {
      const paged = await expectPagingMatches(base, sales1, params, 2);
      expect(paged.rows.every((r) => visible.has(r.id as string))).toBe(true);
    }
  });

  it('returns only the requested fields plus id', async () => {
    const list = ok(await get(`${base}${qs({ fields: 'name,level', limit: 5 })}`, sales1)) as any[];
    expect(list.length).toBe(5);
    for (const c of list) expect(keysOf(c)).toEqual(['id', 'level', 'name']);
    const one = ok(await get(`${base}/${list[0].id}${qs({ fields: 'ownerId,custom' })}`, sales1));
    expect(keysOf(one)).toEqual(['custom', 'id', 'ownerId']);
    expect(list.every((c) => !('mainPhoneE164' in c))).toBe(true);
  });

  it('embeds related lists with include=', async () => {
    const c = ok(await newCustomer(sales1), 201);
    const contact = ok(await post('/api/v1/contacts', sales1, { customerId: c.id, name: '包含联系人' }), 201);
    const opp = ok(
      await post('/api/v1/opportunities', sales1, { customerId: c.id, name: '包含商机', amount: '1000' }),
      201,
    );
    const one = ok(await get(`${base}/${c.id}${qs({ include: 'contacts,opportunities,orders' })}`, sales1));
    expect(one.contacts.map((x: any) => x.id)).toEqual([contact.id]);
    expect(one.opportunities.map((x: any) => x.id)).toEqual([opp.id]);
    expect(one.orders).toEqual([]);
    const listed = ok(
      await get(`${base}${qs({ filter: { id: c.id }, include: 'contacts', fields: 'name' })}`, sales1),
    ) as any[];
    expect(keysOf(listed[0])).toEqual(['contacts', 'id', 'name']);
    expect(listed[0].contacts[0]).toMatchObject({ id: contact.id, customerId: c.id });
    const seeded = ok(await get(`${base}${qs({ include: 'contacts', limit: 10 })}`, sales1)) as any[];
    expect(seeded.every((x) => Array.isArray(x.contacts) && x.contacts.every((k: any) => k.customerId === x.id))).toBe(
      true,
    );
    expect(seeded.some((x) => x.contacts.length > 0)).toBe(true);
  });

  it('answers 400 naming the parameter for bad filter, sort, cursor, fields, include and limit', async () => {
    expectFieldError(await get(`${base}${qs({ filter: { nope: 1 } })}`, sales1), 'filter.nope');
    expectFieldError(await get(`${base}${qs({ filter: { version: 1 } })}`, sales1), 'filter.version');
    expectFieldError(await get(`${base}${qs({ filter: { mainPhoneE164: 'x' } })}`, sales1), 'filter.mainPhoneE164');
    expectFieldError(await get(`${base}${qs({ filter: { name: { like: 'x' } } })}`, sales1), 'filter.name.like');
    expectFieldError(await get(`${base}${qs({ filter: { name: {} } })}`, sales1), 'filter.name');
    expectFieldError(await get(`${base}${qs({ filter: { ownerId: 'abc' } })}`, sales1), 'filter.ownerId');
    expectFieldError(
      await get(`${base}${qs({ filter: { createdAt: { gt: 'yesterday' } } })}`, sales1),
      'filter.createdAt.gt',
    );
    expectFieldError(await get(`${base}${qs({ filter: { tags: { gt: 'a' } } })}`, sales1), 'filter.tags.gt');
    expectFieldError(await get(`${base}${qs({ filter: { 'custom.nothing': 1 } })}`, sales1), 'filter.custom.nothing');
    expectFieldError(await get(`${base}?filter=${encodeURIComponent('{not json')}`, sales1), 'filter');
    expectFieldError(await get(`${base}${qs({ filter: [1] })}`, sales1), 'filter');
    expectFieldError(await get(`${base}${qs({ sort: 'mainPhone' })}`, sales1), 'sort.mainPhone');
    expectFieldError(await get(`${base}${qs({ cursor: 'garbage!!' })}`, sales1), 'cursor');
    expectFieldError(
      await get(
        `${base}${qs({ cursor: Buffer.from('{"s":"-updatedAt","v":1,"id":"x"}').toString('base64url') })}`,
        sales1,
      ),
      'cursor',
    );
    const page = await get(`${base}${qs({ limit: 2, sort: 'name' })}`, sales1);
    expect(typeof page.body.nextCursor).toBe('string');
    expectFieldError(
      await get(`${base}${qs({ limit: 2, sort: '-name', cursor: page.body.nextCursor })}`, sales1),
      'cursor',
    );
    expectFieldError(await get(`${base}${qs({ fields: 'name,bogus' })}`, sales1), 'fields');
    expectFieldError(await get(`${base}${qs({ include: 'payments' })}`, sales1), 'include');
    const limit = await get(`${base}${qs({ limit: 0 })}`, sales1);
    expect(limit.status).toBe(400);
    expect(limit.body.error.details.fields[0].path).toMatch(/limit$/);
    expect((await call({ method: 'GET', url: base })).status).toBe(401);
  });
});
