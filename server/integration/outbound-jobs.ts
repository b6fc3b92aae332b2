import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { asSystem, type Trx } from '../db/tenant-transaction.ts';
import { transactionExecutor, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import { writeOutboxEvent, type OutboxJob, type TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { fanOutEvent, outboundTopics } from './outbound-events.ts';
import {
  deliverJobId,
  runDeliverJob,
  type DeliverJob,
  type DeliverOptions,
  type SendDeliverJob,
} from './outbound-deliver.ts';

/**
 * Outbound delivery through the job queue, realtime only: the business transaction writes its
 * outbox event; the dispatcher hands it to `outbound.fanout`, which creates one delivery per
 * subscribed channel and sends its first attempt to `outbound.deliver` in the same transaction;
 * each failed attempt schedules the next (outbound-deliver.ts). A dead letter sent back by
 * `POST /dead-letters/{id}/retry` goes through the outbox too (`outbound.retry`). Nothing polls
 * a realtime channel's source: the sweep only re-sends attempts whose job was lost, and it says
 * so on the channel (last error) instead of quietly catching up.
 */
export const outboundQueueNames = {
  fanout: 'outbound.fanout',
  deliver: 'outbound.deliver',
  sweep: 'outbound.sweep',
} as const;

export const OUTBOUND_RETRY_TOPIC = 'outbound.retry';
export const outboundSweepCron = '*/5 * * * *';
const SWEEP_AFTER_SECONDS = 300;

// the handlers record failures and schedule retries per channel; pg-boss's retries cover crashes
export const outboundQueues: QueueSpec[] = [
  { name: outboundQueueNames.fanout, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
  { name: outboundQueueNames.deliver, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
  { name: outboundQueueNames.sweep, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 },
];

/** Outbox topic → queue: the business events to fan out, and dead letters sent back. */
export const outboundTopicQueues: TopicQueues = {
  ...Object.fromEntries(Object.keys(outboundTopics).map((topic) => [topic, [outboundQueueNames.fanout]])),
  [OUTBOUND_RETRY_TOPIC]: [outboundQueueNames.deliver],
};

type QueuedData = Partial<DeliverJob> & Partial<OutboxJob>;

/** A job from the outbox (`outbound.retry`) or a scheduled attempt, as one shape. */
export function deliverJobOf(data: QueuedData): DeliverJob {
  const payload = (data.payload ?? {}) as { deliveryId?: string; attempt?: number };
  return {
    tenantId: data.tenantId!,
    deliveryId: data.deliveryId ?? payload.deliveryId!,
    attempt: data.attempt ?? payload.attempt ?? 0,
  };
}

export function sendWith(runner: JobRunner): SendDeliverJob {
  return async (job, startAfter, trx) => {
    await runner.send(
      outboundQueueNames.deliver,
      { tenantId: job.tenantId, deliveryId: job.deliveryId, attempt: job.attempt },
      { id: deliverJobId(job), startAfter, executor: transactionExecutor(trx) },
    );
  };
}

/** Re-sends attempts that are due for longer than the sweep interval (a lost job), and says so on the channel. */
export async function sweepOutbound(database: Database, runner: JobRunner): Promise<number> {
  return asSystem(database.owner, async (trx) => {
    const overdue = await trx
      .selectFrom('outbound_deliveries')
      .select(['tenant_id', 'id', 'attempts', 'channel_id'])
      .where('status', '=', 'pending')
      .where(
        sql<boolean>`coalesce(next_attempt_at, created_at) < now() - make_interval(secs => ${SWEEP_AFTER_SECONDS})`,
      )
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('created_at')
      .limit(1000)
      .execute();
    for (const d of overdue) {
      // no fixed id: the lost attempt's id may still be kept by pg-boss; the claim makes repeats harmless
      await runner.send(
        outboundQueueNames.deliver,
        { tenantId: d.tenant_id, deliveryId: d.id, attempt: d.attempts },
        { executor: transactionExecutor(trx) },
      );
    }
    for (const channel of new Set(overdue.map((d) => `${d.tenant_id}/${d.channel_id}`))) {
      const [tenantId, channelId] = channel.split('/') as [string, string];
      await trx
        .updateTable('channels')
        .set({
          last_error: 'realtime delivery fell behind: overdue deliveries were re-queued by the sweep',
          last_error_at: sql<Date>`now()`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', channelId)
        .execute();
    }
    return overdue.length;
  });
}

export async function registerOutboundJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  opts: { sweep?: boolean; random?: DeliverOptions['random'] } = {},
) {
  for (const spec of outboundQueues) await runner.ensureQueue(spec);
  const send = sendWith(runner);
  await runner.work<OutboxJob>(outboundQueueNames.fanout, async (job) =>
    asSystem(database.owner, async (trx) => {
      const created = await fanOutEvent(trx, job.data);
      for (const d of created) await send(d, new Date(), trx);
      return { deliveries: created.length };
    }),
  );
  await runner.work<QueuedData>(outboundQueueNames.deliver, async (job) => {
    const outcome = await runDeliverJob(database, deliverJobOf(job.data), { send, random: opts.random });
    if (outcome.kind === 'failed')
      logger.warn({ reason: outcome.reason, dead: outcome.dead }, 'outbound delivery attempt failed');
    return { outcome: outcome.kind };
  });
  if (opts.sweep !== false) {
    await runner.work(outboundQueueNames.sweep, () => sweepOutbound(database, runner));
    await runner.schedule(outboundQueueNames.sweep, outboundSweepCron);
  }
}

/** Whether a dead letter belongs to an outbound channel (its retry is a delivery, not an intake). */
export async function isOutboundDeadLetter(trx: Trx, row: { tenant_id: string; channel_id: string }) {
  const channel = await trx
    .selectFrom('channels')
    .select('kind')
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.channel_id)
    .executeTakeFirst();
  return channel?.kind === 'outbound';
}

/**
 * Hands an outbound dead letter back to delivery: its delivery is pending again (one more
 * attempt, at once, through the outbox and the deliver queue) and the dead letter leaves the
 * list, marked as handed back; should the attempt fail for good, the same dead letter comes
 * back. Returns the delivery's attempts so far (undefined when it was no longer dead).
 */
export async function handBackOutbound(trx: Trx, tenantId: string, id: string, by: string | null) {
  const delivery = await trx
    .updateTable('outbound_deliveries')
    .set({ status: 'pending', next_attempt_at: null, lease_until: null })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .returning(['id', 'attempts'])
    .executeTakeFirst();
  await trx
    .updateTable('intake_records')
    .set({
      discarded_at: sql<Date>`now()`,
      discarded_by: by,
      discard_reason: 'retried: handed back to outbound delivery',
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
  if (delivery)
    await writeOutboxEvent(trx, tenantId, OUTBOUND_RETRY_TOPIC, {
      deliveryId: delivery.id,
      attempt: delivery.attempts,
    });
  return delivery?.attempts;
}

/** `POST /dead-letters/{id}/retry` of an outbound dead letter: handed back, and audited. */
export async function retryOutboundDeadLetter(
  ctx: CommandContext,
  row: { id: string; attempts: number; reason: string | null },
) {
  const attempts = await handBackOutbound(ctx.trx, ctx.actor.tenantId, row.id, ctx.actor.userId);
  await writeAudit(ctx, [
    {
      action: 'retry',
      recordType: 'intake',
      recordId: row.id,
      changes: { status: { before: 'dead', after: 'queued' } },
    },
  ]);
  return {
    id: row.id,
    status: 'queued',
    record_type: null,
    record_id: null,
    reason: row.reason,
    attempts: attempts ?? row.attempts,
  };
}
