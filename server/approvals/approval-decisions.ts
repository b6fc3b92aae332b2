import { sql } from 'kysely';
import { hasSystem } from '../access/access-context.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { AppError, notFound } from '../errors.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { executeApproval } from './approval-execution.ts';
import { approvalQuery, approverPermission, type ApprovalKind, type ApprovalRow } from './approval-model.ts';
import { riskyDenial } from '../audit/denial-audit.ts';

export type Decision = 'approve' | 'reject';

/**
 * Approves or rejects a pending request. Only holders of the kind's system permission decide,
 * never the requester. Approving runs the operation at once; the request ends `executed`, or
 * `failed` with the error.
 */
export async function decideApproval(
  ctx: CommandContext,
  storage: FileStorage,
  id: string,
  decision: Decision,
  reason: string | null,
): Promise<ApprovalRow> {
  const row = await ctx.trx
    .selectFrom('approvals')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  const permission = row ? approverPermission[row.kind as ApprovalKind] : undefined;
  const me = ctx.actor.userId;
  if (!row || !permission || (row.requested_by !== me && row.decided_by !== me && !hasSystem(ctx.access, permission)))
    throw notFound('approval', id);
  if (row.requested_by === me) {
    throw riskyDenial(
      new AppError('FORBIDDEN', 'you cannot decide your own request; another approver must', { approvalId: id }),
      `approval.${decision}`,
    );
  }
  if (!hasSystem(ctx.access, permission)) {
    throw riskyDenial(
      new AppError('MISSING_GRANT', `deciding this request needs the ${permission} permission`, {
        missing: `system.${permission}`,
        approvalId: id,
      }),
      `approval.${decision}`,
    );
  }
  if (row.status !== 'pending')
    throw new AppError('CONFLICT', `this request is already ${row.status}`, { status: row.status, approvalId: id });

  const status = decision === 'approve' ? 'approved' : 'rejected';
  const update = (values: Record<string, unknown>) =>
    ctx.trx
      .updateTable('approvals')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()`, updated_by: me })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
  await update({ status, decided_by: me, decided_at: sql<Date>`now()`, decision_reason: reason });
  await writeAudit(ctx, [
    {
      action: `approval.${status}`,
      recordType: 'approval',
      recordId: id,
      changes: {
        status: { before: 'pending', after: status },
        decidedBy: { before: null, after: me },
        requestedBy: { before: null, after: row.requested_by },
        reason: { before: null, after: reason },
      },
    },
  ]);
  if (decision === 'approve') {
    const approved = await approvalQuery(ctx.trx, ctx.actor.tenantId)
      .where('approvals.id', '=', id)
      .executeTakeFirstOrThrow();
    const execution = await executeApproval(ctx, storage, approved);
    await update({ status: execution.status, result: JSON.stringify(execution.result) });
    await writeAudit(ctx, [
      {
        action: `approval.${execution.status}`,
        recordType: 'approval',
        recordId: id,
        changes: {
          status: { before: 'approved', after: execution.status },
          result: { before: null, after: execution.result },
        },
      },
    ]);
  }
  return approvalQuery(ctx.trx, ctx.actor.tenantId).where('approvals.id', '=', id).executeTakeFirstOrThrow();
}
