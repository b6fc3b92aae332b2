import type { Database } from '../db/database.ts';
import type { JobLogger, JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { processTranscript, TRANSCRIPT_TOPIC } from './transcripts.ts';

/** The transcripts queue: each received transcript (outbox `transcript.received`) is analysed and recorded. */
export const TRANSCRIPT_QUEUE = 'transcripts.process';

export const transcriptQueue: QueueSpec = {
  name: TRANSCRIPT_QUEUE,
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
};

export const transcriptTopicQueues: TopicQueues = { [TRANSCRIPT_TOPIC]: [TRANSCRIPT_QUEUE] };

export async function registerTranscriptJobs(runner: JobRunner, database: Database, logger: JobLogger) {
  await runner.ensureQueue(transcriptQueue);
  await runner.work<OutboxJob>(TRANSCRIPT_QUEUE, async (job) => {
    const transcriptId = job.data.payload.transcriptId;
    if (typeof transcriptId !== 'string') return { skipped: 'no transcript id' };
    return { outcome: await processTranscript(database, job.data.tenantId, transcriptId, logger) };
  });
}
