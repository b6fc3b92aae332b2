import type { Database } from '../db/database.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { JobLogger, JobRunner } from './boss.ts';
import { startOutboxDispatcher, type OutboxDispatcher, type TopicQueues } from './outbox.ts';
import { queueNames } from './queues.ts';
import { purgeExpiredRecycleBin, retentionDays } from '../recycle-bin/recycle-purge.ts';
import { sweepExpiredExports } from '../exports/export-sweep.ts';
import { auditEndedSandboxes } from '../access-admin/sandbox-close.ts';
import { allResources } from '../resources/registry.ts';
import { asSystem } from '../db/tenant-transaction.ts';
import { purgeSignInRecords } from '../auth/sign-in-purge.ts';
import type { OutboxJob } from './outbox.ts';
import { registerIntakeJobs } from '../integration/intake-jobs.ts';
import { INTAKE_TOPIC } from '../integration/intake-process.ts';
import { scanAll } from '../consistency/scan.ts';
import { outboundTopicQueues, registerOutboundJobs } from '../integration/outbound-jobs.ts';
import { registerReportJobs } from '../reports/report-jobs.ts';
import { pullTopicQueues, registerPullJobs } from '../integration/pull/pull-jobs.ts';
import { importTopicQueues, registerImportJobs } from '../integration/imports/import-jobs.ts';
import { imageTopicQueues, registerImageJobs } from '../image-variants/image-jobs.ts';
import { automationTopicQueues, mergeTopicQueues, registerAutomationJobs } from '../workflows/workflow-jobs.ts';
import { registerNextStepJobs } from '../smart-buttons/next-step-escalation.ts';
import { registerTranscriptJobs, transcriptTopicQueues } from '../transcripts/transcript-jobs.ts';
import { registerWecomJobs, wecomTopicQueues } from '../wecom/wecom-notify.ts';
import type { WecomConfig } from '../wecom/wecom-config.ts';

/** When the entry a deletion event created becomes purgeable (its tenant's retention after the event). */
export async function purgeTimeFor(database: Database, event: OutboxJob): Promise<Date> {
  const tenant = await asSystem(database.db, (trx) =>
    trx.selectFrom('tenants').select('settings').where('id', '=', event.tenantId).executeTakeFirst(),
  );
  return new Date(Date.parse(event.createdAt) + retentionDays(tenant?.settings) * 86400_000 + 60_000);
}

/**
 * Outbox topic → queues: every resource's `*.deleted` event schedules its recycle-bin entry's
 * purge (at the tenant's retention, see purgeTimeFor). Events of unsubscribed topics are simply
 * marked dispatched. Record events and call records also go to the automation queue (a topic
 * several consumers hear goes to each of their queues). A new consumer is one more entry here and its queue in queues.ts.
 */
export const topicQueues = (wecom?: WecomConfig): TopicQueues =>
  mergeTopicQueues(baseTopicQueues(), automationTopicQueues, transcriptTopicQueues, wecomTopicQueues(wecom));

const baseTopicQueues = (): TopicQueues => ({
  // read from the resource registry when the jobs start, not when this module loads
  ...Object.fromEntries(allResources().map((spec) => [`${spec.recordType}.deleted`, [queueNames.recycleBinSchedule]])),
  // every received intake record (and every dead letter sent back) is processed by the intake queue
  [INTAKE_TOPIC]: [queueNames.intakeProcess],
  // contract signed, payment received, customer updated → outbound channels (realtime)
  ...outboundTopicQueues,
  // a pull run asked for now (POST /channels/{id}/pull), and an import started
  ...pullTopicQueues,
  ...importTopicQueues,
  // an uploaded image's WebP variants
  ...imageTopicQueues,
});

export const recycleBinPurgeCron = '30 3 * * *'; // 03:30 Asia/Shanghai, daily
export const exportsSweepCron = '7 * * * *'; // hourly: export files live 24 hours
export const signInPurgeCron = '45 3 * * *'; // daily, 03:45 Asia/Shanghai
export const sandboxCloseCron = '5 0 * * *'; // daily, just after midnight Asia/Shanghai, when sandbox periods end
export const consistencyScanCron = '20 2 * * *'; // daily, 02:20 Asia/Shanghai

export interface RecycleBinPurgeJob {
  /** Purge one tenant only; absent = all tenants. */
  tenantId?: string;
}

