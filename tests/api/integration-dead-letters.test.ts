import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, call, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectError, get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';

let company: Company;
let admin: Headers;
let sales1: Headers;
let database: Database;
let secret: string;
let channelId: string;

const send = (payload: object) =>
  call({ method: 'POST', url: '/api/v1/intake/leads', payload, headers: { 'x-cairn-channel-secret': secret } });
const drain = () => drainIntake(database, { tenantId: company.tenantId, ignoreBackoff: true });
const status = async (id: string) => ok(await get(`/api/v1/intake/${id}`, admin));

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  [admin, sales1] = await Promise.all([company.as('admin'), company.as('sales1')]);
  const res = await post('/api/v1/channels', admin, {
    key: 'leads',
    name: '线索',
    kind: 'webhook',
    serviceUserId: company.users.admin,
    retryLimit: 0,
    mapping: [
      { source: 'company', target: 'name' },
      { source: 'phone', target: 'mainPhone', transforms: [{ op: 'emptyToNull' }, { op: 'phone' }] },
      { source: 'code', target: 'creditCode', transforms: [{ op: 'emptyToNull' }] },
      { source: 'area', target: 'region', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
      { source: 'lead', target: 'externalId' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  secret = res.body.secret;
  channelId = res.body.data.id;
});

describe('dead letters', () => {
  it('lists dead letters with reason and last error, retries one and discards one with an audited reason', async () => {
    // no company name: the customer command refuses it (validation, permanent → dead at once)
    const a = (await send({ phone: '13700137001' })).body.data.id;
    const b = (await send({ phone: '13700137002' })).body.data.id;
    await drain();
    const list = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin));
    expect(list.map((d: { id: string }) => d.id)).toEqual([b, a]);
    expect(list[0]).toMatchObject({
      channelKey: 'leads',
      direction: 'inbound',
      reason: 'validation',
      attempts: 1,
      lastError: expect.stringMatching(/name/),
    });

    // the mapping is fixed (a default name) and the dead letter sent back: it lands
    const channel = ok(await get(`/api/v1/channels/${channelId}`, admin));
    const fixed = channel.mapping.map((rule: { target: string }) =>
      rule.target === 'name' ? { ...rule, transforms: [{ op: 'default', value: '未命名线索 13700137001' }] } : rule,
    );
    ok(
      await call({
        method: 'PATCH',
        url: `/api/v1/channels/${channelId}`,
        headers: admin,
        payload: { version: channel.version, mapping: fixed },
      }),
    );
    const retried = await post(`/api/v1/dead-letters/${a}/retry`, admin);
    expect(retried.status).toBe(202);
    expect(retried.body.data).toMatchObject({ id: a, status: 'queued' });
    await drain();
    expect(await status(a)).toMatchObject({ status: 'created', attempts: 1 });

    expectError(await post(`/api/v1/dead-letters/${b}/discard`, admin, {}), 400, 'VALIDATION_FAILED');
    ok(await post(`/api/v1/dead-letters/${b}/discard`, admin, { reason: '测试数据，不需要' }));
    expect(ok(await get('/api/v1/dead-letters', admin)).map((d: { id: string }) => d.id)).not.toContain(b);
    expectError(await post(`/api/v1/dead-letters/${b}/retry`, admin), 404, 'NOT_FOUND');
    const audit = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changes', 'actor_id'])
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', '=', b)
        .execute(),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'discard',
        actor_id: company.users.admin,
        changes: expect.objectContaining({ reason: { before: null, after: '测试数据，不需要' } }),
      }),
    ]);
    expectError(await get('/api/v1/dead-letters', sales1), 403, 'MISSING_GRANT');
  });
});

