import type { ZodType } from 'zod';
import { validationError } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { checkConditions, unknownPlaceholders } from './conditions.ts';
import { fieldsFor, triggerSpec } from './rule-fields.ts';
import type { Action, Condition, Recipient, Trigger } from './rule-schemas.ts';

export const CALL_TOPIC = 'call.received';

export const topicOf = (trigger: Trigger) => (trigger.type === 'call' ? CALL_TOPIC : `${trigger.object}.${trigger.on}`);

interface Problem {
  path: string;
  message: string;
}

async function checkUser(ctx: CommandContext, id: string, path: string, problems: Problem[], service = false) {
  const user = await ctx.trx
    .selectFrom('users')
    .select(['id', 'is_service'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!user) problems.push({ path, message: 'is not an active user of this company' });
  else if (service && !user.is_service) problems.push({ path, message: 'is not a service user' });
}

/** Whether actions of a rule with this trigger can find a customer (follow-ups belong to one). */
function hasCustomer(trigger: Trigger) {
  if (trigger.type === 'call') return true;
  const spec = triggerSpec(trigger);
  return trigger.object === 'customer' || Boolean(spec && 'customerId' in spec.fields);
}

function hasOwner(trigger: Trigger) {
  if (trigger.type === 'call') return true;
  return Boolean(triggerSpec(trigger)?.access.owner);
}

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
  const recipient = async (r: Recipient, path: string) => {
    if (r.kind === 'user') await checkUser(ctx, r.userId, `${path}.userId`, problems);
    if (r.kind === 'recordOwner' && !hasOwner(trigger))
      problems.push({ path: `${path}.kind`, message: 'the trigger record has no owner' });
  };
  const template = (text: string, path: string) => {
    const unknown = unknownPlaceholders(text, fields);
    if (unknown.length > 0) problems.push({ path, message: `unknown placeholders: ${unknown.join(', ')}` });
  };
  for (const [i, action] of rule.actions.entries()) {
    const at = `actions.${i}`;
    if (action.type === 'createFollowup') {
      if (!hasCustomer(trigger))
        problems.push({ path: `${at}.type`, message: 'the trigger record belongs to no customer' });
      template(action.template, `${at}.template`);
    } else if (action.type === 'updateFields') {
      const spec = triggerSpec(trigger);
      if (!spec || (trigger.type === 'record' && trigger.on === 'deleted')) {
        problems.push({ path: `${at}.type`, message: 'only a created or updated record can be updated' });
        continue;
      }
      for (const [name, value] of Object.entries(action.fields)) {
        const schema = (spec.updateSchema.shape as Record<string, ZodType | undefined>)[name];
        if (!schema || name === 'version' || name === 'custom') {
          problems.push({ path: `${at}.fields.${name}`, message: `is not an updatable field of ${spec.recordType}` });
          continue;
        }
        const parsed = schema.safeParse(value);
        if (!parsed.success)
          problems.push({ path: `${at}.fields.${name}`, message: parsed.error.issues[0]?.message ?? 'is not valid' });
      }
    } else if (action.type === 'createTodo') {
      await recipient(action.assignee, `${at}.assignee`);
      template(action.title, `${at}.title`);
    } else {
      await recipient(action.recipient, `${at}.recipient`);
      template(action.message, `${at}.message`);
    }
  }
  await checkUser(ctx, rule.ownerId, 'ownerId', problems);
  if (rule.serviceUserId) await checkUser(ctx, rule.serviceUserId, 'serviceUserId', problems, true);
  if (problems.length > 0) throw validationError(problems);
}