export interface RegisterOptions {
  /**
   * Start the outbox dispatcher (default true). Tests sharing one database turn it
   * off: a dispatcher hands every tenant's events to the queues it knows.
   */
  dispatchOutbox?: boolean;
  /** The purge's cron instead of `recycleBinPurgeCron`. */
  recycleBinPurgeCron?: string;
  /** WeCom: notifications are also sent as app messages. */
  wecom?: WecomConfig;
}

/**
 * Wires workers, schedules and the outbox dispatcher onto a started runner (server start).
 * The dispatcher stops with `runner.stop()`; the returned handle is for stopping it earlier.
 */
export async function registerJobs(
  runner: JobRunner,
  database: Database,
  storage: FileStorage,
  logger: JobLogger,
  opts: RegisterOptions = {},
): Promise<OutboxDispatcher | undefined> {
  await runner.work<RecycleBinPurgeJob>(queueNames.recycleBinPurge, async (job) => {
    const result = await purgeExpiredRecycleBin(database, storage, {
      tenantId: job.data?.tenantId,
      logger,
      signal: job.signal,
    });
    // failed entries are retried by the next run anyway; failing the job makes them visible
    // (retries, then the dead-letter queue) instead of only in the log
    if (result.failed > 0) throw new Error(`${result.failed} recycle bin entries could not be purged`);
    return result;
  });
  await runner.schedule(
    queueNames.recycleBinPurge,
    opts.recycleBinPurgeCron ?? recycleBinPurgeCron,
    {},
    { tz: 'Asia/Shanghai' },
  );
  // every deletion event books the purge of its tenant for the moment the entry expires; the
  // daily sweep above catches anything a changed retention setting moved
  await runner.work<OutboxJob>(queueNames.recycleBinSchedule, async (job) => {
    const at = await purgeTimeFor(database, job.data);
    await runner.send(
      queueNames.recycleBinPurge,
      { tenantId: job.data.tenantId },
      { startAfter: at, singletonKey: `purge:${job.data.tenantId}:${at.toISOString().slice(0, 13)}` },
    );
    return { tenantId: job.data.tenantId, purgeAt: at.toISOString() };
  });
  await runner.work(queueNames.exportsSweep, async (job) => {
    const result = await sweepExpiredExports(database, storage, { logger, signal: job.signal });
    if (result.failed > 0) throw new Error(`expired export files of ${result.failed} tenant(s) could not be removed`);
    return result;
  });
  await runner.schedule(queueNames.exportsSweep, exportsSweepCron);
  await runner.work(queueNames.sandboxClose, async (job) => {
    const result = await auditEndedSandboxes(database, { logger, signal: job.signal });
    if (result.failed > 0) throw new Error(`ended sandboxes of ${result.failed} tenant(s) could not be audited`);
    return result;
  });
  await runner.schedule(queueNames.sandboxClose, sandboxCloseCron);
  await runner.work(queueNames.signInPurge, () => purgeSignInRecords(database));
  await runner.schedule(queueNames.signInPurge, signInPurgeCron, {}, { tz: 'Asia/Shanghai' });
  await registerIntakeJobs(runner, database, logger);
  // one scan of every company a day; pg-boss fires a schedule once across all instances
  await runner.work<{ tenantId?: string }>(queueNames.consistencyScan, async (job) => {
    const reports = await scanAll(database, 'schedule', {
      tenantIds: job.data?.tenantId ? [job.data.tenantId] : undefined,
    });
    return { companies: reports.length, findings: reports.reduce((n, r) => n + r.findings, 0) };
  });
  await runner.schedule(queueNames.consistencyScan, consistencyScanCron, {}, { tz: 'Asia/Shanghai' });
  await registerOutboundJobs(runner, database, logger);
  await registerReportJobs(runner, database, logger);
  await registerPullJobs(runner, database, logger);
  await registerImportJobs(runner, database, storage, logger);
  await registerImageJobs(runner, database, storage, logger);
  await registerAutomationJobs(runner, database, logger);
  await registerNextStepJobs(runner, database, logger);
  await registerTranscriptJobs(runner, database, logger);
  await registerWecomJobs(runner, database, logger, opts.wecom);
  if (opts.dispatchOutbox === false) return undefined;
  return startOutboxDispatcher(database, runner, { topicQueues: topicQueues(opts.wecom), logger });
}
