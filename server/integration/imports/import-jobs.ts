import type { Database } from '../../db/database.ts';
import type { JobLogger, JobRunner } from '../../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../../jobs/outbox.ts';
import type { QueueSpec } from '../../jobs/queues.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { scheduleWith } from '../intake-jobs.ts';
import { runImport, type ImportJob } from './import-run.ts';
import { IMPORT_REQUESTED_TOPIC, sweepStaleImports } from './import-stale.ts';

/**
 * The import job: `POST /imports/{id}/start` writes an `import.requested` outbox event in its
 * transaction; the dispatcher hands it to `import.run`. A run that dies is retried by pg-boss,
 * and a retry goes on from what the first stored (the rows' idempotency keys). A sweep resumes
 * imports left running without progress, and marks one that keeps stalling failed, with the
 * reason (import-stale.ts).
 */
export { IMPORT_REQUESTED_TOPIC };
export const importQueueName = 'import.run';

export const importSweepQueueName = 'import.sweep';
export const importSweepCron = '*/5 * * * *';

export const importQueues: QueueSpec[] = [
  { name: importQueueName, retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 4 * 60 * 60 },
  { name: importSweepQueueName, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 },
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
  // imports left running by a worker that died: resumed (or, stalling again and again, failed) every 5 minutes
  await runner.work(importSweepQueueName, async () => {
    const swept = await sweepStaleImports(database);
    const resumed = swept.filter((s) => s.action === 'resumed').length;
    if (swept.length)
      logger.warn({ resumed, failed: swept.length - resumed }, 'running imports without progress were swept');
    return { resumed, failed: swept.length - resumed };
  });
  await runner.schedule(importSweepQueueName, importSweepCron);
}
