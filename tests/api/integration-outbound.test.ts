import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import { backoffMs, runDeliverJob } from '../../server/integration/outbound-deliver.ts';
import { fanOutEvent } from '../../server/integration/outbound-events.ts';
import {
  outboundQueueNames,
  outboundTopicQueues,
  registerOutboundJobs,
  sendWith,
} from '../../server/integration/outbound-jobs.ts';
import { FINANCE_DEMO_URL } from '../../server/seed/demo-outbound.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { startFinanceReceiver, type FinanceReceiver, type Received } from '../support/finance-receiver.ts';
import { del, expectFieldError, get, ok, patch, post } from '../support/resource-helpers.ts';

/**
 * Outbound delivery to a finance receiver on loopback, through the outbox, pg-boss and real
 * HTTP: the receiver checks every signature and timestamp, answers in a scripted pattern
 * (500, no answer, 400, …) and counts what it accepted, so a second delivery of an event shows.
 */
let database: Database;
let company: Company;
let admin: Record<string, string>;
let runner: JobRunner;
let finance: FinanceReceiver;
let channelId: string;

const forEvent = (eventId: string) => finance.forEvent(eventId);

const deliveries = () =>
  withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('outbound_deliveries')
      .selectAll()
      .where('tenant_id', '=', company.tenantId)
      .where('channel_id', '=', channelId)
      .orderBy('created_at')
      .execute(),
  );

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Waits until `count` more deliveries exist than `before` and all of them have settled. */
async function settledAfter(before: number, count: number, status?: string) {
  return waitFor(`${count} settled deliveries`, async () => {
    const rows = await deliveries();
    const fresh = rows.slice(before);
    return fresh.length === count && fresh.every((d) => (status ? d.status === status : d.status !== 'pending'))
      ? fresh
      : undefined;
  });
}

async function firstCustomer() {
  const list = ok(await get('/api/v1/customers?limit=1&sort=name', admin));
  return list[0] as { id: string; version: number };
}

async function updateCustomer(note: string) {
  const customer = ok(await get(`/api/v1/customers/${(await firstCustomer()).id}`, admin));
  ok(await patch(`/api/v1/customers/${customer.id}`, admin, { shortName: note, version: customer.version }));
  return customer.id as string;
}

async function patchChannel(changes: Record<string, unknown>) {
  const current = ok(await get(`/api/v1/channels/${channelId}`, admin));
  return ok(await patch(`/api/v1/channels/${channelId}`, admin, { ...changes, version: current.version }));
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  finance = await startFinanceReceiver();
  runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [],
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerOutboundJobs(runner, database, { info() {}, warn() {}, error() {} }, { sweep: false });
  startOutboxDispatcher(database, runner, {
    topicQueues: outboundTopicQueues,
    tenantId: company.tenantId,
    intervalMs: 100,
  });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
  await finance?.close();
});

