import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { hasSystem, type AccessContext } from '../access/access-context.ts';
import type { SystemPermission } from '../access/model.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { notFound } from '../errors.ts';
import type { Approvals } from '../db/schema.ts';
import type { Selectable } from 'kysely';

export const approvalKinds = ['contract_delete', 'export'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
export const approvalStatuses = ['pending', 'approved', 'rejected', 'executed', 'failed', 'cancelled'] as const;

/** The system permission that decides each kind of request. */
export const approverPermission: Record<ApprovalKind, SystemPermission> = {
  contract_delete: 'approveContractDeletion',
  export: 'approveExports',
};

export const approvalSchema = z
  .object({
    id: z.string(),
    kind: z.enum(approvalKinds),
    status: z.enum(approvalStatuses),
    requestedBy: z.string(),
    requestedByName: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    reason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'Approval' });

export type ApprovalRow = Selectable<Approvals> & {
  requested_by_name?: string | null;
  decided_by_name?: string | null;
};

export function presentApproval(row: ApprovalRow): z.infer<typeof approvalSchema> {
  return {
    id: row.id,
    kind: row.kind as ApprovalKind,
    status: row.status as (typeof approvalStatuses)[number],
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name ?? null,
    payload: row.payload,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionReason: row.decision_reason,
    result: row.result,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * Which requests a user sees: their own, the pending requests they may decide (the approver
 * inbox), and those they decided.
 */
export function visibleApprovals(access: AccessContext): Expression<SqlBool> {
  const me = access.actor.userId;
  const inbox = (Object.entries(approverPermission) as Array<[ApprovalKind, SystemPermission]>)
    .filter(([, permission]) => hasSystem(access, permission))
    .map(([kind]) => sql<SqlBool>`(approvals.kind = ${kind} and approvals.status = 'pending')`);
  return sql<SqlBool>`(approvals.requested_by = ${me} or approvals.decided_by = ${me}${inbox.length ? sql` or ${sql.join(inbox, sql` or `)}` : sql``})`;
}

export function approvalQuery(trx: Trx, tenantId: string) {
  return trx
    .selectFrom('approvals')
    .leftJoin('users as requester', (j) =>
      j.onRef('requester.tenant_id', '=', 'approvals.tenant_id').onRef('requester.id', '=', 'approvals.requested_by'),
    )
    .leftJoin('users as decider', (j) =>
      j.onRef('decider.tenant_id', '=', 'approvals.tenant_id').onRef('decider.id', '=', 'approvals.decided_by'),
    )
    .selectAll('approvals')
    .select(['requester.display_name as requested_by_name', 'decider.display_name as decided_by_name'])
    .where('approvals.tenant_id', '=', tenantId)
    .where('approvals.deleted_at', 'is', null);
}

/** One request the user may see, or 404. */
export async function loadVisibleApproval(trx: Trx, access: AccessContext, id: string): Promise<ApprovalRow> {
  const row = await approvalQuery(trx, access.actor.tenantId)
    .where('approvals.id', '=', id)
    .where(visibleApprovals(access))
    .executeTakeFirst();
  if (!row) throw notFound('approval', id);
  return row;
}
