import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../common/ids.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { expectError, inDb, post, type Headers } from './guards-support.ts';

/**
 * Smart-button taps queued offline (issues 12 + 13) replayed through POST /api/v1/sync/batch: the
 * same command as POST /customers/{id}/smart-buttons/{buttonId}, at most once per idempotency key
 * (whichever of the two entries saw the key first), rejected with the reason when the button or
 * the customer is gone or out of reach, and nothing written for a rejected tap.
 */
let company: Company;
let sales1: Headers;
let sales2: Headers;
let customerId: string;
let othersCustomerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 4, orders: 0 });
  sales1 = await company.as('sales1');
  sales2 = await company.as('sales2');
  const mine = await post('/api/v1/customers', sales1, { name: '离线按钮测试有限公司' });
  expect(mine.status, JSON.stringify(mine.body)).toBe(201);
  customerId = mine.body.data.id;
  const theirs = await post('/api/v1/customers', sales2, { name: '别人的离线按钮客户' });
  expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
  othersCustomerId = theirs.body.data.id;
});

afterEach(() => {
  vi.useRealTimers();
});

const sync = (headers: Headers, operations: unknown[]) =>
  call({ method: 'POST', url: '/api/v1/sync/batch', headers, payload: { operations } as never });
const tapOp = (data: Record<string, unknown>, key = newId()) => ({
  idempotencyKey: key,
  op: 'create',
  recordType: 'smartButtonTap',
  data,
});
const directTap = (customer: string, button: string, key: string, headers: Headers, payload?: unknown) =>
  call({
    method: 'POST',
    url: `/api/v1/customers/${customer}/smart-buttons/${button}`,
    headers: { ...headers, 'idempotency-key': key },
    payload: payload as Record<string, unknown> | undefined,
  });
const buttonFollowups = (customer: string) =>
  inDb(company, (trx) =>
    trx
      .selectFrom('followups')
      .select(['id', 'content', 'status', 'kind', 'next_step', 'next_step_at', 'author_id'])
      .where('customer_id', '=', customer)
      .where('source', '=', 'button')
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
  );

describe('POST /api/v1/sync/batch with smart-button taps', () => {
  it('applies a queued tap as the direct route would, and answers its replay "duplicate"', async () => {
    // Friday 2026-11-27 15:30 in Shanghai: both entries compute the same next step (Tuesday 10:00)
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T07:30:00Z') });
    const direct = await directTap(customerId, 'just_talked', newId(), sales1);
    expect(direct.status, JSON.stringify(direct.body)).toBe(201);

    const op = tapOp({ customerId, buttonId: 'just_talked' });
    const first = await sync(sales1, [op]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data[0]).toMatchObject({ idempotencyKey: op.idempotencyKey, result: 'applied' });
    const { followupId, ...applied } = first.body.data[0].record;
    const { followupId: directId, ...fromRoute } = direct.body.data;
    expect(applied).toEqual(fromRoute);
    expect(applied).toMatchObject({ customerId, buttonKey: 'just_talked', nextStepAt: '2026-12-01T02:00:00.000Z' });
    expect(followupId).not.toBe(directId);

    const replay = await sync(sales1, [op]);
    expect(replay.body.data[0]).toMatchObject({ result: 'duplicate', record: { followupId, duplicate: true } });

    const saved = await buttonFollowups(customerId);
    expect(saved.map((f) => f.id).sort()).toEqual([directId, followupId].sort());
    const [a, b] = saved.map(({ id: _id, ...rest }) => ({ ...rest, next_step_at: String(rest.next_step_at) }));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 'deep_talk', kind: 'call', author_id: company.users.sales1 });
  });

  it('is one command with the direct route: a key the route saved replays as "duplicate", and the other way round', async () => {
    const key = newId();
    const direct = await directTap(customerId, 'proposal_sent', key, sales1);
    expect(direct.status).toBe(201);
    const replay = await sync(sales1, [tapOp({ customerId, buttonId: 'proposal_sent' }, key)]);
    expect(replay.body.data[0]).toMatchObject({
      result: 'duplicate',
      record: { followupId: direct.body.data.followupId },
    });

    const queued = tapOp({ customerId, buttonId: 'awaiting_reply', text: '已电话提醒，等客户回复报价' });
    const synced = await sync(sales1, [queued]);
    expect(synced.body.data[0].result).toBe('applied');
    const again = await directTap(customerId, 'awaiting_reply', queued.idempotencyKey, sales1);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ followupId: synced.body.data[0].record.followupId, duplicate: true });
    const edited = (await buttonFollowups(customerId)).filter((f) => f.content === '已电话提醒，等客户回复报价');
    expect(edited).toHaveLength(1);
  });

  it('rejects, with the reason, a tap whose button or customer is gone or out of reach, and writes nothing', async () => {
    const before = (await buttonFollowups(customerId)).length;
    const gone = await sync(sales1, [
      tapOp({ customerId, buttonId: 'removed_button' }),
      tapOp({ customerId: newId(), buttonId: 'just_talked' }),
      tapOp({ customerId: othersCustomerId, buttonId: 'just_talked' }),
      tapOp({ customerId, buttonId: 'Not A Key' }),
      tapOp({ customerId, buttonId: 'just_talked', text: '' }),
      tapOp({ customerId, buttonId: 'just_talked', content: 'not the field' }),
      tapOp({ customerId, buttonId: 'awaiting_reply' }),
    ]);
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const results = gone.body.data;
    expect(results.map((r: { result: string }) => r.result)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(results[0].error.code).toBe('NOT_FOUND');
    expect(results[1].error.code).toBe('NOT_FOUND');
    expect(['NOT_FOUND', 'OUT_OF_SCOPE']).toContain(results[2].error.code);
    expect(results[3].error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(results[3].error.details.fields[0].path).toBe('data.buttonId');
    expect(results[4].error.details.fields[0].path).toBe('data.text');
    expect(results[5].error.details.fields[0].path).toBe('data.content');
    expect(await buttonFollowups(customerId)).toHaveLength(before + 1);
    expect(await buttonFollowups(othersCustomerId)).toHaveLength(0);
    // a rejected key was not spent: once the reason is gone it applies
    const retry = await sync(sales1, [
      { ...tapOp({ customerId, buttonId: 'just_talked' }), idempotencyKey: results[0].idempotencyKey },
    ]);
    expect(retry.body.data[0].result).toBe('applied');
  });

  it('refuses a tap op that is not a create, or names its own record id, with 400', async () => {
    const base = tapOp({ customerId, buttonId: 'just_talked' });
    expectError(
      await sync(sales1, [{ ...base, op: 'update', recordId: newId(), baseVersion: 1 }]),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await sync(sales1, [{ ...base, recordId: newId() }]), 400, 'VALIDATION_FAILED');
  });
});
