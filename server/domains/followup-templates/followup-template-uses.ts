import { sql } from 'kysely';
import { fieldError } from '../../errors.ts';
import type { CommandContext } from '../../resources/context.ts';

/** Refuses (400 naming `templateId`) a template id that is not a live template of the company. */
export async function requireLiveTemplate(ctx: CommandContext, templateId: string): Promise<void> {
  const template = await ctx.trx
    .selectFrom('followup_templates')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', templateId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!template) throw fieldError('templateId', 'is not a follow-up template of this company');
}

/**
 * Records that the caller used a template (a follow-up created from it), in the transaction that
 * writes the follow-up: their last use moves to now and their count goes up.
 */
export async function recordTemplateUse(ctx: CommandContext, templateId: string): Promise<void> {
  await ctx.trx
    .insertInto('followup_template_uses')
    .values({
      tenant_id: ctx.actor.tenantId,
      user_id: ctx.actor.userId,
      template_id: templateId,
      last_used_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id', 'template_id']).doUpdateSet({
        last_used_at: new Date(),
        uses: sql<number>`followup_template_uses.uses + 1`,
      }),
    )
    .execute();
}
