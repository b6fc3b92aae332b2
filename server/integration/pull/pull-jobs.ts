import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { asSystem } from '../../db/tenant-transaction.ts';
import { transactionExecutor, type JobLogger, type JobRunner } from '../../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../../jobs/outbox.ts';
import type { QueueSpec } from '../../jobs/queues.ts';
import { lastSlot, timeZoneOf } from './pull-config.ts';
import { runPull, type PullRequest } from './pull-run.ts';

/**
 * Pulls on a schedule. One pg-boss schedule (`intake.pull-tick`, every minute) fires once across
 * all instances; it finds each scheduled pull channel whose cron — in its company's time zone —
 * has a slot not yet sent, and sends one `intake.pull` job for that slot (a fixed job id per
 * channel and slot, and the slot recorded in the same transaction), so a slot runs once even if
 * two ticks overlap. Only pull channels are ever polled: a realtime channel has no cron and the
 * tick never looks at it. `POST /channels/{id}/pull` asks for a run now through the outbox.
 */
export const pullQueueNames = { tick: 'intake.pull-tick', run: 'intake.pull' } as const;
export const PULL_REQUESTED_TOPIC = 'intake.pull.requested';
export const pullTickCron = '* * * * *';

export const pullQueues: QueueSpec[] = [
  { name: pullQueueNames.tick, retryLimit: 1, retryDelay: 30, retryBackoff: false, expireInSeconds: 5 * 60 },
  // a run that dies (lost connection, crash) is retried; the claim in runPull keeps runs one at a time
  { name: pullQueueNames.run, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
];

export const pullTopicQueues: TopicQueues = { [PULL_REQUESTED_TOPIC]: [pullQueueNames.run] };

type QueuedPull = Partial<PullRequest> & Partial<OutboxJob> & { slotAt?: string };

export function pullRequestOf(data: QueuedPull): PullRequest {
  const payload = (data.payload ?? {}) as { channelId?: string };
  return {
    tenantId: data.tenantId!,
    channelId: data.channelId ?? payload.channelId!,
    trigger: data.trigger ?? (data.slotAt ? 'schedule' : 'manual'),
  };
}

/** A uuid-shaped job id fixed by channel and slot: a second send of the same slot is ignored. */
export function slotJobId(channelId: string, slot: Date): string {
  const h = createHash('sha256').update(`pull:${channelId}:${slot.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Sends a job for every scheduled pull channel with a due slot it has not had (of one company with `tenantId`). */
export async function pullTick(
  database: Database,
  runner: JobRunner,
  now = new Date(),
  opts: { tenantId?: string } = {},
): Promise<number> {
  return asSystem(database.owner, async (trx) => {
    const channels = await trx
      .selectFrom('channels')
      .innerJoin('tenants', 'tenants.id', 'channels.tenant_id')
      .leftJoin('channel_cursors', (j) =>
        j
          .onRef('channel_cursors.tenant_id', '=', 'channels.tenant_id')
          .onRef('channel_cursors.channel_id', '=', 'channels.id'),
      )
      .select([
        'channels.tenant_id',
        'channels.id',
        'channels.config',
        'tenants.settings',
        'channel_cursors.last_slot_at',
      ])
      .where('channels.kind', '=', 'pull')
      .where('channels.trigger', '=', 'scheduled')
      .where('channels.deleted_at', 'is', null)
      .$if(Boolean(opts.tenantId), (q) => q.where('channels.tenant_id', '=', opts.tenantId!))
      .execute();
    let sent = 0;
    for (const c of channels) {
      const cron = (c.config as { cron?: unknown }).cron;
      const slot = typeof cron === 'string' ? lastSlot(cron, timeZoneOf(c.settings), now) : undefined;
      if (!slot || (c.last_slot_at && c.last_slot_at >= slot)) continue;
      await trx
        .insertInto('channel_cursors')
        .values({ tenant_id: c.tenant_id, channel_id: c.id, last_slot_at: slot })
        .onConflict((oc) => oc.columns(['tenant_id', 'channel_id']).doUpdateSet({ last_slot_at: slot }))
        .execute();
      await runner.send(
        pullQueueNames.run,
        { tenantId: c.tenant_id, channelId: c.id, trigger: 'schedule', slotAt: slot.toISOString() },
        { id: slotJobId(c.id, slot), executor: transactionExecutor(trx) },
      );
      sent++;
    }
    return sent;
  });
}

export async function registerPullJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  opts: { schedule?: boolean } = {},
) {
  for (const spec of pullQueues) await runner.ensureQueue(spec);
  await runner.work<QueuedPull>(pullQueueNames.run, async (job) => {
    const outcome = await runPull(database, pullRequestOf(job.data));
    if (outcome.kind === 'failed') logger.warn({ reason: outcome.reason, runId: outcome.runId }, 'pull run failed');
    return outcome;
  });
  if (opts.schedule !== false) {
    await runner.work(pullQueueNames.tick, () => pullTick(database, runner));
    await runner.schedule(pullQueueNames.tick, pullTickCron);
  }
}
