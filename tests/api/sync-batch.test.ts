import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { expectError, inDb, post, type Headers } from './guards-support.ts';

let company: Company;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 4, orders: 0 });
  sales1 = await company.as('sales1');
  sales2 = await company.as('sales2');
  const created = await post('/api/v1/customers', sales1, { name: '离线同步测试有限公司' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  customerId = created.body.data.id;
});

const sync = (headers: Headers, operations: unknown[]) =>
  call({ method: 'POST', url: '/api/v1/sync/batch', headers, payload: { operations } as never });
const newFollowup = (content: string, key = newId()) => ({
  idempotencyKey: key,
  op: 'create',
  recordType: 'followup',
  data: { customerId, kind: 'visit', content },
});
const followupsWith = (content: string) =>
  inDb(company, (trx) =>
    trx.selectFrom('followups').select('id').where('content', '=', content).where('deleted_at', 'is', null).execute(),
  );
const customerNow = async () =>
  (await call({ method: 'GET', url: `/api/v1/customers/${customerId}`, headers: sales1 })).body.data;

describe('POST /api/v1/sync/batch (the offline outbox replay)', () => {
  it('applies a queued follow-up once, and answers a replay of it "duplicate" with the record', async () => {
    const op = newFollowup('弱网下记录的拜访');
    const first = await sync(sales1, [op]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data[0]).toMatchObject({ idempotencyKey: op.idempotencyKey, result: 'applied' });
    expect(first.body.data[0].record).toMatchObject({ customerId, content: '弱网下记录的拜访' });

    const replay = await sync(sales1, [op]);
    expect(replay.body.data[0]).toMatchObject({ result: 'duplicate', record: { id: first.body.data[0].record.id } });
    expect(await followupsWith('弱网下记录的拜访')).toHaveLength(1);
  });

  it('answers each operation in order: one rejected (naming the field) does not stop the next', async () => {
    const bad = { ...newFollowup('x'), data: { customerId, kind: 'visit' } };
    const good = newFollowup('紧随被拒操作之后的跟进');
    const res = await sync(sales1, [bad, good]);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => r.result)).toEqual(['rejected', 'applied']);
    expect(res.body.data[0].error.code).toBe('VALIDATION_FAILED');
    expect(res.body.data[0].error.details.fields[0].path).toBe('data.content');
    expect(await followupsWith('紧随被拒操作之后的跟进')).toHaveLength(1);
  });

  it('applies a status change on the version it was made on, and answers a stale one "conflict" with the current values', async () => {
    const base = await customerNow();
    const change = (level: string, baseVersion: number) => ({
      idempotencyKey: newId(),
      op: 'update',
      recordType: 'customer',
      recordId: customerId,
      baseVersion,
      data: { level },
    });
    const applied = await sync(sales1, [change('A', base.version)]);
    expect(applied.body.data[0]).toMatchObject({
      result: 'applied',
      record: { level: 'A', version: base.version + 1 },
    });

    const stale = await sync(sales1, [change('D', base.version)]);
    expect(stale.body.data[0].result).toBe('conflict');
    expect(stale.body.data[0].current).toMatchObject({ id: customerId, level: 'A', version: base.version + 1 });
    expect((await customerNow()).level).toBe('A');
  });

  it('authorizes each operation as its own route would: another rep cannot change my customer', async () => {
    const base = await customerNow();
    const res = await sync(sales2, [
      {
        idempotencyKey: newId(),
        op: 'update',
        recordType: 'customer',
        recordId: customerId,
        baseVersion: base.version,
        data: { level: 'C' },
      },
    ]);
    expect(res.body.data[0].result).toBe('rejected');
    expect(['NOT_FOUND', 'OUT_OF_SCOPE']).toContain(res.body.data[0].error.code);
    expect((await customerNow()).version).toBe(base.version);
  });

  it('refuses a malformed batch with 400 naming the field, and applies none of it', async () => {
    const good = newFollowup('格式错误批次中的跟进');
    const cases: Array<[unknown[], string]> = [
      [[good, { ...newFollowup('y'), idempotencyKey: 'not-a-uuid' }], 'operations.1.idempotencyKey'],
      [[good, { ...newFollowup('z'), idempotencyKey: good.idempotencyKey }], 'operations.1.idempotencyKey'],
      [[good, { ...newFollowup('w'), recordType: 'customer' }], 'operations.1.op'],
      [[good, { ...newFollowup('v'), op: 'update' }], 'operations.1.recordId'],
      [[good, { ...newFollowup('u'), recordType: 'user' }], 'operations.1.recordType'],
    ];
    for (const [operations, field] of cases) {
      const res = await sync(sales1, operations);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.error.details), field).toContain(field);
    }
    const tooMany = Array.from({ length: 101 }, (_, i) => newFollowup(`批量 ${i}`));
    expectError(await sync(sales1, tooMany), 400, 'VALIDATION_FAILED');
    expect(await followupsWith('格式错误批次中的跟进')).toHaveLength(0);
  });

  it('applies an operation once when two replays of it race', async () => {
    const op = newFollowup('两次同时重放的跟进');
    const [a, b] = await Promise.all([sync(sales1, [op]), sync(sales1, [op])]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.data[0].result, b.body.data[0].result].sort()).toEqual(['applied', 'duplicate']);
    expect(await followupsWith('两次同时重放的跟进')).toHaveLength(1);
  });

  it('whatever the replays (repeats, reorders, partial batches), each operation is applied exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (picks, batchSize) => {
          const tag = newId().slice(-8);
          const ops = Array.from({ length: 6 }, (_, i) => newFollowup(`属性重放 ${tag} ${i}`));
          const sent = picks.map((i) => ops[i]!);
          for (let start = 0; start < sent.length; start += batchSize) {
            const batch = sent.slice(start, start + batchSize);
            if (new Set(batch.map((o) => o.idempotencyKey)).size !== batch.length) {
              for (const op of batch) expect((await sync(sales1, [op])).status).toBe(200);
            } else expect((await sync(sales1, batch)).status).toBe(200);
          }
          for (const [i, op] of ops.entries())
            expect(await followupsWith(op.data.content)).toHaveLength(picks.includes(i) ? 1 : 0);
        },
      ),
      { numRuns: 8 },
    );
  });
});
