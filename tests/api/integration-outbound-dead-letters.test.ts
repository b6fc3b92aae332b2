import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import { runDeliverJob } from '../../server/integration/outbound-deliver.ts';
import { fanOutEvent } from '../../server/integration/outbound-events.ts';
import { channelSecret, forceRetry, syncStatus } from '../../server/integration/sync-admin.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { startFinanceReceiver, type Answer, type FinanceReceiver } from '../support/finance-receiver.ts';
import { get, ok, patch, post } from '../support/resource-helpers.ts';

/**
 * Outbound dead letters (finance deliveries that ran out of retries) beside inbound ones: the
 * dead-letter list names their direction, reason (remote 4xx/5xx, timeout) and last error;
 * discarding one needs a reason and is audited; `cairn db-sync --force-retry` retries them too;
 * `db-sync --status` and the channel's health count the same dead letters.
 */
let database: Database;
let company: Company;
let admin: Record<string, string>;
let finance: FinanceReceiver;
let channelId: string;

/** One customer.updated event fanned out to the finance channel, and its first attempt answered `answer`. */
async function failedDelivery(answer: Answer, note: string, dead = true): Promise<string> {
  const [customer] = ok(await get('/api/v1/customers?limit=1&sort=name', admin)) as Array<{ id: string }>;
  const current = ok(await get(`/api/v1/customers/${customer!.id}`, admin));
  ok(await patch(`/api/v1/customers/${current.id}`, admin, { shortName: note, version: current.version }));
  const [created] = await asSystem(database.owner, async (trx) => {
    const event = await trx
      .selectFrom('outbox_events')
      .selectAll()
      .where('tenant_id', '=', company.tenantId)
      .where('topic', '=', 'customer.updated')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return fanOutEvent(trx, {
      eventId: event.id,
      tenantId: company.tenantId,
      topic: event.topic,
      createdAt: event.created_at.toISOString(),
      payload: event.payload,
    });
  });
  finance.script.push(answer);
  const outcome = await runDeliverJob(database, created!, { send: async () => {} });
  expect(outcome).toMatchObject({ kind: 'failed', dead });
  return created!.deliveryId;
}
const deadDelivery = (answer: Answer, note: string) => failedDelivery(answer, note, true);

const health = async () =>
  (ok(await get(`/api/v1/channels/${channelId}`, admin)) as { health: { deadLetters: number } }).health;
const cliFinance = async () =>
  (await syncStatus(database, { tenant: company.slug })).find((s) => s.channel === 'finance')!;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 3, orders: 0 });
  admin = await company.as('admin');
  finance = await startFinanceReceiver();
  finance.secret = (await channelSecret(database, 'finance', { tenant: company.slug })).secret;
  const channels = ok(await get('/api/v1/channels', admin)) as Array<{ id: string; key: string; version: number }>;
  const channel = channels.find((c) => c.key === 'finance')!;
  channelId = channel.id;
  ok(
    await patch(`/api/v1/channels/${channelId}`, admin, {
      retryLimit: 0,
      // long enough that a loaded machine's answer is never taken for a timeout; 'hang' still is one
      config: { url: finance.url, timeoutMs: 1500 },
      version: channel.version,
    }),
  );
}, 120_000);

afterAll(async () => {
  await finance?.close();
});

