import type { ZodType } from 'zod';
import type { CommandContext } from '../resources/context.ts';
import { loadCustomFieldDefs, validateCustomValues } from '../resources/custom-values.ts';
import { unknownPlaceholders } from './conditions.ts';
import { inboundOf } from './inbound-triggers.ts';
import { triggerObject, triggerSpec, type ValueKind } from './rule-fields.ts';
import type { Action, Recipient, Trigger } from './rule-schemas.ts';

export interface Problem {
  path: string;
  message: string;
}

export async function checkUser(ctx: CommandContext, id: string, path: string, problems: Problem[], service = false) {
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
  if (inboundOf(trigger)) return true;
  const spec = triggerSpec(trigger);
  return triggerObject(trigger) === 'customer' || Boolean(spec && 'customerId' in spec.fields);
}

function hasOwner(trigger: Trigger) {
  if (inboundOf(trigger)) return true;
  return Boolean(triggerSpec(trigger)?.access.owner);
}

/** A trigger about a record that still exists when the rule runs (not a deletion, not a schedule). */
const liveRecord = (trigger: Trigger) =>
  Boolean(triggerSpec(trigger)) && !(trigger.type === 'record' && trigger.on === 'deleted');

/** updateFields: each field updatable and its value valid — built-in fields by the update schema, `custom.<key>` by its definition. */
async function checkUpdateFields(
  ctx: CommandContext,
  trigger: Trigger,
  fields: Record<string, unknown>,
  at: string,
  problems: Problem[],
) {
  const spec = triggerSpec(trigger)!;
  const defs = spec.customObject ? await loadCustomFieldDefs(ctx.trx, ctx.actor.tenantId, spec.customObject) : [];
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('custom.')) {
      const def = defs.find((d) => d.key === name.slice(7));
      if (!def) {
        problems.push({ path: `${at}.fields.${name}`, message: `is not a custom field of ${spec.recordType}` });
        continue;
      }
      if (value === null && def.required) {
        problems.push({ path: `${at}.fields.${name}`, message: `${def.label} is required` });
        continue;
      }
      try {
        validateCustomValues([{ ...def, required: false }], { [def.key]: value });
      } catch (error) {
        const issue = (error as { details?: { fields?: Problem[] } }).details?.fields?.[0];
        problems.push({ path: `${at}.fields.${name}`, message: issue?.message ?? 'is not valid' });
      }
      continue;
    }
    const schema = (spec.updateSchema.shape as Record<string, ZodType | undefined>)[name];
    if (!schema || name === 'version' || name === 'custom') {
      problems.push({ path: `${at}.fields.${name}`, message: `is not an updatable field of ${spec.recordType}` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      problems.push({ path: `${at}.fields.${name}`, message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
}

/** The save-time check of each action against the trigger (what it is about, its fields, the users named). */
export async function checkActions(
  ctx: CommandContext,
  trigger: Trigger,
  actions: Action[],
  fields: Map<string, ValueKind>,
  problems: Problem[],
) {
  const recipient = async (r: Recipient, path: string) => {
    if (r.kind === 'user') await checkUser(ctx, r.userId, `${path}.userId`, problems);
    if (r.kind === 'recordOwner' && !hasOwner(trigger))
      problems.push({ path: `${path}.kind`, message: 'the trigger record has no owner' });
  };
  const template = (text: string, path: string) => {
    const unknown = unknownPlaceholders(text, fields);
    if (unknown.length > 0) problems.push({ path, message: `unknown placeholders: ${unknown.join(', ')}` });
  };
  const object = triggerObject(trigger);
  for (const [i, action] of actions.entries()) {
    const at = `actions.${i}`;
    switch (action.type) {
      case 'createFollowup':
        if (!hasCustomer(trigger))
          problems.push({ path: `${at}.type`, message: 'the trigger record belongs to no customer' });
        template(action.template, `${at}.template`);
        break;
      case 'updateFields':
        if (!liveRecord(trigger))
          problems.push({ path: `${at}.type`, message: 'only a created or updated record can be updated' });
        else await checkUpdateFields(ctx, trigger, action.fields, at, problems);
        break;
      case 'createTodo':
        await recipient(action.assignee, `${at}.assignee`);
        template(action.title, `${at}.title`);
        break;
      case 'notify':
        await recipient(action.recipient, `${at}.recipient`);
        template(action.message, `${at}.message`);
        break;
      case 'assignOwner':
        if (object !== 'customer' || !liveRecord(trigger))
          problems.push({
            path: `${at}.type`,
            message: 'only a customer (created, updated, due or picked) gets an owner',
          });
        if (action.userId) await checkUser(ctx, action.userId, `${at}.userId`, problems);
        break;
      case 'webhook':
        break;
      case 'startApproval':
        if (object !== 'contract' || !liveRecord(trigger))
          problems.push({ path: `${at}.type`, message: 'a contract deletion approval starts from a contract trigger' });
        template(action.reason, `${at}.reason`);
        break;
    }
  }
}