describe('outbound channels: saving', () => {
  it('the demo has a finance outbound channel pointing at a local URL', async () => {
    const list = ok(await get('/api/v1/channels', admin)) as Array<Record<string, any>>;
    const demo = list.find((c) => c.key === 'finance');
    expect(demo).toMatchObject({ kind: 'outbound', trigger: 'realtime', config: { url: FINANCE_DEMO_URL } });
    expect(demo!.health.warnings.join(' ')).not.toContain('not run by this version');
    // this test has its own receiver: the demo channel (nothing listens on port 9) is removed
    expect((await del(`/api/v1/channels/${demo!.id}`, admin)).status).toBe(204);
  });

  it('refuses an outbound channel without an http(s) URL, or one set to poll on a schedule', async () => {
    const base = { key: 'finance-bad', name: '坏通道', kind: 'outbound' };
    expectFieldError(await post('/api/v1/channels', admin, { ...base, config: {} }), 'config.url');
    expectFieldError(await post('/api/v1/channels', admin, { ...base, config: { url: 'ftp://x/y' } }), 'config.url');
    expectFieldError(
      await post('/api/v1/channels', admin, { ...base, trigger: 'scheduled', config: { url: 'http://127.0.0.1:1/' } }),
      'trigger',
    );
  });

  it('creates the receiver’s channel and answers its signing secret once', async () => {
    const created = await post('/api/v1/channels', admin, {
      key: 'finance-test',
      name: '财务测试',
      kind: 'outbound',
      retryBaseSeconds: 1,
      retryLimit: 3,
      // long enough that a loaded machine's answer is never taken for a timeout; 'hang' still is one
      config: { url: finance.url, timeoutMs: 1500 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^chs_/);
    finance.secret = created.body.secret;
    channelId = created.body.data.id;
    expect((await get(`/api/v1/channels/${channelId}`, admin)).body.secret).toBeUndefined();
  });

  it('audits a change with the values before and after', async () => {
    await patchChannel({ name: '财务测试（改名）', retryLimit: 4 });
    await patchChannel({ name: '财务测试', retryLimit: 3 });
    const audit = ok(await get(`/api/v1/audit?recordType=channel&recordId=${channelId}`, admin)) as Array<{
      action: string;
      changes: Record<string, unknown>;
    }>;
    expect(audit.filter((a) => a.action === 'update').map((a) => a.changes)).toEqual(
      expect.arrayContaining([
        { name: { before: '财务测试', after: '财务测试（改名）' }, retryLimit: { before: 3, after: 4 } },
        { name: { before: '财务测试（改名）', after: '财务测试' }, retryLimit: { before: 4, after: 3 } },
      ]),
    );
  });
});

describe('outbound delivery over loopback HTTP', () => {
  it('a signed contract, a received payment and an updated customer each produce exactly one delivery', async () => {
    const before = (await deliveries()).length;
    const customerId = (await firstCustomer()).id;
    const signed = ok(
      await post('/api/v1/contracts', admin, {
        customerId,
        number: 'OUT-1',
        currency: 'CNY',
        amountInclTax: '1000.00',
        status: 'active',
        signedDate: '2026-11-30',
      }),
      201,
    );
    // a draft is not signed; signing it later is; editing a signed contract is not signed again
    const draft = ok(
      await post('/api/v1/contracts', admin, { customerId, number: 'OUT-2', currency: 'CNY', amountInclTax: '50.00' }),
      201,
    );
    const activated = ok(
      await patch(`/api/v1/contracts/${draft.id}`, admin, { status: 'active', version: draft.version }),
    );
    ok(await patch(`/api/v1/contracts/${draft.id}`, admin, { title: '改标题', version: activated.version }));
    const payment = ok(
      await post('/api/v1/payments', admin, { contractId: signed.id, amount: '300.00', receivedDate: '2026-12-01' }),
      201,
    );
    const updatedId = await updateCustomer('出站一');

    const fresh = await settledAfter(before, 4, 'delivered');
    await sleep(1500); // nothing else arrives later
    expect((await deliveries()).length).toBe(before + 4);
    const bodies = fresh.map((d) => d.body as unknown as Received['body']);
    expect(bodies.map((b) => b.type).sort()).toEqual([
      'contract.signed',
      'contract.signed',
      'customer.updated',
      'payment.received',
    ]);
    expect(bodies.filter((b) => b.type === 'contract.signed').map((b) => b.data.contractId)).toEqual(
      expect.arrayContaining([signed.id, draft.id]),
    );
    const paid = bodies.find((b) => b.type === 'payment.received')!;
    expect(paid.data).toMatchObject({
      paymentId: payment.id,
      contractId: signed.id,
      amount: '300.00',
      currency: 'CNY',
    });
    const customer = bodies.find((b) => b.type === 'customer.updated')!;
    expect(customer.data).toMatchObject({ customerId: updatedId, shortName: '出站一' });
    expect((customer.data.changedFields as string[]).includes('shortName')).toBe(true);
    for (const d of fresh) {
      const got = forEvent(d.event_id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ signatureOk: true, attempt: 1, answer: 200 });
      expect(got[0]!.body).toEqual(d.body);
      expect(Object.keys(got[0]!.body).sort()).toEqual(['data', 'id', 'occurredAt', 'type']);
    }
  });

  it('retries 500 and a timeout with growing, jittered delays, and dead-letters a 400 (remote_4xx)', async () => {
    const before = (await deliveries()).length;
    finance.script.push(500, 'hang', 400);
    await updateCustomer('出站二');
    const [dead] = await settledAfter(before, 1);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, reason: 'remote_4xx', last_status: 400 });
    const got = forEvent(dead!.event_id);
    expect(got.map((r) => [r.attempt, r.answer])).toEqual([
      [1, 500],
      [2, 'hang'],
      [3, 400],
    ]);
    expect(got.every((r) => r.signatureOk)).toBe(true);
    // base 1 s: the 2nd attempt waits at least 0.5 s; the 3rd at least 1 s after a 1.5 s timeout.
    // No upper bound: on a loaded machine the queue may start a due attempt late, never early.
    const gap1 = got[1]!.at - got[0]!.at;
    const gap2 = got[2]!.at - got[1]!.at;
    expect(gap1).toBeGreaterThanOrEqual(450);
    expect(gap2).toBeGreaterThanOrEqual(2450);

    const log = ok(await get(`/api/v1/channels/${channelId}/deliveries?eventId=${dead!.event_id}`, admin));
    expect(
      (log as Array<Record<string, unknown>>).map((l) => [l.attempt, l.responseCode, l.outcome]).reverse(),
    ).toEqual([
      [1, 500, 'retry'],
      [2, null, 'retry'],
      [3, 400, 'dead'],
    ]);
    const timedOut = (log as Array<{ attempt: number; durationMs: number; error: string }>).find(
      (l) => l.attempt === 2,
    )!;
    expect(timedOut.durationMs).toBeGreaterThanOrEqual(1490);
    expect(timedOut.error).toContain('no answer within 1500 ms');

    const letters = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin));
    expect(letters).toEqual([
      expect.objectContaining({
        id: dead!.id,
        channelKey: 'finance-test',
        reason: 'remote_4xx',
        attempts: 3,
        lastError: 'HTTP 400',
        payload: dead!.body,
      }),
    ]);
  });

  it('dead-letters with remote_5xx and timeout once the channel’s retry limit is used up; 429 is retried', async () => {
    await patchChannel({ retryLimit: 1 });
    let before = (await deliveries()).length;
    finance.script.push(429, 500);
    await updateCustomer('出站三');
    const [fivexx] = await settledAfter(before, 1);
    expect(fivexx).toMatchObject({ status: 'dead', attempts: 2, reason: 'remote_5xx' });
    expect(forEvent(fivexx!.event_id).map((r) => r.answer)).toEqual([429, 500]);

    await patchChannel({ retryLimit: 0 });
    before = (await deliveries()).length;
    finance.script.push('hang');
    await updateCustomer('出站四');
    const [timeout] = await settledAfter(before, 1);
    expect(timeout).toMatchObject({ status: 'dead', attempts: 1, reason: 'timeout' });
    const reasons = (ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<any>)
      .map((l) => l.reason)
      .sort();
    expect(reasons).toEqual(['remote_4xx', 'remote_5xx', 'timeout']);
    await patchChannel({ retryLimit: 3 });
  });

  it('retrying a dead letter delivers it exactly once; repeated jobs and fan-outs deliver nothing more', async () => {
    const letters = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<any>;
    const letter = letters.find((l) => l.reason === 'remote_4xx');
    const retried = await post(`/api/v1/dead-letters/${letter.id}/retry`, admin);
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    expect(retried.body.data).toMatchObject({ id: letter.id, status: 'queued' });
    const eventId = letter.payload.id as string;
    const delivered = await waitFor('the retried delivery', async () => {
      const row = (await deliveries()).find((d) => d.id === letter.id);
      return row?.status === 'delivered' ? row : undefined;
    });
    expect(delivered.attempts).toBe(4);
    expect(forEvent(eventId).filter((r) => r.answer === 200)).toHaveLength(1);
    const remaining = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<any>;
    expect(remaining.map((l) => l.id)).not.toContain(letter.id);
    expect((await post(`/api/v1/dead-letters/${letter.id}/retry`, admin)).status).toBe(404);

    // the queue delivers at least once: a repeated attempt job and a repeated fan-out change nothing
    const send = sendWith(runner);
    for (const attempt of [3, 4])
      expect(
        await runDeliverJob(
          database,
          { tenantId: company.tenantId, deliveryId: letter.id, attempt },
          { send: async () => {} },
        ),
      ).toEqual({ kind: 'skipped' });
    const event = await asSystem(database.owner, (trx) =>
      trx.selectFrom('outbox_events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow(),
    );
    const again = await asSystem(database.owner, (trx) =>
      fanOutEvent(trx, {
        eventId,
        tenantId: company.tenantId,
        topic: event.topic,
        createdAt: event.created_at.toISOString(),
        payload: event.payload,
      }),
    );
    expect(again).toEqual([]);
    await asSystem(database.owner, (trx) =>
      send({ tenantId: company.tenantId, deliveryId: letter.id, attempt: 4 }, new Date(), trx),
    );
    await runner.send(outboundQueueNames.fanout, {
      eventId,
      tenantId: company.tenantId,
      topic: event.topic,
      createdAt: event.created_at.toISOString(),
      payload: event.payload,
    });
    await sleep(2000);
    expect(forEvent(eventId).filter((r) => r.answer === 200)).toHaveLength(1);
  });

  it('never delivers an event twice (every 2xx-answered event id is unique)', () => {
    const ids = finance.received.filter((r) => r.answer === 200).map((r) => r.eventId);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(finance.received.every((r) => r.signatureOk)).toBe(true);
  });
});

