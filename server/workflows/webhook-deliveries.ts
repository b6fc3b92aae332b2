import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { openSecret, sealSecret } from '../integration/channel-secrets.ts';
import { recordAttemptOutcome } from '../integration/outbound-deliver.ts';
import { postSigned, verdictOf } from '../integration/outbound-http.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';
import { notifyUser } from './notify.ts';

/**
 * A rule's webhook action, delivered like an outbound channel's events (outbound-http.ts): a
 * POST signed with the rule's own secret (`x-cairn-signature: t=<unix>,v1=<hmac-sha256 of
 * "t.body">`, `x-cairn-timestamp`, `x-cairn-event-id`), never inside the run's transaction. The
 * action stores a delivery and an outbox event in the run's transaction, so the call happens
 * exactly when the run commits; each attempt claims the delivery at its attempt number (a
 * repeated job changes nothing), a failure is retried with backoff (base × 2^(n−1), jittered),
 * and after WEBHOOK_RETRY_LIMIT retries — at once for a 4xx other than 408/429 — the delivery is
 * dead and the rule's owner is notified.
 */
export const WEBHOOK_TOPIC = 'automation.webhook';
export const WEBHOOK_QUEUE = 'automation.webhook';
export const WEBHOOK_RETRY_LIMIT = 5;
export const WEBHOOK_TIMEOUT_MS = 10_000;
const LEASE_SECONDS = WEBHOOK_TIMEOUT_MS / 1000 + 30;

export interface WebhookJob {
  tenantId: string;
  deliveryId: string;
  attempt: number;
}

/** The rule's signing secret, made when it first gets a webhook action; answered once. */
export async function webhookSecretFor(
  trx: Trx,
  tenantId: string,
  sealed: string | null,
  actions: Array<{ type: string }>,
): Promise<{ sealed: string | null; secret?: string }> {
  if (sealed || !actions.some((a) => a.type === 'webhook')) return { sealed };
  const tenant = await trx
    .selectFrom('tenants')
    .select('cursor_key')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const secret = `whs_${randomBytes(32).toString('base64url')}`;
  return { sealed: sealSecret(tenant.cursor_key, secret), secret };
}

/** Stores a delivery in the run's transaction; its first attempt is queued through the outbox. */
export async function enqueueWebhook(
  ctx: CommandContext,
  d: { ruleId: string; runId: string; url: string; headers: Record<string, string>; body: Record<string, unknown> },
) {
  const id = newId();
  const eventId = newId();
  const body = { eventId, ...d.body };
  await ctx.trx
    .insertInto('automation_webhook_deliveries')
    .values({
      tenant_id: ctx.actor.tenantId,
      id,
      rule_id: d.ruleId,
      run_id: d.runId,
      url: d.url,
      headers: JSON.stringify(d.headers),
      body: JSON.stringify(body),
      event_id: eventId,
      next_attempt_at: sql<Date>`now()`,
    })
    .execute();
  await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, WEBHOOK_TOPIC, { deliveryId: id, attempt: 0 });
  return { deliveryId: id, eventId };
}

export type WebhookOutcome =
  | { kind: 'skipped' }
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; dead: boolean; nextAt: Date | null; error: string };

export interface WebhookOptions {
  /** Queues the next attempt at `startAfter` in `trx` (the outcome's transaction). */
  send: (job: WebhookJob, startAfter: Date, trx: Trx) => Promise<void>;
  baseSeconds?: number;
  random?: () => number;
}

/** One attempt of a webhook delivery (see the module comment). */
export async function runWebhookAttempt(
  database: Database,
  job: WebhookJob,
  opts: WebhookOptions,
): Promise<WebhookOutcome> {
  const claimed = await withTenant(database.db, job.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('automation_webhook_deliveries as d')
      .innerJoin('automation_rules as r', (j) =>
        j.onRef('r.tenant_id', '=', 'd.tenant_id').onRef('r.id', '=', 'd.rule_id'),
      )
      .innerJoin('tenants as t', 't.id', 'd.tenant_id')
      .select(['d.url', 'd.headers', 'd.body', 'd.event_id', 'r.webhook_secret_sealed', 't.cursor_key'])
      .where('d.tenant_id', '=', job.tenantId)
      .where('d.id', '=', job.deliveryId)
      .where('d.status', '=', 'pending')
      .where('d.attempts', '=', job.attempt)
      .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', sql<Date>`now()`)]))
      .forUpdate('d')
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('automation_webhook_deliveries')
      .set({ lease_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.deliveryId)
      .execute();
    return row;
  });
  if (!claimed) return { kind: 'skipped' };
  const result = claimed.webhook_secret_sealed
    ? await postSigned({
        url: claimed.url,
        body: JSON.stringify(claimed.body),
        secret: openSecret(claimed.cursor_key, claimed.webhook_secret_sealed),
        eventId: claimed.event_id,
        attempt: job.attempt + 1,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        headers: claimed.headers as Record<string, string>,
      })
    : { status: null, durationMs: 0, timedOut: false, error: 'the rule has no signing secret' };
  const verdict = claimed.webhook_secret_sealed
    ? verdictOf(result)
    : ({ delivered: false, reason: 'validation', retryable: false } as const);
  return withTenant(database.db, job.tenantId, async (trx) => {
    const d = await trx
      .selectFrom('automation_webhook_deliveries as d')
      .innerJoin('automation_rules as r', (j) =>
        j.onRef('r.tenant_id', '=', 'd.tenant_id').onRef('r.id', '=', 'd.rule_id'),
      )
      .select(['d.rule_id', 'd.url', 'r.owner_id', 'r.name'])
      .where('d.tenant_id', '=', job.tenantId)
      .where('d.id', '=', job.deliveryId)
      .where('d.status', '=', 'pending')
      .where('d.attempts', '=', job.attempt)
      .forUpdate('d')
      .executeTakeFirst();
    if (!d) return { kind: 'skipped' as const };
    const { attempts, dead, nextAt, error } = await recordAttemptOutcome(
      trx,
      'automation_webhook_deliveries',
      job,
      result,
      verdict,
      { baseSeconds: opts.baseSeconds ?? 30, retryLimit: WEBHOOK_RETRY_LIMIT, random: opts.random },
    );
    if (verdict.delivered) return { kind: 'delivered' as const, status: result.status! };
    if (nextAt) await opts.send({ ...job, attempt: attempts }, nextAt, trx);
    else
      await notifyUser(
        { trx, actor: { tenantId: job.tenantId } as CommandContext['actor'] },
        {
          userId: d.owner_id,
          kind: 'automation.webhook_dead',
          message: `自动化规则「${d.name}」的 webhook 调用失败 ${attempts} 次，已放弃：${error ?? ''}`.slice(0, 2000),
          ruleId: d.rule_id,
        },
      );
    return { kind: 'failed' as const, dead, nextAt, error: error ?? 'failed' };
  });
}
