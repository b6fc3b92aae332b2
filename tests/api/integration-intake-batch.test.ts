import { beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../support/test-app.ts';
import { applyBatch, storeIntake, webhookChannelWorld } from '../support/webhook-channel.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { runIntakeBatch } from '../../server/integration/intake-batch.ts';
import type { Database } from '../../server/db/database.ts';

/**
 * The set-based batch (intake-batch.ts) that imports and queue workers apply records with: one
 * transaction, matches loaded per batch, outcomes written together; a record that fails is
 * counted on its own and never sinks the others.
 */
let company: Company;
let admin: Headers;
let database: Database;
let secret: string;

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'phone', target: 'mainPhone', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }, { op: 'phone' }] },
  { source: 'industry', target: 'industry', transforms: [{ op: 'emptyToNull' }] },
  { source: 'lead_id', target: 'externalId', transforms: [{ op: 'emptyToNull' }] },
];

const store = (payloads: object[]) => storeIntake('batch-form', secret, payloads);

const status = async (id: string) => ok(await get(`/api/v1/intake/${id}`, admin));
const batch = (ids: string[]) => applyBatch(database, company.tenantId, ids);
const customersNamed = (prefix: string) =>
  withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('customers')
      .select(['id', 'name', 'main_phone', 'industry', 'assigned_by_rule_id'])
      .where('tenant_id', '=', company.tenantId)
      .where('name', 'like', `${prefix}%`)
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
  );

beforeAll(async () => {
  ({ database, company, admin, secret } = await webhookChannelWorld({
    customers: 2,
    key: 'batch-form',
    name: '批量表单',
    mapping,
  }));
  ok(await post('/api/v1/customers', admin, { name: '批量已有客户有限公司', industry: '仓储' }), 201);
});

describe('set-based intake batch', () => {
  it('applies the good records of a batch with one bad record; the bad one is a dead letter naming its field', async () => {
    const ids = await store([
      { company: '批量甲有限公司', phone: '13900200001', lead_id: 'B-1' },
      { company: '批量乙有限公司', phone: '0512-123', lead_id: 'B-2' },
      { company: '批量丙有限公司', phone: '13900200003', lead_id: 'B-3' },
      { company: '批量已有客户有限公司', industry: '物流' },
    ]);
    const outcomes = await batch(ids);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'failed', 'applied', 'applied']);
    expect(await status(ids[0]!)).toMatchObject({ status: 'created', recordId: expect.any(String) });
    expect(await status(ids[1]!)).toMatchObject({ status: 'dead', reason: 'mapping', recordId: null });
    expect(await status(ids[2]!)).toMatchObject({ status: 'created' });
    expect(await status(ids[3]!)).toMatchObject({ status: 'updated' });
    const dead = ok(await get('/api/v1/dead-letters', admin)).filter((d: { id: string }) => d.id === ids[1]);
    expect(dead).toHaveLength(1);
    expect(JSON.stringify(dead[0])).toContain('mainPhone');
    const rows = await customersNamed('批量');
    expect(rows.map((r) => r.name)).toEqual(['批量丙有限公司', '批量已有客户有限公司', '批量甲有限公司']);
    expect(rows.find((r) => r.name === '批量已有客户有限公司')).toMatchObject({ industry: '物流' });
    expect(rows.find((r) => r.name === '批量甲有限公司')).toMatchObject({ main_phone: '+8613900200001' });
  });

  it('applies a record failing inside the transaction on its own: the others still land', async () => {
    const ids = await store([
      { company: '批量丁有限公司', phone: '13900200004' },
      { company: '批量故障有限公司', phone: '13900200006' },
      { company: '批量戊有限公司', phone: '13900200005' },
    ]);
    // the failure strikes after the record is locked, inside the batch's transaction
    const outcomes = await runIntakeBatch(
      database,
      company.tenantId,
      ids.map((intakeId) => ({ intakeId, attempt: 0 })),
      {
        faults: {
          beforeApply(job) {
            if (job.intakeId === ids[1]) throw new Error('injected: the record failed while applied');
          },
        },
      },
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'failed', 'applied']);
    expect(await status(ids[0]!)).toMatchObject({ status: 'created' });
    expect(await status(ids[1]!)).toMatchObject({ status: 'dead', reason: 'timeout', attempts: 1 });
    expect(await status(ids[2]!)).toMatchObject({ status: 'created' });
    expect((await customersNamed('批量故障')).length).toBe(0);
    expect((await customersNamed('批量丁')).length).toBe(1);
  });

  it('matches duplicates inside one batch to the customer the batch just created', async () => {
    const ids = await store([
      { company: '批量重复有限公司', phone: '13900200010', industry: '软件' },
      { company: '批量重复有限公司', industry: '制造', lead_id: 'D-2' },
      { company: '批量重复二有限公司', lead_id: 'D-3' },
      { company: '批量重复三有限公司', lead_id: 'D-3' },
    ]);
    const outcomes = await batch(ids);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const first = await status(ids[0]!);
    expect(first).toMatchObject({ status: 'created' });
    // same name: the customer the first record created, not a second one
    expect(await status(ids[1]!)).toMatchObject({ recordId: first.recordId });
    expect((await customersNamed('批量重复有限公司')).length).toBe(1);
    // same external id of the channel: the customer the third record created
    const third = await status(ids[2]!);
    expect(third).toMatchObject({ status: 'created' });
    expect(await status(ids[3]!)).toMatchObject({ status: 'updated', recordId: third.recordId });
    // one customer for both (renamed by the later record: a non-empty value wins)
    const linked = [...(await customersNamed('批量重复二')), ...(await customersNamed('批量重复三'))];
    expect(linked.map((c) => c.id)).toEqual([third.recordId]);
  });

  it('applies a record named twice in one batch once, and a re-run applies nothing', async () => {
    const [id] = await store([{ company: '批量一次有限公司', phone: '13900200020' }]);
    const outcomes = await batch([id!, id!]);
    expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'skipped']);
    const before = await customersNamed('批量');
    const again = await batch([id!]);
    expect(again.map((o) => o.kind)).toEqual(['skipped']);
    expect(await customersNamed('批量')).toEqual(before);
    expect((await customersNamed('批量一次')).length).toBe(1);
    const audit = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('action')
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', '=', before.find((c) => c.name === '批量一次有限公司')!.id)
        .where('action', '=', 'create')
        .execute(),
    );
    expect(audit).toHaveLength(1);
  });
});
