import { validationError } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { checkActions, checkUser, type Problem } from './action-checks.ts';
import { checkConditions } from './conditions.ts';
import { inboundOf } from './inbound-triggers.ts';
import { fieldsFor, triggerSpec } from './rule-fields.ts';
import type { Action, Condition, Trigger } from './rule-schemas.ts';

export { CALL_TOPIC } from './inbound-topics.ts';

/** The outbox topic a rule listens to; schedule, relative-time and manual rules are run by their own jobs and routes. */
export const topicOf = (trigger: Trigger) =>
  inboundOf(trigger)?.topic ??
  (trigger.type === 'record' ? `${trigger.object}.${trigger.on}` : `automation.${trigger.type}`);

/**
 * The save-time check of a whole rule: the trigger's fields, the condition tree, the actions'
 * field names, values and templates, and the users named. Everything wrong answers one 400 with
 * every problem named by its path.
 */
export async function checkRule(
  ctx: CommandContext,
  rule: {
    trigger: Trigger;
    conditions: Condition | null | undefined;
    actions: Action[];
    ownerId: string;
    serviceUserId: string | null | undefined;
  },
) {
  const { trigger } = rule;
  const problems: Problem[] = [];
  const fields = await fieldsFor(ctx.trx, ctx.actor.tenantId, trigger);
  if (trigger.type === 'record' && trigger.fields) {
    if (trigger.on !== 'updated')
      problems.push({ path: 'trigger.fields', message: 'only an "updated" trigger names fields' });
    trigger.fields.forEach((f, i) => {
      if (!fields.has(f))
        problems.push({ path: `trigger.fields.${i}`, message: `"${f}" is not a field of ${trigger.object}` });
    });
  }
  try {
    checkConditions(rule.conditions, fields, { changes: trigger.type === 'record' && trigger.on === 'updated' });
  } catch (error) {
    const issues = (error as { details?: { fields?: Problem[] } }).details?.fields;
    if (!issues) throw error;
    problems.push(...issues);
  }
  if (trigger.type === 'relative') {
    const field = triggerSpec(trigger)?.fields[trigger.field];
    if (!field || (field.kind !== 'date' && field.kind !== 'timestamp'))
      problems.push({ path: 'trigger.field', message: `"${trigger.field}" is not a date field of ${trigger.object}` });
  }
  if (trigger.type === 'intakeApplied' && trigger.channel) {
    const channel = await ctx.trx
      .selectFrom('channels')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('key', '=', trigger.channel)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!channel)
      problems.push({ path: 'trigger.channel', message: `"${trigger.channel}" is not a channel of this company` });
  }
  await checkActions(ctx, trigger, rule.actions, fields, problems);
  await checkUser(ctx, rule.ownerId, 'ownerId', problems);
  if (rule.serviceUserId) await checkUser(ctx, rule.serviceUserId, 'serviceUserId', problems, true);
  if (problems.length > 0) throw validationError(problems);
}
