import { sql } from 'kysely';
import type { CommandContext } from '../resources/context.ts';
import type { Row } from '../resources/resource-spec.ts';
import { AppError } from '../errors.ts';
import { riskyDenial } from '../audit/denial-audit.ts';

/** A command context that runs an approved request (set only by the approval executor). */
export interface ApprovedContext extends CommandContext {
  approvalId?: string;
}

export const CONTRACT_DELETE_HOW = 'POST /api/v1/approvals {kind:"contract_delete", payload:{contractId}, reason}';

/**
 * contractSpec.beforeDelete: a contract linked to a customer is deleted only by executing an
 * approved contract_delete request for exactly this contract.
 */
export async function requireContractDeletionApproval(ctx: CommandContext, row: Row): Promise<void> {
  if (!row.customer_id) return;
  const approvalId = (ctx as ApprovedContext).approvalId;
  const approvals = ctx.trx
    .selectFrom('approvals')
    .select(['id', 'status'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('kind', '=', 'contract_delete')
    .where('deleted_at', 'is', null)
    .where(sql<string>`payload->>'contractId'`, '=', row.id);
  if (approvalId && (await approvals.where('id', '=', approvalId).where('status', '=', 'approved').executeTakeFirst()))
    return;
  const pending = await approvals.where('status', '=', 'pending').executeTakeFirst();
  throw riskyDenial(
    new AppError(
      'APPROVAL_REQUIRED',
      'deleting a contract linked to a customer needs an approved request; a user with the contract-deletion approval permission (legal) decides',
      {
        approvalKind: 'contract_delete',
        how: CONTRACT_DELETE_HOW,
        contractId: row.id,
        ...(pending ? { pendingApprovalId: pending.id } : {}),
      },
    ),
    'contract.delete',
  );
}