describe('outbound dead letters beside inbound ones', () => {
  let fivexx: string;
  let fourxx: string;
  let timeout: string;

  it('lists remote_5xx, remote_4xx and timeout deliveries as outbound dead letters with their last error', async () => {
    fivexx = await deadDelivery(500, '死信一');
    fourxx = await deadDelivery(400, '死信二');
    timeout = await deadDelivery('hang', '死信三');
    const all = ok(await get('/api/v1/dead-letters?limit=200', admin)) as Array<Record<string, any>>;
    const outbound = all.filter((l) => l.direction === 'outbound');
    expect(outbound.map((l) => [l.id, l.reason, l.channelKey]).sort()).toEqual(
      [
        [fivexx, 'remote_5xx', 'finance'],
        [fourxx, 'remote_4xx', 'finance'],
        [timeout, 'timeout', 'finance'],
      ].sort(),
    );
    const byId = new Map(outbound.map((l) => [l.id, l]));
    expect(byId.get(fivexx)!.lastError).toBe('HTTP 500');
    expect(byId.get(timeout)!.lastError).toContain('no answer within 1500 ms');
    expect(byId.get(fourxx)!.payload).toMatchObject({ type: 'customer.updated' });
    expect((await health()).deadLetters).toBe(3);
    expect(await cliFinance()).toMatchObject({ deadLetters: 3, kind: 'outbound' });
  });

  it('discarding one needs a reason, is audited, and leaves the health and CLI counts alike', async () => {
    const refused = await post(`/api/v1/dead-letters/${fourxx}/discard`, admin, { reason: '  ' });
    expect(refused.status).toBe(400);
    ok(await post(`/api/v1/dead-letters/${fourxx}/discard`, admin, { reason: '财务已手工入账' }));
    const listed = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<{ id: string }>;
    expect(listed.map((l) => l.id).sort()).toEqual([fivexx, timeout].sort());
    const audit = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('tenant_id', '=', company.tenantId)
        .where('record_id', '=', fourxx)
        .execute(),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'discard',
        changes: expect.objectContaining({ reason: { before: null, after: '财务已手工入账' } }),
      }),
    ]);
    const [web, cli] = [await health(), await cliFinance()];
    expect(web.deadLetters).toBe(2);
    expect(cli.deadLetters).toBe(web.deadLetters);
  });

  it('db-sync --force-retry covers outbound dead letters: a dry run changes nothing, a run delivers them', async () => {
    const dry = await forceRetry(database, { batch: 500, tenant: company.slug, channel: 'finance', dryRun: true });
    expect(dry).toMatchObject({ selected: 2, retried: 0, byReason: { remote_5xx: 1, timeout: 1 } });
    expect((await health()).deadLetters).toBe(2);

    finance.script.push(200, 500);
    const run = await forceRetry(database, { batch: 500, tenant: company.slug, channel: 'finance' });
    // newest first: the timeout letter is delivered, the 5xx one fails again and is a dead letter again
    expect(run).toMatchObject({
      selected: 2,
      retried: 2,
      succeeded: { delivered: 1 },
      stillFailing: { remote_5xx: 1 },
    });
    const accepted = finance.received.filter((r) => r.answer === 200);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.signatureOk).toBe(true);
    const left = ok(await get(`/api/v1/dead-letters?channelId=${channelId}`, admin)) as Array<Record<string, any>>;
    expect(left.map((l) => [l.id, l.reason, l.direction])).toEqual([[fivexx, 'remote_5xx', 'outbound']]);
    const statuses = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('outbound_deliveries')
        .select(['id', 'status'])
        .where('tenant_id', '=', company.tenantId)
        .where('id', 'in', [fivexx, timeout])
        .execute(),
    );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [fivexx]: 'dead',
      [timeout]: 'delivered',
    });
    expect((await health()).deadLetters).toBe(1);
    expect((await cliFinance()).deadLetters).toBe(1);
    const retries = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['record_id', 'actor_name'])
        .where('tenant_id', '=', company.tenantId)
        .where('action', '=', 'retry')
        .execute(),
    );
    expect(retries.map((r) => [r.record_id, r.actor_name]).sort()).toEqual(
      [
        [fivexx, 'cli'],
        [timeout, 'cli'],
      ].sort(),
    );
  });
  it('db-sync --force-retry sends a delivery waiting for its backed-off retry now, once', async () => {
    const channel = ok(await get(`/api/v1/channels/${channelId}`, admin)) as { version: number };
    ok(await patch(`/api/v1/channels/${channelId}`, admin, { retryLimit: 5, version: channel.version }));
    const waiting = await failedDelivery(500, '退避中', false);
    const dry = await forceRetry(database, { batch: 500, tenant: company.slug, channel: 'finance', dryRun: true });
    expect(dry.byReason).toMatchObject({ remote_5xx: 2 });
    expect((await forceRetry(database, { batch: 1, tenant: company.slug, dryRun: true })).selected).toBe(1);
    finance.script.push(200, 200);
    const run = await forceRetry(database, { batch: 500, tenant: company.slug, channel: 'finance' });
    expect(run).toMatchObject({ selected: 2, retried: 2, succeeded: { delivered: 2 } });
    const delivered = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('outbound_deliveries')
        .select(['status', 'attempts'])
        .where('tenant_id', '=', company.tenantId)
        .where('id', '=', waiting)
        .executeTakeFirstOrThrow(),
    );
    expect(delivered).toEqual({ status: 'delivered', attempts: 2 });
    // the queued job of the backed-off attempt later finds the delivery moved on: nothing is sent again
    const again = await runDeliverJob(
      database,
      { tenantId: company.tenantId, deliveryId: waiting, attempt: 1 },
      {
        send: async () => {},
      },
    );
    expect(again).toEqual({ kind: 'skipped' });
  });
});
