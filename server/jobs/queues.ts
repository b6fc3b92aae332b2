/**
 * The pg-boss queues the app uses. `createBoss` creates each one (and its `<name>.dead`
 * dead-letter queue) at start, so sending to a queue that is missing here is a bug the runner
 * reports instead of pg-boss silently dropping the job.
 */
export interface QueueSpec {
  name: string;
  /** Retries after the first failure; then the job moves to `<name>.dead`. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each retry when `retryBackoff` is on. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A handler running longer than this is failed (and retried). pg-boss caps it below 24 h. */
  expireInSeconds?: number;
}

export const queueNames = {
  recycleBinPurge: 'recycle-bin.purge',
  recycleBinSchedule: 'recycle-bin.schedule',
  exportsSweep: 'exports.sweep',
  sandboxClose: 'access.sandbox-close',
  signInPurge: 'auth.sign-in-purge',
  intakeProcess: 'intake.process',
  intakeSweep: 'intake.sweep',
  consistencyScan: 'consistency.scan',
  reportsSeal: 'reports.seal',
  fxFetch: 'fx.fetch',
} as const;

export const defaultQueueOptions = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
} as const;

export const appQueues: QueueSpec[] = [
  { name: queueNames.recycleBinPurge, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
  { name: queueNames.recycleBinSchedule, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
  { name: queueNames.exportsSweep, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  { name: queueNames.sandboxClose, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  { name: queueNames.signInPurge, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  // the handler records failures and schedules retries itself (per channel); these retries cover crashes
  { name: queueNames.intakeProcess, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 5 * 60 },
  { name: queueNames.intakeSweep, retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 },
  { name: queueNames.consistencyScan, retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 60 * 60 },
  { name: queueNames.reportsSeal, retryLimit: 3, retryDelay: 120, retryBackoff: true, expireInSeconds: 60 * 60 },
  { name: queueNames.fxFetch, retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 10 * 60 },
];

export const deadLetterName = (queue: string): string => `${queue}.dead`;

/** Failed jobs wait this long in a dead-letter queue for someone to look at them. */
export const deadLetterRetentionMinutes = 30 * 24 * 60;
