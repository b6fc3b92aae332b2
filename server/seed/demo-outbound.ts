import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { issueChannelSecret } from '../integration/channel-secrets.ts';
import { fanOutEvent } from '../integration/outbound-events.ts';
import { writeOutboundDeadLetter } from '../integration/outbound-deliver.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The demo's finance outbound channel (key `finance`): contract signed, payment received and
 * customer updated are POSTed, signed, to FINANCE_DEMO_URL. Nothing listens there (port 9,
 * "discard", is closed on an ordinary machine), so in a running demo the deliveries fail, are
 * retried with backoff and end as dead letters to look at — or point the channel (PATCH config.url)
 * at a real receiver. Its signing secret is sealed like a webhook's (docs/outbound-finance.md).
 * With the integration showcase, one signed contract's delivery is already a dead letter, as a day-old run would have left it:
 * six refused attempts in its delivery log, listed beside the web form's inbound dead letters, for
 * `cairn db-sync --force-retry` or the web's retry to send again.
 */
export const FINANCE_DEMO_URL = 'http://127.0.0.1:9/finance';

export async function seedDemoOutbound(ctx: SeedContext, opts: { deadLetter?: boolean } = {}): Promise<number> {
  const tenant = await ctx.trx
    .selectFrom('tenants')
    .select('cursor_key')
    .where('id', '=', ctx.tenantId)
    .executeTakeFirstOrThrow();
  const secret = issueChannelSecret(tenant.cursor_key);
  await ctx.trx
    .insertInto('channels')
    .values({
      id: newId(),
      tenant_id: ctx.tenantId,
      key: 'finance',
      name: '财务系统',
      kind: 'outbound',
      trigger: 'realtime',
      mapping: '[]',
      merge_policy: JSON.stringify({ default: 'nonNullWins' }),
      match_order: JSON.stringify(['externalId', 'creditCode', 'phone', 'name']),
      config: JSON.stringify({
        url: FINANCE_DEMO_URL,
        events: ['contract.signed', 'payment.received', 'customer.updated'],
        timeoutMs: 5000,
      }),
      secret_hash: secret.secretHash,
      secret_sealed: secret.sealed,
      retry_base_seconds: 5,
      retry_limit: 5,
      created_by: ctx.adminId,
      updated_by: ctx.adminId,
    })
    .execute();
  if (opts.deadLetter) await seedDeadDelivery(ctx);
  return 1;
}

const DEMO_ATTEMPTS = 6;

/** A signed contract's delivery to the unreachable demo URL, after its retries ran out a day ago. */
async function seedDeadDelivery(ctx: SeedContext) {
  const contract = await ctx.trx
    .selectFrom('contracts')
    .select(['id', 'signed_date'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('status', '=', 'active')
    .orderBy('signed_date', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!contract) return;
  const createdAt = new Date(Date.now() - 26 * 3600_000);
  const [delivery] = await fanOutEvent(ctx.trx, {
    eventId: newId(),
    tenantId: ctx.tenantId,
    topic: 'contract.signed',
    createdAt: createdAt.toISOString(),
    payload: { id: contract.id },
  });
  if (!delivery) return;
  const error = 'connection failed: ECONNREFUSED';
  const row = await ctx.trx
    .updateTable('outbound_deliveries')
    .set({ status: 'dead', attempts: DEMO_ATTEMPTS, reason: 'timeout', last_error: error, created_at: createdAt })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', delivery.deliveryId)
    .returning(['channel_id', 'event_id', 'body'])
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('outbound_delivery_log')
    .values(
      Array.from({ length: DEMO_ATTEMPTS }, (_, i) => ({
        tenant_id: ctx.tenantId,
        id: newId(),
        channel_id: row.channel_id,
        delivery_id: delivery.deliveryId,
        event_id: row.event_id,
        attempt: i + 1,
        response_code: null,
        duration_ms: 1,
        error,
        outcome: i + 1 === DEMO_ATTEMPTS ? 'dead' : 'retry',
        // 5 s base, doubling: the attempts of a delivery that ran out of retries
        created_at: new Date(createdAt.getTime() + 5000 * (2 ** i - 1)),
      })),
    )
    .execute();
  await ctx.trx
    .updateTable('channels')
    .set({ last_error: `timeout: ${error}`, last_error_at: sql<Date>`now()` })
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', row.channel_id)
    .execute();
  await writeOutboundDeadLetter(ctx.trx, {
    tenantId: ctx.tenantId,
    deliveryId: delivery.deliveryId,
    channelId: row.channel_id,
    eventId: row.event_id,
    body: row.body,
    createdAt,
    reason: 'timeout',
    error,
    attempts: DEMO_ATTEMPTS,
  });
}
