import { newId } from '../../common/ids.ts';
import { issueChannelSecret } from '../integration/channel-secrets.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The demo's finance outbound channel (key `finance`): contract signed, payment received and
 * customer updated are POSTed, signed, to FINANCE_DEMO_URL. Nothing listens there (port 9,
 * "discard", is closed on an ordinary machine), so in a running demo the deliveries fail, are
 * retried with backoff and end as dead letters to look at — or point the channel (PATCH config.url)
 * at a real receiver. Its signing secret is sealed like a webhook's (docs/outbound-finance.md).
 */
export const FINANCE_DEMO_URL = 'http://127.0.0.1:9/finance';

export async function seedDemoOutbound(ctx: SeedContext): Promise<number> {
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
  return 1;
}
