import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Company } from '../support/test-app.ts';
import { webhookChannelWorld } from '../support/webhook-channel.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { signBody } from '../../server/integration/channel-secrets.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import type { Database } from '../../server/db/database.ts';

let company: Company;
let admin: Headers;
let database: Database;
let secret: string;
let channelId: string;

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'phone', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  { source: 'credit_code', target: 'creditCode', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: 'lead_id', target: 'externalId' },
  {
    source: 'updated_at',
    target: 'updatedAt',
    sourceType: 'text',
    transforms: [{ op: 'emptyToNull' }, { op: 'date', formats: ['iso', 'YYYY-MM-DD HH:mm:ss'] }],
  },
  {
    source: 'channel',
    target: 'source',
    transforms: [
      { op: 'enum', map: { 官网: 'website', 展会: 'exhibition' } },
      { op: 'default', value: 'website' },
    ],
  },
];

const send = (payload: unknown, headers: Record<string, string> = {}, key = 'form') =>
  call({
    method: 'POST',
    url: `/api/v1/intake/${key}`,
    payload: payload as object,
    headers: { 'x-cairn-channel-secret': secret, ...headers },
  });

const drain = () => drainIntake(database, { tenantId: company.tenantId, ignoreBackoff: true });
const status = async (id: string) => ok(await get(`/api/v1/intake/${id}`, admin));
const customerByName = async (name: string) =>
  ok(await get(`/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name }))}`, admin))[0];

beforeAll(async () => {
  ({ database, company, admin, secret, channelId } = await webhookChannelWorld({
    customers: 5,
    key: 'form',
    name: '官网表单',
    mapping,
  }));
});