describe('review queue', () => {
  it('lists ambiguous records with their candidates and resolves onto a chosen record or a new one', async () => {
    // x is known to the channel by its lead id; y holds the phone and the name the payload sends
    const first = (await send({ lead: 'E-1', company: '候选甲有限公司' })).body.data.id;
    await drain();
    const x = await status(first);
    const y = ok(await post('/api/v1/customers', admin, { name: '候选乙有限公司', mainPhone: '13700137010' }), 201);
    const one = (await send({ lead: 'E-1', company: '候选乙有限公司', phone: '13700137010', area: '北京' })).body.data
      .id;
    await drain();
    expect(await status(one)).toMatchObject({ status: 'review', recordId: null });
    const queue = ok(await get('/api/v1/review-queue', admin));
    const item = queue.find((q: { id: string }) => q.id === one);
    expect(item.candidates).toEqual(
      expect.arrayContaining([
        { id: x.recordId, name: '候选甲有限公司' },
        { id: y.id, name: '候选乙有限公司' },
      ]),
    );
    expectError(
      await post(`/api/v1/review-queue/${one}/resolve`, admin, { recordId: '01900000-0000-7000-8000-000000000000' }),
      400,
      'VALIDATION_FAILED',
    );
    const resolved = ok(await post(`/api/v1/review-queue/${one}/resolve`, admin, { recordId: y.id }));
    expect(resolved).toMatchObject({ id: one, status: 'updated', recordId: y.id });
    expect(ok(await get(`/api/v1/customers/${y.id}`, admin)).region).toBe('北京');
    expect(ok(await get('/api/v1/review-queue', admin)).map((q: { id: string }) => q.id)).not.toContain(one);
    expectError(await post(`/api/v1/review-queue/${one}/resolve`, admin, { create: true }), 404, 'NOT_FOUND');

    // the operator's choice re-linked E-1 to y; x's name with y's phone is ambiguous again
    const two = (await send({ company: '候选甲有限公司', phone: '13700137010', area: '上海' })).body.data.id;
    await drain();
    expect(await status(two)).toMatchObject({ status: 'review' });
    // a new record would take x's unique name and y's phone: refused, nothing written, still in review
    const create = await post(`/api/v1/review-queue/${two}/resolve`, admin, { create: true });
    expectError(create, 409, 'DUPLICATE_RECORD');
    expect(await status(two)).toMatchObject({ status: 'review' });
  });
});

describe('dry run', () => {
  it('shows per record what would be created, updated or unchanged with each field before and after, and writes nothing', async () => {
    const existing = ok(
      await post('/api/v1/customers', admin, { name: '试运行有限公司', mainPhone: '13700137020' }),
      201,
    );
    const res = await post(`/api/v1/channels/${channelId}/dry-run`, admin, {
      payloads: [
        { company: '试运行有限公司', phone: '13700137020', area: '杭州' },
        { company: '试运行新建有限公司', phone: '13700137021' },
        { company: '试运行有限公司', phone: '' },
        { company: '坏号码有限公司', phone: '123' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [update, create, unchanged, error] = res.body.data;
    expect(update).toMatchObject({
      status: 'updated',
      recordId: existing.id,
      fields: [{ field: 'region', before: null, after: '杭州' }],
    });
    expect(create).toMatchObject({
      status: 'created',
      recordId: null,
      fields: expect.arrayContaining([{ field: 'name', before: null, after: '试运行新建有限公司' }]),
    });
    expect(unchanged).toMatchObject({ status: 'unchanged', recordId: existing.id, fields: [] });
    expect(error).toMatchObject({ status: 'error', reason: 'mapping', errors: [expect.stringMatching(/mainPhone/)] });
    expect(ok(await get(`/api/v1/customers/${existing.id}`, admin)).region).toBeNull();
    const created = ok(
      await get(
        `/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name: '试运行新建有限公司' }))}`,
        admin,
      ),
    );
    expect(created).toEqual([]);
    // without samples: the channel's last N stored payloads
    const last = await post(`/api/v1/channels/${channelId}/dry-run`, admin, { limit: 2 });
    expect(last.body.data).toHaveLength(2);
    expect(last.body.data[0].intakeId).toEqual(expect.any(String));
  });
});
