import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { accessPlan } from '../access/access-plan.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { CommandContext } from '../resources/context.ts';
import { getResource } from '../resources/registry.ts';

/**
 * A follow-up's next step is open while it is not marked done and no later follow-up on the same
 * customer exists (a newer follow-up is the next contact). SQL over `followups`.
 */
export const openNextStep: RawBuilder<SqlBool> = sql<SqlBool>`(followups.next_step_at is not null
  and followups.deleted_at is null
  and not exists (select 1 from followup_next_steps s where s.tenant_id = followups.tenant_id
    and s.followup_id = followups.id and s.done_at is not null)
  and not exists (select 1 from followups later where later.tenant_id = followups.tenant_id
    and later.customer_id = followups.customer_id and later.deleted_at is null
    and later.occurred_at > followups.occurred_at))`;

export interface NextStepItem {
  id: string;
  title: string | null;
  due_at: Date;
  customer_id: string;
}

/**
 * The caller's open next steps (follow-ups they wrote) due before `before`, as the caller reads
 * them: only follow-ups in their read scope, the next-step text through their field view (masked
 * or hidden as their field rules say).
 */
export async function dueNextSteps(ctx: CommandContext, before: RawBuilder<Date>, limit: number) {
  const plan = accessPlan(ctx.access).of(getResource('followups'));
  const title = plan.fieldSql('nextStep', 'followups') ?? sql`null`;
  const scope = sql.join(plan.rows('read'), sql` and `);
  const { rows } = await sql<NextStepItem>`select followups.id, ${title}::text as title,
      followups.next_step_at as due_at, followups.customer_id
    from followups
    where followups.tenant_id = ${ctx.actor.tenantId} and followups.author_id = ${ctx.actor.userId}
      and followups.next_step_at < ${before} and ${openNextStep} and ${scope}
    order by followups.next_step_at, followups.id
    limit ${limit}`.execute(ctx.trx);
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}

/** Marks the caller's own open next step done; false when the id is no such next step. */
export async function completeNextStep(ctx: CommandContext, followupId: string): Promise<boolean> {
  const plan = accessPlan(ctx.access).of(getResource('followups'));
  const scope = sql.join(plan.rows('read'), sql` and `);
  const { rows } = await sql<{ id: string }>`select followups.id from followups
    where followups.tenant_id = ${ctx.actor.tenantId} and followups.id = ${followupId}
      and followups.author_id = ${ctx.actor.userId} and followups.next_step_at is not null
      and followups.deleted_at is null and ${scope}`.execute(ctx.trx);
  if (rows.length === 0) return false;
  await markDone(ctx.trx, ctx.actor.tenantId, followupId, ctx.actor.userId);
  return true;
}

async function markDone(trx: Trx, tenantId: string, followupId: string, userId: string) {
  await trx
    .insertInto('followup_next_steps')
    .values({ tenant_id: tenantId, followup_id: followupId, done_at: new Date(), done_by: userId })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'followup_id']).doUpdateSet({
        done_at: sql<Date>`coalesce(followup_next_steps.done_at, excluded.done_at)`,
        done_by: sql<string>`coalesce(followup_next_steps.done_by, excluded.done_by)`,
      }),
    )
    .execute();
}
