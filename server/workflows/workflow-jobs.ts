import type { Database } from '../db/database.ts';
import { transactionExecutor, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { runAutomationEvent } from './engine.ts';
import { recordEvents, triggerObjects } from './rule-schemas.ts';
import { CALL_TOPIC } from './rule-validation.ts';
import { derivedEventId, tickRelative, tickSchedules } from './time-triggers.ts';
import { runWebhookAttempt, WEBHOOK_QUEUE, WEBHOOK_TOPIC, type WebhookJob } from './webhook-deliveries.ts';

/**
 * The automation queue: the outbox dispatcher hands it every record event a rule can watch and
 * every received call record; its handler runs the rules listening to the event (engine.ts).
 * pg-boss delivers at least once; the run's unique (rule, version, event) key makes a repeat a no-op.
 */
export const AUTOMATION_QUEUE = 'automation.run';

export const automationQueue: QueueSpec = {
  name: AUTOMATION_QUEUE,
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
};

export const automationTopicQueues: TopicQueues = Object.fromEntries([
  ...triggerObjects.flatMap((object) => recordEvents.map((on) => [`${object}.${on}`, [AUTOMATION_QUEUE]])),
  [CALL_TOPIC, [AUTOMATION_QUEUE]],
  [WEBHOOK_TOPIC, [WEBHOOK_QUEUE]],
]) as TopicQueues;

/** Schedule and relative-time triggers are checked every minute (time-triggers.ts). */
export const AUTOMATION_TICK_QUEUE = 'automation.tick';
export const automationTickCron = '* * * * *';

const otherQueues: QueueSpec[] = [
  { name: AUTOMATION_TICK_QUEUE, retryLimit: 1, retryDelay: 30, expireInSeconds: 10 * 60 },
  // the handler records failures and schedules each delivery's retries; pg-boss's retries cover crashes
  { name: WEBHOOK_QUEUE, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
];

/** A webhook attempt from the outbox (the first) or a scheduled retry, as one shape. */
function webhookJobOf(data: Partial<WebhookJob> & Partial<OutboxJob>): WebhookJob {
  const payload = (data.payload ?? {}) as Partial<WebhookJob>;
  return {
    tenantId: data.tenantId!,
    deliveryId: data.deliveryId ?? payload.deliveryId!,
    attempt: data.attempt ?? payload.attempt ?? 0,
  };
}

/** Topic maps of several consumers as one: a topic several consumers hear goes to all their queues. */
export function mergeTopicQueues(...maps: TopicQueues[]): TopicQueues {
  const out: Record<string, string[]> = {};
  for (const map of maps)
    for (const [topic, queues] of Object.entries(map)) out[topic] = [...new Set([...(out[topic] ?? []), ...queues])];
  return out;
}

export const automationWorkers = (database: Database) => (database.kind === 'postgres' ? 4 : 1);

export async function registerAutomationJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  opts: { schedule?: boolean } = {},
) {
  await runner.ensureQueue(automationQueue);
  await runner.work<OutboxJob>(AUTOMATION_QUEUE, (job) => runAutomationEvent(database, job.data, logger), {
    workers: automationWorkers(database),
  });
  for (const spec of otherQueues) await runner.ensureQueue(spec);
  await runner.work<Partial<WebhookJob> & Partial<OutboxJob>>(WEBHOOK_QUEUE, (job) =>
    runWebhookAttempt(database, webhookJobOf(job.data), {
      send: async (next, startAfter, trx) => {
        await runner.send(WEBHOOK_QUEUE, next, {
          id: derivedEventId('webhook', next.deliveryId, String(next.attempt)),
          startAfter,
          executor: transactionExecutor(trx),
        });
      },
    }),
  );
  if (opts.schedule !== false) {
    await runner.work(AUTOMATION_TICK_QUEUE, async () => ({
      schedules: await tickSchedules(database, new Date(), { logger }),
      relative: await tickRelative(database, new Date(), { logger }),
    }));
    await runner.schedule(AUTOMATION_TICK_QUEUE, automationTickCron);
  }
}
