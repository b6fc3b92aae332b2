import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { OutboxJob } from '../../server/jobs/outbox.ts';

/**
 * A company's outbox events as the queue jobs the dispatcher hands the automation engine, oldest
 * first; of one topic when given. Tests deliver them again by hand to prove a run happens once.
 */
export async function outboxJobsOf(database: Database, tenantId: string, topic?: string): Promise<OutboxJob[]> {
  const rows = await withTenant(database.db, tenantId, (trx) => {
    let query = trx.selectFrom('outbox_events').selectAll().where('tenant_id', '=', tenantId);
    if (topic) query = query.where('topic', '=', topic);
    return query.orderBy('created_at').orderBy('id').execute();
  });
  return rows.map((r) => ({
    eventId: r.id,
    tenantId,
    topic: r.topic,
    createdAt: r.created_at.toISOString(),
    payload: r.payload as Record<string, unknown>,
  }));
}
