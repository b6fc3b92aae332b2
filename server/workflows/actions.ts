import { newId } from '../../common/ids.ts';
import { authorize } from '../access/authorize.ts';
import { AppError, parseAsBody } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord, updateRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import { fillTemplate } from './conditions.ts';
import { maskPhone } from '../../common/phone.ts';
import { presentById } from '../resources/record-queries.ts';
import { flatten } from './rule-fields.ts';
import { notifyUser } from './notify.ts';
import { runMoreAction } from './actions-more.ts';
import type { Action, Recipient } from './rule-schemas.ts';
import type { Subject } from './subject.ts';
import { setFollowupSourceRef } from '../domains/followups/followup-source.ts';

export interface ActionRule {
  id: string;
  owner_id: string;
}

function recipientOf(r: Recipient, rule: ActionRule, subject: Subject): string {
  if (r.kind === 'ruleOwner') return rule.owner_id;
  if (r.kind === 'user') return r.userId;
  if (!subject.ownerId) throw new AppError('VALIDATION_FAILED', `the ${subject.recordType} has no owner to address`);
  return subject.ownerId;
}

/**
 * The identity may only mention a record it may read: a to-do or a notification about a record
 * is not a way around its grants. A call is read through its customer.
 */
async function requireReadable(ctx: CommandContext, subject: Subject) {
  if (subject.spec) await authorize(ctx.trx, ctx.access, subject.spec, 'read', { id: subject.recordId });
  else if (subject.customerId)
    await authorize(ctx.trx, ctx.access, getResource('customers'), 'read', { id: subject.customerId });
}

/**
 * The values a template is filled with, as the rule's identity sees the record: a field its
 * field rules hide stays empty, a masked one comes masked (a rule's text is no way around them);
 * an inbound event's phone numbers are masked. The identity must be able to read the record at all.
 */
async function templateValues(ctx: CommandContext, subject: Subject): Promise<Record<string, unknown>> {
  await requireReadable(ctx, subject);
  if (!subject.spec) {
    const values = { ...subject.values };
    for (const field of subject.phones ?? [])
      values[field] = typeof values[field] === 'string' ? maskPhone(values[field]) : null;
    return values;
  }
  return flatten(await presentById(ctx.trx, ctx.access, subject.spec, subject.recordId));
}

/**
 * Runs one action as the rule's identity, through the same record commands as a person (grants,
 * scopes, field rules, audit, outbox). Answers what it did, for the run history.
 */
export async function runAction(
  ctx: CommandContext,
  action: Action,
  subject: Subject,
  rule: ActionRule,
  runId: string,
  topic = '',
): Promise<Record<string, unknown>> {
  const tenantId = ctx.actor.tenantId;
  switch (action.type) {
    case 'createFollowup': {
      if (!subject.customerId)
        throw new AppError('VALIDATION_FAILED', `the ${subject.recordType} belongs to no customer`, {
          fields: [{ path: 'customerId', message: 'is empty' }],
        });
      const spec = getResource('followups');
      const from = subject.followupSource;
      const next = action.nextStepInDays;
      const input = parseAsBody(spec.createSchema, {
        customerId: subject.customerId,
        kind: action.kind,
        status: action.status,
        content: fillTemplate(action.template, await templateValues(ctx, subject)),
        source: from?.source ?? 'manual',
        ...(from?.occurredAt ? { occurredAt: from.occurredAt } : {}),
        ...(next !== undefined ? { nextStepAt: new Date(Date.now() + next * 86_400_000).toISOString() } : {}),
      });
      const created = (await createRecord(ctx, spec, input)) as { id: string };
      if (from) await setFollowupSourceRef(ctx, created.id, from.ref);
      if (subject.recordType === 'call') {
        await ctx.trx
          .updateTable('call_records')
          .set({ followup_id: created.id })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', subject.recordId)
          .execute();
      }
      return { followupId: created.id, customerId: subject.customerId };
    }
    case 'updateFields': {
      const spec = subject.spec;
      if (!spec || subject.version === undefined)
        throw new AppError('VALIDATION_FAILED', 'only a record trigger has fields to update');
      // custom.<key> values go in as one partial `custom` object (merged onto the stored values)
      const body: Record<string, unknown> = { version: subject.version };
      const custom: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(action.fields))
        if (name.startsWith('custom.')) custom[name.slice(7)] = value;
        else body[name] = value;
      if (Object.keys(custom).length > 0) body.custom = custom;
      const input = parseAsBody(spec.updateSchema, body);
      const updated = (await updateRecord(
        ctx,
        spec,
        subject.recordId,
        input as typeof input & { version: number },
      )) as {
        version: number;
      };
      subject.version = updated.version;
      return { recordId: subject.recordId, fields: Object.keys(action.fields), version: updated.version };
    }
    case 'createTodo': {
      const values = await templateValues(ctx, subject);
      const userId = recipientOf(action.assignee, rule, subject);
      const id = newId();
      const dueAt = new Date(Date.now() + action.dueInMinutes * 60_000);
      await ctx.trx
        .insertInto('todos')
        .values({
          tenant_id: tenantId,
          id,
          user_id: userId,
          title: fillTemplate(action.title, values).slice(0, 2000),
          due_at: dueAt,
          record_type: subject.recordId ? subject.recordType : null,
          record_id: subject.recordId || null,
          rule_id: rule.id,
          run_id: runId,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .execute();
      return { todoId: id, userId, dueAt: dueAt.toISOString() };
    }
    case 'notify': {
      const values = await templateValues(ctx, subject);
      const userId = recipientOf(action.recipient, rule, subject);
      const id = await notifyUser(ctx, {
        userId,
        kind: 'automation',
        message: fillTemplate(action.message, values),
        recordType: subject.recordId ? subject.recordType : undefined,
        recordId: subject.recordId || undefined,
        ruleId: rule.id,
      });
      return { notificationId: id, userId };
    }
    case 'assignOwner':
    case 'webhook':
    case 'startApproval':
      return runMoreAction(ctx, action, subject, { ruleId: rule.id, runId, topic }, () => templateValues(ctx, subject));
  }
}
