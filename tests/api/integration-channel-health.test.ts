/**
 * A channel's health figures (the channel list and health page): queue lag, p95 end-to-end lag and
 * failure rate over the last 24 hours, dead letters, computed in SQL from the channel's records.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { Database } from '../../server/db/database.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
let admin: Headers;
let database: Database;

const secondsAgo = (s: number) => sql<Date>`now() - make_interval(secs => ${s})`;

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 2, orders: 0 });
  admin = await company.as('admin');
});

describe('channel health figures', () => {
  it('an inbound channel: lag of the oldest queued record, p95 lag and failure rate of the last 24 h', async () => {
    const res = await post('/api/v1/channels', admin, {
      key: 'health-form',
      name: '健康度表单',
      kind: 'webhook',
      serviceUserId: company.users.admin,
      mapping: [{ source: 'company', target: 'name' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const channelId = res.body.data.id as string;
    expect(res.body.data.health).toMatchObject({
      lagSeconds: 0,
      p95LagSeconds: null,
      failureRate: 0,
      settled24h: 0,
      deadLetters: 0,
      missingGrants: [],
    });

    await withTenant(database.db, company.tenantId, async (trx) => {
      const row = (key: string, status: string, receivedAgo: number, processedAgo: number | null) => ({
        tenant_id: company.tenantId,
        id: newId(),
        channel_id: channelId,
        idempotency_key: key,
        payload: JSON.stringify({ company: key }),
        status,
        reason: status === 'dead' ? 'validation' : null,
        received_at: secondsAgo(receivedAgo),
        processed_at: processedAgo === null ? null : secondsAgo(processedAgo),
      });
      // 21 settled in the last hour, taking 1..21 s from receipt to outcome; 3 of them dead
      const settled = Array.from({ length: 21 }, (_, i) =>
        row(`settled-${i}`, i < 3 ? 'dead' : 'created', 3600, 3600 - (i + 1)),
      );
      await trx
        .insertInto('intake_records')
        .values([
          ...settled,
          row('waiting-old', 'queued', 120, null),
          row('waiting-new', 'queued', 5, null),
          // settled three days ago: a dead letter still, but outside the 24-hour figures
          row('old-dead', 'dead', 3 * 86400, 3 * 86400 - 60),
        ])
        .execute();
    });

    const { health } = ok(await get(`/api/v1/channels/${channelId}`, admin)) as { health: Record<string, unknown> };
    expect(health).toMatchObject({
      queued: 2,
      deadLetters: 4,
      p95LagSeconds: 20, // percentile_cont(0.95) of 1..21
      settled24h: 21,
      failureRate: 3 / 21,
    });
    expect(health.lagSeconds).toBeGreaterThanOrEqual(120);
    expect(health.lagSeconds).toBeLessThan(600);
    const list = ok(await get('/api/v1/channels', admin)) as Array<{ id: string; health: unknown }>;
    // the list shows the same figures (the lag may have grown by a second meanwhile)
    expect(list.find((c) => c.id === channelId)!.health).toEqual({ ...health, lagSeconds: expect.any(Number) });
  });

  it('names the grants a service identity lacks, for the editor to show on the channel', async () => {
    const res = await post('/api/v1/channels', admin, {
      key: 'health-legal',
      name: '缺权限表单',
      kind: 'webhook',
      serviceUserId: company.users.legal,
      mapping: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.health.status).toBe('error');
    expect(res.body.data.health.missingGrants).toContain('runBackgroundSync');
    for (const grant of res.body.data.health.missingGrants as string[])
      expect(['runBackgroundSync', 'customer.read', 'customer.create', 'customer.update']).toContain(grant);
  });

  it('an outbound channel: figures from its deliveries, from event to delivery', async () => {
    const created = await post('/api/v1/channels', admin, {
      key: 'health-finance',
      name: '健康度财务',
      kind: 'outbound',
      config: { url: 'http://127.0.0.1:9/finance' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const finance = created.body.data as { id: string };
    await withTenant(database.db, company.tenantId, async (trx) => {
      const delivery = (status: string, occurredAgo: number, deliveredAgo: number | null) => ({
        tenant_id: company.tenantId,
        id: newId(),
        channel_id: finance.id,
        event_id: newId(),
        event_type: 'customer.updated',
        occurred_at: secondsAgo(occurredAgo),
        created_at: secondsAgo(occurredAgo),
        body: JSON.stringify({}),
        status,
        delivered_at: deliveredAgo === null ? null : secondsAgo(deliveredAgo),
      });
      const dead = [delivery('dead', 600, null), delivery('dead', 600, null)];
      await trx
        .insertInto('outbound_deliveries')
        .values([
          delivery('delivered', 600, 598),
          delivery('delivered', 600, 596),
          ...dead,
          delivery('pending', 300, null),
        ])
        .execute();
      // each dead delivery is a dead letter (as outbound-deliver.ts writes it); one was discarded
      await trx
        .insertInto('intake_records')
        .values(
          dead.map((d, i) => ({
            tenant_id: company.tenantId,
            id: d.id,
            channel_id: finance.id,
            idempotency_key: d.event_id,
            payload: JSON.stringify({}),
            status: 'dead',
            reason: 'remote_5xx',
            processed_at: secondsAgo(590),
            ...(i === 1 && { discarded_at: secondsAgo(10), discard_reason: 'handled by hand' }),
          })),
        )
        .execute();
    });
    const { health } = ok(await get(`/api/v1/channels/${finance.id}`, admin)) as { health: Record<string, unknown> };
    // dead letters still waiting: the discarded one has left the list
    expect(health).toMatchObject({ queued: 1, deadLetters: 1, review: 0, settled24h: 4, failureRate: 2 / 4 });
    expect(health.p95LagSeconds).toBeGreaterThan(2);
    expect(health.p95LagSeconds).toBeLessThanOrEqual(4);
    expect(health.lagSeconds).toBeGreaterThanOrEqual(300);
  });
});
