import { beforeAll, describe, expect, it } from 'vitest';
import { loadAccess } from '../../server/access/access-context.ts';
import { actorFromUser } from '../../server/auth/authenticate.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { customerSpec } from '../../server/domains/customers/customer-spec.ts';
import { productSpec } from '../../server/domains/products/product-spec.ts';
import '../../server/domains/register-all.ts';
import type { CommandContext } from '../../server/resources/context.ts';
import { createRecord, updateRecord } from '../../server/resources/record-commands.ts';
import type { DuplicateCheck } from '../../server/resources/resource-spec.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
let sales1: Record<string, string>;

beforeAll(async () => {
  company = await demoCompany();
  sales1 = await company.as('sales1');
});

const create = (payload: Record<string, unknown>) =>
  call({ method: 'POST', url: '/api/v1/customers', headers: sales1, payload });

describe('duplicate customers', () => {
  it('answers 409 with the existing id for the same credit code, normalised phone or exact name', async () => {
    const original = await create({
      name: '宁波重复检测模具有限公司',
      creditCode: '91350100M000100Y43',
      mainPhone: '+86 138 0013 9000',
    });
    expect(original.status).toBe(201);
    const id = original.body.data.id;

    for (const [payload, field] of [
      [{ name: '另一个名字有限公司', creditCode: '91350100m000100y43' }, 'creditCode'],
      [{ name: '又一个名字有限公司', mainPhone: '13800139000' }, 'mainPhone'],
      [{ name: '宁波重复检测模具有限公司' }, 'name'],
    ] as const) {
      const dup = await create(payload);
      expect(dup.status).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'DUPLICATE_RECORD', details: { field, existingId: id } });
    }
  });

  it('also refuses an update that would make a duplicate, and allows the name again once the first is deleted', async () => {
    const a = (await create({ name: '重复更新甲有限公司' })).body.data;
    const b = (await create({ name: '重复更新乙有限公司' })).body.data;
    const res = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${b.id}`,
      headers: sales1,
      payload: { name: '重复更新甲有限公司', version: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details.existingId).toBe(a.id);
    await call({ method: 'DELETE', url: `/api/v1/customers/${a.id}`, headers: sales1 });
    const again = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${b.id}`,
      headers: sales1,
      payload: { name: '重复更新甲有限公司', version: 1 },
    });
    expect(again.status).toBe(200);
  });

  it('keeps one customer when identical creates race, and every 409 names the one that was kept', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => create({ name: '并发创建测试有限公司' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const kept = results.find((r) => r.status === 201)!.body.data.id;
    for (const refused of results.filter((r) => r.status === 409))
      expect(refused.body.error).toMatchObject({
        code: 'DUPLICATE_RECORD',
        details: { field: 'name', existingId: kept },
      });
    const list = await call({
      method: 'GET',
      url: `/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name: '并发创建测试有限公司' }))}`,
      headers: sales1,
    });
    expect(list.body.data).toHaveLength(1);
  });
});

