import type { Database } from '../../db/database.ts';
import type { JobLogger, JobRunner } from '../../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../../jobs/outbox.ts';
import type { QueueSpec } from '../../jobs/queues.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { scheduleWith } from '../intake-jobs.ts';
import { runImport, type ImportJob } from './import-run.ts';

/**
 * The import job: `POST /imports/{id}/start` writes an `import.requested` outbox event in its
 * transaction; the dispatcher hands it to `import.run`. A run that dies is retried by pg-boss,
 * and a retry goes on from what the first stored (the rows' idempotency keys).
 */
export const IMPORT_REQUESTED_TOPIC = 'import.requested';
export const importQueueName = 'import.run';

export const importQueues: QueueSpec[] = [
  { name: importQueueName, retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 4 * 60 * 60 },
];

export const importTopicQueues: TopicQueues = { [IMPORT_REQUESTED_TOPIC]: [importQueueName] };

type QueuedImport = Partial<ImportJob> & Partial<OutboxJob>;

export function importJobOf(data: QueuedImport): ImportJob {
  const payload = (data.payload ?? {}) as { importId?: string };
  return { tenantId: data.tenantId!, importId: data.importId ?? payload.importId! };
}

export async function registerImportJobs(
  runner: JobRunner,
  database: Database,
  storage: FileStorage,
  logger: JobLogger,
) {
  for (const spec of importQueues) await runner.ensureQueue(spec);
  const schedule = scheduleWith(runner);
  await runner.work<QueuedImport>(importQueueName, async (job) => {
    const result = await runImport(database, storage, importJobOf(job.data), { schedule, signal: job.signal });
    logger.info({ rows: result.processed, seconds: Math.round(result.seconds) }, 'import finished');
    return result;
  });
}
