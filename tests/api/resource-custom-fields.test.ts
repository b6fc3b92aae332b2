import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  expectPagingMatches,
  expectSorted,
  fieldPaths,
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

const fieldsUrl = '/api/v1/custom-fields';
const customers = '/api/v1/customers';
let company: Company;
let admin: Headers;
let sales1: Headers;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1] = await Promise.all([company.as('admin'), company.as('sales1')]);
});

const define = (body: Record<string, unknown>) => post(fieldsUrl, admin, { objectType: 'customer', ...body });
let n = 0;
const newCustomer = (custom?: Record<string, unknown>, headers = sales1) =>
  post(customers, headers, { name: `自定义字段客户${++n}`, custom });

describe('custom field definitions', () => {
  it('lets an admin define text, number, singleSelect, money and date fields on customers', async () => {
    const text = ok(await define({ key: 'note', label: '备注', type: 'text', sortOrder: 1 }), 201);
    expect(text).toMatchObject({
      objectType: 'customer',
      key: 'note',
      label: '备注',
      type: 'text',
      options: [],
      required: false,
      sortOrder: 1,
      version: 1,
    });
    ok(await define({ key: 'score', label: '评分', type: 'number', sortOrder: 2 }), 201);
    expect(
      ok(
        await define({ key: 'tier', label: '等级', type: 'singleSelect', options: ['金', '银', '铜'], sortOrder: 3 }),
        201,
      ).options,
    ).toEqual(['金', '银', '铜']);
    ok(await define({ key: 'budget', label: '预算', type: 'money', sortOrder: 4 }), 201);
    ok(await define({ key: 'visitDate', label: '拜访日期', type: 'date', sortOrder: 5 }), 201);
    const listed = ok(await get(`${fieldsUrl}${qs({ filter: { objectType: 'customer' } })}`, sales1)) as any[];
    expect(listed.map((f) => f.key)).toEqual(['note', 'score', 'tier', 'budget', 'visitDate']);
  });

  it('validates definitions naming the field and refuses duplicate keys', async () => {
    expectFieldError(await define({ key: 'Bad-Key', label: 'x', type: 'text' }), 'key');
    expectFieldError(await define({ key: 'ok1', label: '', type: 'text' }), 'label');
    expectFieldError(await define({ key: 'ok1', label: 'x', type: 'color' }), 'type');
    expectFieldError(await define({ objectType: 'order', key: 'ok1', label: 'x', type: 'text' }), 'objectType');
    expectFieldError(await define({ key: 'ok1', label: 'x', type: 'singleSelect' }), 'options');
    expectFieldError(await define({ key: 'ok1', label: 'x', type: 'text', options: ['a'] }), 'options');
    expectFieldError(await define({ key: 'ok1', label: 'x', type: 'multiSelect', options: ['a', 'a'] }), 'options');
    const dup = await define({ key: 'score', label: '重复', type: 'number' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.field).toBe('key');
  });

  it('updates, deletes and restores a definition; members get 403 MISSING_GRANT; stale versions 409; unknown ids 404', async () => {
    const f = ok(await define({ key: 'temp', label: '临时', type: 'singleSelect', options: ['a'] }), 201);
    const url = `${fieldsUrl}/${f.id}`;
    // definitions are company settings: readable by everyone, written only with settings grants
    for (const [res, missing] of [
      [
        await post(fieldsUrl, sales1, { objectType: 'customer', key: 'mine', label: 'x', type: 'text' }),
        'settings.create',
      ],
      [await patch(url, sales1, { label: 'x', version: 1 }), 'settings.update'],
      [await del(url, sales1), 'settings.delete'],
      [await patch(url, await company.as('manager'), { label: 'x', version: 1 }), 'settings.update'],
    ] as const) {
      expectError(res, 403, 'MISSING_GRANT');
      expect(res.body.error.details.missing).toBe(missing);
    }
    expect(ok(await get(url, sales1)).label).toBe('临时');
    // the type of a definition is fixed: naming it in an update is refused, nothing is saved
    expectFieldError(await patch(url, admin, { label: '临时字段', type: 'text', version: 1 }), 'type');
    const updated = ok(await patch(url, admin, { label: '临时字段', options: ['a', 'b'], version: 1 }));
    expect(updated).toMatchObject({ label: '临时字段', options: ['a', 'b'], type: 'singleSelect', version: 2 });
    expectFieldError(await patch(url, admin, { options: [], version: 2 }), 'options');
    expectError(await patch(url, admin, { label: 'stale', version: 1 }), 409, 'VERSION_CONFLICT');
    ok(await del(url, admin));
    expectError(await get(url, admin), 404, 'NOT_FOUND');
    expectFieldError(await newCustomer({ temp: 'a' }), 'custom.temp');
    expect(ok(await restore(url, admin))).toMatchObject({ key: 'temp', deletedAt: null });
    expect(ok(await newCustomer({ temp: 'b' }), 201).custom).toEqual({ temp: 'b' });
    expectError(await get(`${fieldsUrl}/${missingId()}`, admin), 404, 'NOT_FOUND');
    expectError(await del(`${fieldsUrl}/${missingId()}`, admin), 404, 'NOT_FOUND');
  });

  it('lists definitions with paging, fields= and bad parameters', async () => {
    await expectPagingMatches(fieldsUrl, sales1, {}, 2);
    await expectPagingMatches(fieldsUrl, sales1, { sort: '-key' }, 3);
    for (const f of ok(await get(`${fieldsUrl}${qs({ fields: 'key,type' })}`, sales1)))
      expect(keysOf(f)).toEqual(['id', 'key', 'type']);
    expectFieldError(await get(`${fieldsUrl}${qs({ filter: { options: 'a' } })}`, sales1), 'filter.options');
    expectFieldError(
      await get(`${fieldsUrl}${qs({ filter: { required: { contains: 't' } } })}`, sales1),
      'filter.required.contains',
    );
    expectFieldError(await get(`${fieldsUrl}${qs({ cursor: 'x' })}`, sales1), 'cursor');
  });
});

describe('custom values on customers', () => {
  it('stores valid values (money normalised) and merges patches; null removes a value', async () => {
    const c = ok(
      await newCustomer({
        note: '重点跟进',
        score: 88,
        tier: '金',
        budget: { amount: '1234.5', currency: 'CNY' },
        visitDate: '2031-03-01',
      }),
      201,
    );
    expect(c.custom).toEqual({
      note: '重点跟进',
      score: 88,
      tier: '金',
      budget: { amount: '1234.50', currency: 'CNY' },
      visitDate: '2031-03-01',
    });
    const patched = ok(await patch(`${customers}/${c.id}`, sales1, { custom: { score: 90, note: null }, version: 1 }));
    expect(patched.custom).toEqual({
      score: 90,
      tier: '金',
      budget: { amount: '1234.50', currency: 'CNY' },
      visitDate: '2031-03-01',
    });
    expect(ok(await patch(`${customers}/${c.id}`, sales1, { level: 'A', version: 2 })).custom.score).toBe(90);
  });

  it('answers 400 naming custom.<key> for each invalid value', async () => {
    expectFieldError(await newCustomer({ score: 'high' }), 'custom.score');
    expectFieldError(await newCustomer({ tier: '钻石' }), 'custom.tier');
    expectFieldError(await newCustomer({ budget: { amount: 'lots', currency: 'CNY' } }), 'custom.budget');
    expectFieldError(await newCustomer({ budget: { amount: '10', currency: 'rmb' } }), 'custom.budget');
    expectFieldError(await newCustomer({ note: 42 }), 'custom.note');
    expectFieldError(await newCustomer({ visitDate: '03/01/2031' }), 'custom.visitDate');
    expectFieldError(await newCustomer({ nope: 1 }), 'custom.nope');
    const several = await newCustomer({ score: 'x', tier: 'y', nope: 1 });
    expect(several.status).toBe(400);
    expect(fieldPaths(several).sort()).toEqual(['custom.nope', 'custom.score', 'custom.tier']);
    const c = ok(await newCustomer({ score: 1 }), 201);
    expectFieldError(await patch(`${customers}/${c.id}`, sales1, { custom: { tier: 'x' }, version: 1 }), 'custom.tier');
    expect(ok(await get(`${customers}/${c.id}`, sales1)).custom).toEqual({ score: 1 });
  });

  it('filters and sorts the customer list by custom.<key>, paging through nulls', async () => {
    const scores = [5, 50, 50, 75, 99, 120.5];
    const tiers = ['铜', '银', '金', '金', '银', '金'];
    for (const [i, score] of scores.entries())
      ok(await newCustomer({ score, tier: tiers[i], budget: { amount: String(score * 100), currency: 'CNY' } }), 201);
    const high = ok(
      await get(
        `${customers}${qs({ filter: { 'custom.score': { gte: 50 } }, sort: '-custom.score', limit: 200 })}`,
        sales1,
      ),
    ) as any[];
    expect(high.length).toBeGreaterThanOrEqual(6);
    expect(high.every((c) => c.custom.score >= 50)).toBe(true);
    expectSorted(
      high.map((c) => c.custom.score),
      'desc',
      numeric,
    );
    const gold = ok(await get(`${customers}${qs({ filter: { 'custom.tier': '金' }, limit: 200 })}`, sales1)) as any[];
    expect(gold.length).toBeGreaterThanOrEqual(3);
    expect(gold.every((c) => c.custom.tier === '金')).toBe(true);
    const silverOrBronze = ok(
      await get(`${customers}${qs({ filter: { 'custom.tier': { in: ['银', '铜'] } }, limit: 200 })}`, sales1),
    ) as any[];
    expect(silverOrBronze.every((c) => ['银', '铜'].includes(c.custom.tier))).toBe(true);
    const rich = ok(
      await get(
        `${customers}${qs({ filter: { 'custom.budget': { gt: '7000' } }, sort: 'custom.budget', limit: 200 })}`,
        sales1,
      ),
    ) as any[];
    expect(rich.map((c) => c.custom.budget.amount)).toEqual(['7500.00', '9900.00', '12050.00']);
    const noted = ok(
      await get(`${customers}${qs({ filter: { 'custom.note': { isNull: false } }, limit: 200 })}`, sales1),
    ) as any[];
    expect(noted.every((c) => typeof c.custom.note === 'string')).toBe(true);

    const all = ok(await get(`${customers}${qs({ sort: '-custom.score', limit: 200 })}`, sales1)) as any[];
    expectSorted(
      all.map((c) => c.custom.score),
      'desc',
      numeric,
    );
    expect(all.at(-1).custom.score).toBeUndefined();
    const paged = await expectPagingMatches(customers, sales1, { sort: '-custom.score' }, 4);
    expect(paged.rows.filter((r: any) => r.custom.score === undefined).length).toBeGreaterThan(4);
    await expectPagingMatches(customers, sales1, { sort: 'custom.budget' }, 5);
    await expectPagingMatches(customers, sales1, { sort: 'custom.tier', filter: { 'custom.score': { gte: 1 } } }, 2);
  });

  it('rejects bad custom filters naming the field', async () => {
    expectFieldError(
      await get(`${customers}${qs({ filter: { 'custom.score': 'high' } })}`, sales1),
      'filter.custom.score',
    );
    expectFieldError(
      await get(`${customers}${qs({ filter: { 'custom.score': { contains: '1' } } })}`, sales1),
      'filter.custom.score.contains',
    );
    expectFieldError(
      await get(`${customers}${qs({ filter: { 'custom.unknown': 1 } })}`, sales1),
      'filter.custom.unknown',
    );
    expectFieldError(await get(`${customers}${qs({ sort: 'custom.unknown' })}`, sales1), 'sort.custom.unknown');
    expectFieldError(
      await get(`/api/v1/orders${qs({ filter: { 'custom.score': 1 } })}`, sales1),
      'filter.custom.score',
    );
  });

  it('rejects a calendar-invalid custom date (2031-02-30) so the list can still sort by it', async () => {
    expectFieldError(await newCustomer({ visitDate: '2031-02-30' }), 'custom.visitDate');
    const sorted = await get(`${customers}${qs({ sort: 'custom.visitDate', limit: 5 })}`, sales1);
    expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
  });

  it('enforces a required custom field on create', async () => {
    ok(await define({ key: 'source2', label: '来源渠道', type: 'text', required: true }), 201);
    const missing = await newCustomer({ score: 1 });
    expectFieldError(missing, 'custom.source2');
    expect(missing.body.error.details.fields.find((f: any) => f.path === 'custom.source2').message).toContain(
      '来源渠道',
    );
    expectFieldError(await newCustomer({ source2: null }), 'custom.source2');
    expect(ok(await newCustomer({ source2: '展会' }), 201).custom).toEqual({ source2: '展会' });
    const admins = ok(await newCustomer({ source2: '转介绍' }, admin), 201);
    expectFieldError(
      await patch(`${customers}/${admins.id}`, admin, { custom: { source2: null }, version: 1 }),
      'custom.source2',
    );
  });
});
