import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { verifySignature } from '../../server/integration/channel-secrets.ts';
import { localDate, zonedInstant } from '../../common/working-calendar.ts';
import { tickRelative, tickSchedules } from '../../server/workflows/time-triggers.ts';
import { runWebhookAttempt, type WebhookJob } from '../../server/workflows/webhook-deliveries.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';

/**
 * Schedule and relative-time triggers (run by the tick, once per slot or due date however many
 * instances tick), and the webhook action against a loopback HTTP server: signed, retried, dead.
 */
let database: Database;
let company: Company;
let admin: Headers;
const rulesUrl = '/api/v1/automation-rules';
const zone = 'Asia/Shanghai'; // the demo company's time zone (the default)

const runsOf = async (ruleId: string) =>
  ok(await get(`${rulesUrl}/${ruleId}/runs?limit=200`, admin)) as Array<Record<string, any>>;
const notify = [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '提醒' }];

const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
const answers: number[] = [];
let server: http.Server;
let url: string;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 2, orders: 0 });
  admin = await company.as('admin');
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

describe('time triggers', () => {
  it('a schedule fires once per slot in the company’s time zone, however many instances tick', async () => {
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '每天 8 点',
        trigger: { type: 'schedule', cron: '0 8 * * *' },
        actions: notify,
      }),
      201,
    );
    const tomorrow = localDate(new Date(Date.now() + 86_400_000), zone);
    const slot = zonedInstant(tomorrow, '08:00', zone);
    expect(slot.toISOString()).toBe(`${tomorrow}T00:00:00.000Z`); // 08:00 in Shanghai
    const at = new Date(slot.getTime() + 30 * 60_000);
    const opts = { tenantId: company.tenantId };
    const fired = await Promise.all([tickSchedules(database, at, opts), tickSchedules(database, at, opts)]);
    expect(fired[0]! + fired[1]!).toBe(1);
    expect(await tickSchedules(database, new Date(at.getTime() + 60_000), opts)).toBe(0);
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'succeeded', topic: 'automation.schedule' });
    expect(runs[0]!.triggerPayload.slot).toBe(slot.toISOString());
    // a slot before the rule was saved never fires
    expect(await tickSchedules(database, new Date(slot.getTime() - 86_400_000 - 60_000), opts)).toBe(0);
  });

  it('a relative-time rule runs once per record and due date, N days before the date field', async () => {
    const customer = ok(await get('/api/v1/customers?limit=1', admin))[0];
    const tomorrow = localDate(new Date(Date.now() + 86_400_000), zone);
    const plus30 = new Date(Date.parse(`${tomorrow}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const contract = (endDate: string) =>
      post('/api/v1/contracts', admin, {
        customerId: customer.id,
        number: `HT-到期-${endDate}-${Math.random().toString(36).slice(2, 8)}`,
        currency: 'CNY',
        amountInclTax: '1000',
        endDate,
      });
    const due = ok(await contract(plus30), 201);
    const later = ok(await contract('2099-01-01'), 201);
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '合同到期前 30 天',
        trigger: { type: 'relative', object: 'contract', field: 'endDate', offsetDays: -30, at: '09:00' },
        actions: notify,
      }),
      201,
    );
    const dueAt = zonedInstant(tomorrow, '09:00', zone);
    const opts = { tenantId: company.tenantId };
    expect(await tickRelative(database, new Date(dueAt.getTime() - 60_000), opts)).toBe(0);
    const ticks = await Promise.all([
      tickRelative(database, new Date(dueAt.getTime() + 60_000), opts),
      tickRelative(database, new Date(dueAt.getTime() + 60_000), opts),
    ]);
    expect(ticks[0]! + ticks[1]!).toBe(1);
    expect(await tickRelative(database, new Date(dueAt.getTime() + 3600_000), opts)).toBe(0);
    const runs = await runsOf(rule.id);
    expect(runs.map((r) => [r.triggerPayload.id, r.triggerPayload.due, r.status])).toEqual([
      [due.id, dueAt.toISOString(), 'succeeded'],
    ]);
    expect(runs.some((r) => r.triggerPayload.id === later.id)).toBe(false);
  });
});

describe('webhook action', () => {
  const attempt = (job: WebhookJob, sent: Array<{ job: WebhookJob; at: Date }>) =>
    runWebhookAttempt(database, job, {
      send: async (next, at) => {
        sent.push({ job: next, at });
      },
      baseSeconds: 1,
    });

  it('posts the record signed with the rule’s secret, retries a 5xx, and delivers once', async () => {
    const customer = ok(await get('/api/v1/customers?limit=1', admin))[0];
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '推送到外部系统',
        trigger: { type: 'manual', object: 'customer' },
        actions: [{ type: 'webhook', url, headers: { 'X-Token': 'abc' } }],
      }),
      201,
    );
    expect(rule.webhookSecret).toMatch(/^whs_/);
    expect(ok(await get(`${rulesUrl}/${rule.id}`, admin)).webhookSecret).toBeUndefined();
    expect(ok(await post(`${rulesUrl}/${rule.id}/run`, admin, { recordIds: [customer.id] }))[0].status).toBe(
      'succeeded',
    );
    const output = (await runsOf(rule.id))[0]!.actions[0].output;
    expect(received).toHaveLength(0); // nothing is sent inside the run's transaction
    const job = { tenantId: company.tenantId, deliveryId: output.deliveryId as string, attempt: 0 };
    const sent: Array<{ job: WebhookJob; at: Date }> = [];
    answers.push(503);
    expect(await attempt(job, sent)).toMatchObject({ kind: 'failed', dead: false });
    expect(sent.map((s) => s.job)).toEqual([{ ...job, attempt: 1 }]);
    expect(await attempt(job, [])).toEqual({ kind: 'skipped' }); // a repeated job of attempt 0 changes nothing
    expect(await attempt({ ...job, attempt: 1 }, sent)).toEqual({ kind: 'delivered', status: 200 });
    expect(received).toHaveLength(2);
    const last = received[1]!;
    expect(verifySignature(String(last.headers['x-cairn-signature']), rule.webhookSecret, last.body)).toEqual({
      ok: true,
    });
    expect(last.headers).toMatchObject({ 'x-token': 'abc', 'x-cairn-event-id': output.eventId });
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ eventId: output.eventId, ruleId: rule.id, recordId: customer.id });
    expect(body.record.name).toBe(customer.name);
  });

  it('a 4xx is final: the delivery is dead and the rule’s owner is told', async () => {
    const customer = ok(await get('/api/v1/customers?limit=1', admin))[0];
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '推送失败',
        trigger: { type: 'manual', object: 'customer' },
        actions: [{ type: 'webhook', url }],
      }),
      201,
    );
    ok(await post(`${rulesUrl}/${rule.id}/run`, admin, { recordIds: [customer.id] }));
    const output = (await runsOf(rule.id))[0]!.actions[0].output;
    answers.push(400);
    const sent: Array<{ job: WebhookJob; at: Date }> = [];
    const outcome = await attempt({ tenantId: company.tenantId, deliveryId: output.deliveryId, attempt: 0 }, sent);
    expect(outcome).toMatchObject({ kind: 'failed', dead: true, nextAt: null });
    expect(sent).toEqual([]);
    const notes = ok(await get('/api/v1/notifications', admin)) as Array<Record<string, any>>;
    expect(notes.find((n) => n.ruleId === rule.id)).toMatchObject({ kind: 'automation.webhook_dead' });
  });
});