describe('the delivery log', () => {
  it('pages newest first with sealed cursors, refuses a forged cursor, and is for integration admins only', async () => {
    const all = ok(await get(`/api/v1/channels/${channelId}/deliveries?limit=200`, admin)) as Array<any>;
    expect(all.length).toBeGreaterThanOrEqual(9);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await get(`/api/v1/channels/${channelId}/deliveries?limit=2${query}`, admin);
      seen.push(...(ok(page) as Array<{ id: string }>).map((l) => l.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all.map((l) => l.id));
    const times = all.map((l) => Date.parse(l.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all[0]).toEqual(
      expect.objectContaining({
        deliveryId: expect.any(String),
        eventId: expect.any(String),
        eventType: expect.any(String),
        durationMs: expect.any(Number),
      }),
    );
    expectFieldError(await get(`/api/v1/channels/${channelId}/deliveries?cursor=bm90LWEtY3Vyc29y`, admin), 'cursor');
    expect((await get(`/api/v1/channels/${channelId}/deliveries`, await company.as('sales1'))).status).toBe(403);
  });
});

describe('backoff', () => {
  it('doubles per attempt from the channel’s base, jittered in the upper half, capped at an hour', () => {
    expect(backoffMs(1, 1, () => 0)).toBe(500);
    expect(backoffMs(1, 1, () => 1)).toBe(1000);
    expect(backoffMs(2, 3, () => 0.5)).toBe(6000);
    expect(backoffMs(5, 30, () => 1)).toBe(3_600_000);
    expect(backoffMs(0, 4, () => 1)).toBe(0);
  });
});
