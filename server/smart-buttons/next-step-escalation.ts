import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { timeZoneOf } from '../../common/time-zone.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant, type Trx } from '../db/tenant-transaction.ts';
import { errorInfo, silentLogger, type JobLogger, type JobRunner } from '../jobs/boss.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import { openNextStep } from './next-steps.ts';

export const ESCALATION_QUEUE = 'followups.next-step-escalation';
export const escalationCron = '*/15 * * * *';

const escalationQueue: QueueSpec = {
  name: ESCALATION_QUEUE,
  retryLimit: 3,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 10 * 60,
};

export interface EscalationResult {
  escalated: number;
  failed: number;
}

/**
 * Overdue next steps go up once: a next step still open `escalationGraceHours` (the company's
 * follow-up settings, 24 by default) after it was due gives a to-do to the manager of the
 * customer's owner (the follow-up's author when the customer has none). A follow-up is escalated
 * at most once; an owner without a manager escalates nothing (it is looked at again next run).
 */
export async function escalateOverdueNextSteps(
  database: Database,
  opts: { now?: Date; tenantId?: string; logger?: JobLogger } = {},
): Promise<EscalationResult> {
  const { now = new Date(), tenantId, logger = silentLogger } = opts;
  const tenants = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('tenants')
      .select('id')
      .$if(Boolean(tenantId), (q) => q.where('id', '=', tenantId!))
      .orderBy('id')
      .execute(),
  );
  const result: EscalationResult = { escalated: 0, failed: 0 };
  for (const tenant of tenants) {
    try {
      result.escalated += await withTenant(database.db, tenant.id, (trx) => escalateTenant(trx, tenant.id, now));
    } catch (error) {
      result.failed++;
      logger.error({ tenantId: tenant.id, err: errorInfo(error) }, 'overdue next steps not escalated');
    }
  }
  if (result.escalated || result.failed) logger.info({ ...result }, 'overdue next steps escalated');
  return result;
}

interface Overdue {
  followup_id: string;
  customer_id: string;
  next_step_at: Date;
  owner_name: string;
  manager_id: string;
}

async function escalateTenant(trx: Trx, tenantId: string, now: Date): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`next-step-escalation:${tenantId}`}))`.execute(trx);
  const settings = await trx
    .selectFrom('followup_settings')
    .select('escalation_grace_hours')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const tenant = await trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst();
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timeZoneOf(tenant?.settings),
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const cutoff = new Date(now.getTime() - (settings?.escalation_grace_hours ?? 24) * 3_600_000);
  const { rows } = await sql<Overdue>`select followups.id as followup_id, followups.customer_id,
      followups.next_step_at, owner.display_name as owner_name, owner.manager_id
    from followups
    join customers c on c.tenant_id = followups.tenant_id and c.id = followups.customer_id and c.deleted_at is null
    join users owner on owner.tenant_id = followups.tenant_id and owner.id = coalesce(c.owner_id, followups.author_id)
    join users manager on manager.tenant_id = owner.tenant_id and manager.id = owner.manager_id
      and manager.deleted_at is null and manager.is_active
    where followups.tenant_id = ${tenantId} and followups.next_step_at < ${cutoff} and ${openNextStep}
      and not exists (select 1 from followup_next_steps e where e.tenant_id = followups.tenant_id
        and e.followup_id = followups.id and e.escalated_at is not null)
    order by followups.next_step_at, followups.id
    limit 1000`.execute(trx);
  for (const row of rows) {
    const todoId = newId();
    await trx
      .insertInto('todos')
      .values({
        tenant_id: tenantId,
        id: todoId,
        user_id: row.manager_id,
        title: `${row.owner_name} 的下一步已逾期（原定 ${local.format(new Date(row.next_step_at))}）`,
        due_at: now,
        record_type: 'customer',
        record_id: row.customer_id,
      })
      .execute();
    await trx
      .insertInto('followup_next_steps')
      .values({ tenant_id: tenantId, followup_id: row.followup_id, escalated_at: now, escalation_todo_id: todoId })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'followup_id']).doUpdateSet({ escalated_at: now, escalation_todo_id: todoId }),
      )
      .execute();
  }
  return rows.length;
}

export async function registerNextStepJobs(runner: JobRunner, database: Database, logger: JobLogger) {
  await runner.ensureQueue(escalationQueue);
  await runner.work(ESCALATION_QUEUE, async () => {
    const result = await escalateOverdueNextSteps(database, { logger });
    if (result.failed > 0) throw new Error(`overdue next steps of ${result.failed} tenant(s) were not escalated`);
    return result;
  });
  await runner.schedule(ESCALATION_QUEUE, escalationCron);
}
