import { authorize } from '../access/authorize.ts';
import { requestContractDeletion } from '../approvals/approval-requests.ts';
import { assignCustomer } from '../assignment/assign-customer.ts';
import { AppError, parseAsBody } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { updateRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import { fillTemplate } from './conditions.ts';
import type { Action } from './rule-schemas.ts';
import type { Subject } from './subject.ts';
import { enqueueWebhook } from './webhook-deliveries.ts';

type MoreAction = Extract<Action, { type: 'assignOwner' | 'webhook' | 'startApproval' }>;

/**
 * The actions that reuse other features: assignOwner (a named user through the customer update
 * command, else the company's lead-assignment rules, after the identity's update check),
 * webhook (a signed delivery, queued with the run) and startApproval (a contract deletion
 * request, as the identity would ask for it).
 */
export async function runMoreAction(
  ctx: CommandContext,
  action: MoreAction,
  subject: Subject,
  run: { ruleId: string; runId: string; topic: string },
  values: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  switch (action.type) {
    case 'assignOwner': {
      const spec = getResource('customers');
      if (subject.recordType !== 'customer' || subject.version === undefined)
        throw new AppError('VALIDATION_FAILED', 'only a customer gets an owner');
      if (action.userId) {
        const input = parseAsBody(spec.updateSchema, { ownerId: action.userId, version: subject.version });
        const updated = (await updateRecord(
          ctx,
          spec,
          subject.recordId,
          input as typeof input & { version: number },
        )) as {
          version: number;
        };
        subject.version = updated.version;
        return { customerId: subject.recordId, ownerId: action.userId, by: 'user' };
      }
      // the lead-assignment rules write past the record commands: the identity must be allowed the update itself
      await authorize(ctx.trx, ctx.access, spec, 'update', { id: subject.recordId });
      const assignment = await assignCustomer(ctx.trx, ctx, subject.recordId);
      if (!assignment) return { customerId: subject.recordId, assigned: false, by: 'assignmentRules' };
      subject.version += 1;
      return {
        customerId: subject.recordId,
        assigned: true,
        by: 'assignmentRules',
        ownerId: assignment.ownerId,
        assignmentRuleId: assignment.ruleId,
        reason: assignment.reason,
      };
    }
    case 'webhook': {
      const record = subject.recordType === 'schedule' ? undefined : await values();
      const queued = await enqueueWebhook(ctx, {
        ruleId: run.ruleId,
        runId: run.runId,
        url: action.url,
        headers: action.headers ?? {},
        body: {
          ruleId: run.ruleId,
          runId: run.runId,
          trigger: run.topic,
          occurredAt: new Date().toISOString(),
          recordType: subject.recordType,
          recordId: subject.recordId || null,
          record: record ?? subject.values,
        },
      });
      return { ...queued, url: action.url };
    }
    case 'startApproval': {
      if (subject.recordType !== 'contract')
        throw new AppError('VALIDATION_FAILED', 'a contract deletion approval starts from a contract');
      const approval = await requestContractDeletion(
        ctx,
        subject.recordId,
        fillTemplate(action.reason, await values()).slice(0, 2000),
      );
      return { approvalId: approval.id, kind: approval.kind, status: approval.status };
    }
  }
}
