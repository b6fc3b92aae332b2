import type { Database } from '../db/database.ts';
import type { JobLogger, JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { runAutomationEvent } from './engine.ts';
import { recordEvents, triggerObjects } from './rule-schemas.ts';
import { CALL_TOPIC } from './rule-validation.ts';

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
]) as TopicQueues;

/** Topic maps of several consumers as one: a topic several consumers hear goes to all their queues. */
export function mergeTopicQueues(...maps: TopicQueues[]): TopicQueues {
  const out: Record<string, string[]> = {};
  for (const map of maps)
    for (const [topic, queues] of Object.entries(map)) out[topic] = [...new Set([...(out[topic] ?? []), ...queues])];
  return out;
}

export const automationWorkers = (database: Database) => (database.kind === 'postgres' ? 4 : 1);

export async function registerAutomationJobs(runner: JobRunner, database: Database, logger: JobLogger) {
  await runner.ensureQueue(automationQueue);
  await runner.work<OutboxJob>(AUTOMATION_QUEUE, (job) => runAutomationEvent(database, job.data, logger), {
    workers: automationWorkers(database),
  });
}
