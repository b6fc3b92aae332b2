import type { Database } from '../db/database.ts';
import { errorInfo, transactionExecutor, type JobInfo, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { runAutomationEvents } from './engine.ts';
import { recordEvents, triggerObjects } from './rule-schemas.ts';
import { inboundTopics } from './inbound-triggers.ts';
import { derivedEventId, tickRelative, tickSchedules } from './time-triggers.ts';
import { runWebhookAttempt, WEBHOOK_QUEUE, WEBHOOK_TOPIC, type WebhookJob } from './webhook-deliveries.ts';

/**
 * The automation queue: the outbox dispatcher hands it every record event a rule can watch and
 * every inbound event (call records, files sent from WeCom, transcripts, applied intake); its handler runs the rules listening to the event (engine.ts).
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
  ...inboundTopics.map((topic) => [topic, [AUTOMATION_QUEUE]]),
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

/** Events a worker takes per fetch: a busy queue's events are screened together (runAutomationEvents). */
export const AUTOMATION_BATCH_SIZE = 20;

/**
 * A fetched batch of automation jobs. When some of its events fail, the others are completed
 * first, so the runner's failure (and pg-boss's retry) reaches only the failed ones: pg-boss
 * fails only jobs not yet completed.
 */
export async function runAutomationJobs(
  runner: JobRunner,
  database: Database,
  jobs: Array<JobInfo<OutboxJob>>,
  logger: JobLogger,
) {
  const outcomes = await runAutomationEvents(
    database,
    jobs.map((job) => job.data),
    logger,
  );
  const failed = outcomes.findIndex((outcome) => 'error' in outcome);
  if (failed < 0) return outcomes.map((outcome) => ('results' in outcome ? outcome.results : {}));
  for (const [i, outcome] of outcomes.entries())
    if ('error' in outcome)
      logger.error({ eventId: jobs[i]!.data.eventId, err: errorInfo(outcome.error) }, 'automation event failed');
  const ran = jobs.filter((_, i) => 'results' in outcomes[i]!).map((job) => job.id);
  if (ran.length) await runner.boss.complete(AUTOMATION_QUEUE, ran);
  throw (outcomes[failed] as { error: unknown }).error;
}

export async function registerAutomationJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  opts: { schedule?: boolean } = {},
) {
  await runner.ensureQueue(automationQueue);
  await runner.workBatch<OutboxJob>(AUTOMATION_QUEUE, (jobs) => runAutomationJobs(runner, database, jobs, logger), {
    workers: automationWorkers(database),
    batchSize: AUTOMATION_BATCH_SIZE,
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
