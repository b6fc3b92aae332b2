import { newId } from '../../common/ids.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';

export const NOTIFICATION_TOPIC = 'notification.created';

/** An in-app notification (GET /api/v1/notifications) and its `notification.created` outbox event. */
export async function notifyUser(
  ctx: Pick<CommandContext, 'trx' | 'actor'>,
  n: { userId: string; kind: string; message: string; recordType?: string; recordId?: string; ruleId?: string },
) {
  const id = newId();
  await ctx.trx
    .insertInto('notifications')
    .values({
      tenant_id: ctx.actor.tenantId,
      id,
      user_id: n.userId,
      kind: n.kind,
      message: n.message.slice(0, 2000),
      record_type: n.recordType ?? null,
      record_id: n.recordId ?? null,
      rule_id: n.ruleId ?? null,
    })
    .execute();
  await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, NOTIFICATION_TOPIC, { id, userId: n.userId, kind: n.kind });
  return id;
}