describe('a unique index refusing a write that passed the duplicate check (a race)', () => {
  /** Runs a command as a demo user in a tenant transaction of its own, as a request would. */
  async function as<T>(username: 'sales1' | 'admin', fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
    const database = await testDatabase();
    return withTenant(database.db, company.tenantId, async (trx) => {
      const user = await trx
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', company.users[username])
        .executeTakeFirstOrThrow();
      const actor = actorFromUser(user);
      const meta = { requestId: 'race-test', ip: null, userAgent: null };
      return fn({ actor, meta, trx, access: await loadAccess(trx, actor) });
    });
  }

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  it.each([
    ['name', { name: '索引裁决测试有限公司' }, { name: '索引裁决测试有限公司' }],
    [
      'creditCode',
      { name: '索引裁决信用代码甲', creditCode: '91110000600037341L' },
      { name: '索引裁决信用代码乙', creditCode: '91110000600037341L' },
    ],
    [
      'mainPhone',
      { name: '索引裁决电话甲', mainPhone: '13912345670' },
      { name: '索引裁决电话乙', mainPhone: '+86 139 1234 5670' },
    ],
  ] as const)('a create answers 409 naming the existing customer (%s)', async (field, first, second) => {
    const existing = (await create(first)).body.data;
    // a create reads nothing before its insert: the unique index decides, then the check names the winner
    let checks = 0;
    const counted: DuplicateCheck = (ctx, candidate, selfId) => {
      checks++;
      return customerSpec.duplicateCheck!(ctx, candidate, selfId);
    };
    const spec = { ...customerSpec, duplicateCheck: counted };
    const error = await as('sales1', (ctx) => failure(createRecord(ctx, spec, { ...second })));
    expect(error).toMatchObject({ code: 'DUPLICATE_RECORD', details: { field, existingId: existing.id } });
    expect(checks).toBe(1);
    await as('sales1', (ctx) => createRecord(ctx, spec, { name: `${first.name}（分店）` }));
    expect(checks).toBe(1);
  });

  it('an update answers 409 naming the existing record, for other unique keys too (product SKU)', async () => {
    const admin = await company.as('admin');
    const product = (sku: string) =>
      call({
        method: 'POST',
        url: '/api/v1/products',
        headers: admin,
        payload: { sku, name: sku, unitPrice: '1.00', currency: 'CNY' },
      });
    const taken = (await product('RACE-SKU-1')).body.data;
    const mine = (await product('RACE-SKU-2')).body.data;
    // an update reads nothing before its write either: the unique index decides, then the check names the winner
    let checks = 0;
    const counted: DuplicateCheck = (ctx, candidate, selfId) => {
      checks++;
      return productSpec.duplicateCheck!(ctx, candidate, selfId);
    };
    const spec = { ...productSpec, duplicateCheck: counted };
    const error = await as('admin', (ctx) =>
      failure(updateRecord(ctx, spec, mine.id, { sku: 'RACE-SKU-1', version: mine.version })),
    );
    expect(error).toMatchObject({ code: 'DUPLICATE_RECORD', details: { field: 'sku', existingId: taken.id } });
    expect(checks).toBe(1);
    await as('admin', (ctx) => updateRecord(ctx, spec, mine.id, { sku: 'RACE-SKU-3', version: mine.version }));
    expect(checks).toBe(1);
  });

  it('the checks answer 409 naming the existing record for every unique key', async () => {
    const admin = await company.as('admin');
    const post = (url: string, payload: Record<string, unknown>) =>
      call({ method: 'POST', url, headers: admin, payload });
    const sku = (
      await post('/api/v1/products', { sku: 'DUP-SKU', name: '重复SKU', unitPrice: '1.00', currency: 'CNY' })
    ).body.data;
    const again = await post('/api/v1/products', {
      sku: 'DUP-SKU',
      name: '又一个',
      unitPrice: '2.00',
      currency: 'CNY',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE_RECORD', details: { field: 'sku', existingId: sku.id } });
    const user = await post('/api/v1/users', { username: 'dup.user', displayName: '重名' });
    const sameName = await post('/api/v1/users', { username: 'DUP.User', displayName: '重名二' });
    expect(sameName.body.error).toMatchObject({
      code: 'DUPLICATE_RECORD',
      details: { field: 'username', existingId: user.body.data.id },
    });
  });
});

describe('optimistic concurrency', () => {
  it('rejects a stale version with 409, the current version and the current record', async () => {
    const customer = (await create({ name: '版本冲突测试有限公司', level: 'C' })).body.data;
    const first = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: sales1,
      payload: { level: 'B', version: 1 },
    });
    expect(first.status).toBe(200);
    const second = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: sales1,
      payload: { level: 'A', version: 1 },
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, current: { level: 'B' } },
    });
    const now = await call({ method: 'GET', url: `/api/v1/customers/${customer.id}`, headers: sales1 });
    expect(now.body.data).toMatchObject({ level: 'B', version: 2 });
  });

  it('requires the version on every update', async () => {
    const customer = (await create({ name: '缺少版本测试有限公司' })).body.data;
    const res = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${customer.id}`,
      headers: sales1,
      payload: { level: 'A' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain('version');
  });
});

describe('bad input', () => {
  it('never answers 500: malformed JSON, wrong types, unknown ids, oversize bodies', async () => {
    const malformed = await call({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...sales1, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(malformed.status).toBe(400);
    const wrongType = await create({ name: 42, tags: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'tags']);
    const badId = await call({ method: 'GET', url: '/api/v1/customers/not-a-uuid', headers: sales1 });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.fields[0].path).toBe('params.id');
    const huge = await create({ name: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const unknownOwner = await create({
      name: '未知负责人测试有限公司',
      ownerId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.body.error.details.fields[0].path).toBe('ownerId');
    expect(unknownOwner.res.headers['x-request-id']).toBeTruthy();
  });
});
