import os from 'node:os';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { registerJobs } from '../../server/jobs/register.ts';
import { LocalFileStorage, type FileStorage } from '../../server/storage/file-storage.ts';
import { testDatabase } from './test-database.ts';

/**
 * The app's jobs on the shared test database, as `cairn serve` registers them: polling every
 * 0.5 s, without the supervisor, the cron clock or the outbox dispatcher (tests send jobs).
 */
export async function testJobRunner(storage: FileStorage = new LocalFileStorage(os.tmpdir())): Promise<JobRunner> {
  const database = await testDatabase();
  const runner = await createBoss(database, { supervise: false, schedule: false, pollingIntervalSeconds: 0.5 });
  await registerJobs(runner, database, storage, { info() {}, warn() {}, error() {} }, { dispatchOutbox: false });
  return runner;
}