describe('intake', () => {
  it('answers 202 queued, processes asynchronously and reports the outcome', async () => {
    const res = await send({
      company: '  杭州云帆科技有限公司 ',
      phone: '138 0013 8001',
      lead_id: 'L-1',
      updated_at: '2026-11-30 10:00:00',
      channel: '官网',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.data).toEqual({ id: expect.any(String), status: 'queued' });
    expect(await status(res.body.data.id)).toMatchObject({ status: 'queued', attempts: 0, recordId: null });
    await drain();
    const done = await status(res.body.data.id);
    expect(done).toMatchObject({ status: 'created', recordType: 'customer', reason: null });
    const customer = ok(await get(`/api/v1/customers/${done.recordId}`, admin));
    expect(customer).toMatchObject({ name: '杭州云帆科技有限公司', mainPhone: '+8613800138001', source: 'website' });
    // the sender may poll with its secret instead of a sign-in
    const polled = await call({
      method: 'GET',
      url: `/api/v1/intake/${res.body.data.id}`,
      headers: { 'x-cairn-channel-secret': secret },
    });
    expect(polled.body.data.status).toBe('created');
  });

  it('processes a record whose updated_at is empty, stamping the receipt time (seed case)', async () => {
    const res = await send({ company: '空时间戳有限公司', phone: '13800138002', updated_at: '' });
    await drain();
    expect(await status(res.body.data.id)).toMatchObject({ status: 'created' });
    const row = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('intake_records')
        .select(['source_at', 'received_at'])
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', res.body.data.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row.source_at?.toISOString()).toBe(row.received_at.toISOString());
  });

  it('lands a 30-day-old back-filled record: there is no default time window (seed case)', async () => {
    const old = new Date(Date.now() - 30 * 86400_000).toISOString();
    const res = await send({ company: '历史补录有限公司', phone: '13800138003', updated_at: old });
    await drain();
    expect(await status(res.body.data.id)).toMatchObject({ status: 'created' });
    expect(await customerByName('历史补录有限公司')).toBeDefined();
  });

  it('does not let an empty upstream phone overwrite a stored one (seed case, non-null wins)', async () => {
    const first = await send({ company: '非空优先有限公司', phone: '13800138004', lead_id: 'L-4' });
    await drain();
    const created = await status(first.body.data.id);
    const second = await send({ company: '非空优先有限公司', phone: '', lead_id: 'L-4', credit_code: ' ' });
    await drain();
    expect(await status(second.body.data.id)).toMatchObject({ status: 'unchanged', recordId: created.recordId });
    const customer = ok(await get(`/api/v1/customers/${created.recordId}`, admin));
    expect(customer.mainPhone).toBe('+8613800138004');
  });

  it('updates the one match and records which channel set each field', async () => {
    const first = await send({ company: '来源追踪有限公司', phone: '13800138005' });
    await drain();
    const { recordId } = await status(first.body.data.id);
    const again = await send({ company: '来源追踪有限公司', phone: '13800138005', channel: '展会' });
    await drain();
    expect(await status(again.body.data.id)).toMatchObject({ status: 'updated', recordId });
    const provenance = ok(await get(`/api/v1/customers/${recordId}/provenance`, admin));
    expect(provenance.source).toMatchObject({ source: 'channel', channelId, channelKey: 'form' });
    ok(
      await call({
        method: 'PATCH',
        url: `/api/v1/customers/${recordId}`,
        headers: admin,
        payload: { version: 2, region: '浙江' },
      }),
    );
    const after = ok(await get(`/api/v1/customers/${recordId}/provenance`, admin));
    expect(after.region).toMatchObject({ source: 'user', userId: company.users.admin });
  });

  it('puts an ambiguous match in the review queue instead of merging (seed case)', async () => {
    ok(await post('/api/v1/customers', admin, { name: '歧义甲有限公司', creditCode: '91350100M000100Y43' }), 201);
    ok(await post('/api/v1/customers', admin, { name: '歧义乙有限公司', mainPhone: '13800138006' }), 201);
    const res = await send({ company: '歧义丙有限公司', phone: '13800138006', credit_code: '91350100M000100Y43' });
    await drain();
    expect(await status(res.body.data.id)).toMatchObject({ status: 'review', recordId: null });
    expect(await customerByName('歧义丙有限公司')).toBeUndefined();
  });

  it('applies the same key posted 5 times once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await send({ company: '幂等有限公司', phone: '13800138007' }, { 'idempotency-key': 'order-7' });
      expect(res.status).toBe(202);
      ids.add(res.body.data.id);
    }
    expect(ids.size).toBe(1);
    const outcomes = await drain();
    expect(outcomes.filter((o) => o.kind === 'applied')).toHaveLength(1);
    const rows = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('intake_records')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('idempotency_key', '=', 'header:order-7')
        .execute(),
    );
    expect(rows).toHaveLength(1);
    // without a header the content hash is the key (key order does not matter)
    const a = await send({ phone: '13800138008', company: '内容哈希有限公司' });
    const b = await send({ company: '内容哈希有限公司', phone: '13800138008' });
    expect(b.body.data.id).toBe(a.body.data.id);
  });

  it('takes form-encoded posts and HMAC signatures, refusing stale ones (replay window)', async () => {
    const body = new URLSearchParams({ company: '表单签名有限公司', phone: '13800138009' }).toString();
    const signed = await call({
      method: 'POST',
      url: '/api/v1/intake/form',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-cairn-signature': signBody(secret, body) },
    });
    expect(signed.status, signed.body && JSON.stringify(signed.body)).toBe(202);
    const stale = await call({
      method: 'POST',
      url: '/api/v1/intake/form',
      payload: body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-cairn-signature': signBody(secret, body, Math.floor(Date.now() / 1000) - 3600),
      },
    });
    expect(stale.status).toBe(401);
    const forged = await call({
      method: 'POST',
      url: '/api/v1/intake/form',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-cairn-signature': signBody('wrong', body) },
    });
    expect(forged.status).toBe(401);
    const anonymous = await call({ method: 'POST', url: '/api/v1/intake/form', payload: { company: 'x' } });
    expect(anonymous.status).toBe(401);
    expect((await send({ company: 'x' }, {}, 'nope')).status).toBe(404);
    await drain();
    expect(await status(signed.body.data.id)).toMatchObject({ status: 'created' });
  });

  it('dead-letters a record the service identity may not write, with reason permission', async () => {
    const res = await post('/api/v1/channels', admin, {
      key: 'legal-form',
      name: '无权限通道',
      kind: 'webhook',
      serviceUserId: company.users.legal,
      mapping,
      retryLimit: 0,
    });
    const intake = await send(
      { company: '无权限有限公司' },
      { 'x-cairn-channel-secret': res.body.secret },
      'legal-form',
    );
    await drain();
    expect(await status(intake.body.data.id)).toMatchObject({ status: 'dead', reason: 'permission', attempts: 1 });
    const channel = ok(await get(`/api/v1/channels/${res.body.data.id}`, admin));
    expect(channel.health).toMatchObject({
      status: 'error',
      deadLetters: 1,
      lastError: expect.stringMatching(/^permission: .*runBackgroundSync/),
    });
  });

  it('dead-letters a value the mapping cannot fit at once, with reason mapping', async () => {
    const res = await send({ company: '坏电话有限公司', phone: '12345' });
    await drain();
    expect(await status(res.body.data.id)).toMatchObject({ status: 'dead', reason: 'mapping', attempts: 1 });
  });
});
