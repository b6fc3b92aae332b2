import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { JobLogger, JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { NOTIFICATION_TOPIC } from '../workflows/notify.ts';
import type { WecomConfig } from './wecom-config.ts';
import { WecomError, wecomClient, type WecomClient } from './wecom-client.ts';

/**
 * Notifications through WeCom: when WeCom is configured, every in-app notification (the
 * automation `notify` action, a paused rule's notice) is also sent as a WeCom app message to the
 * user's WeCom member id, after its transaction commits (outbox `notification.created` → this
 * queue). The notification row records the outcome (`wecom_sent_at` or `wecom_error`); a user
 * without a WeCom id is skipped with that reason; WeCom being down fails the job and pg-boss retries.
 */
export const WECOM_NOTIFY_QUEUE = 'wecom.notify';

export const wecomNotifyQueue: QueueSpec = {
  name: WECOM_NOTIFY_QUEUE,
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
};

export const wecomTopicQueues = (config: WecomConfig | undefined): TopicQueues =>
  config ? { [NOTIFICATION_TOPIC]: [WECOM_NOTIFY_QUEUE] } : {};

export async function sendNotificationToWecom(
  database: Database,
  client: WecomClient,
  tenantId: string,
  notificationId: string,
): Promise<'sent' | 'no-wecom-id' | 'done-before' | 'gone'> {
  const row = await withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('notifications as n')
      .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'n.tenant_id').onRef('u.id', '=', 'n.user_id'))
      .select(['n.message', 'n.wecom_sent_at', 'u.wecom_user_id', 'u.is_active'])
      .where('n.tenant_id', '=', tenantId)
      .where('n.id', '=', notificationId)
      .executeTakeFirst(),
  );
  if (!row) return 'gone';
  if (row.wecom_sent_at) return 'done-before';
  const mark = (set: { wecom_sent_at?: ReturnType<typeof sql<Date>>; wecom_error?: string | null }) =>
    withTenant(database.db, tenantId, (trx) =>
      trx
        .updateTable('notifications')
        .set(set)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', notificationId)
        .execute(),
    );
  if (!row.wecom_user_id || !row.is_active) {
    await mark({ wecom_error: row.is_active ? 'the user has no WeCom id' : 'the user is disabled' });
    return 'no-wecom-id';
  }
  try {
    const result = await client.sendText([row.wecom_user_id], row.message);
    await mark(
      result.invalidUsers.length
        ? { wecom_error: 'WeCom does not know the user’s WeCom id' }
        : { wecom_sent_at: sql<Date>`now()`, wecom_error: null },
    );
    return 'sent';
  } catch (error) {
    if (error instanceof WecomError) await mark({ wecom_error: error.message.slice(0, 500) });
    throw error;
  }
}

export async function registerWecomJobs(
  runner: JobRunner,
  database: Database,
  logger: JobLogger,
  config: WecomConfig | undefined,
) {
  const client = wecomClient(config);
  if (!client) return;
  await runner.ensureQueue(wecomNotifyQueue);
  await runner.work<OutboxJob>(WECOM_NOTIFY_QUEUE, async (job) => {
    const id = job.data.payload.id;
    if (typeof id !== 'string') return { skipped: 'no notification id' };
    try {
      return { outcome: await sendNotificationToWecom(database, client, job.data.tenantId, id) };
    } catch (error) {
      // the message names the errcode only: never the secret or the token
      logger.warn({ notificationId: id, error: (error as Error).message }, 'WeCom notification not sent');
      throw error;
    }
  });
}
