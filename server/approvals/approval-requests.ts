import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { authorize } from '../access/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { getResource } from '../resources/registry.ts';
import { loadLive } from '../resources/scope.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import { approvalQuery, type ApprovalKind, type ApprovalRow } from './approval-model.ts';
import {
  assertMayRequestPhones,
  exportRequestSchema,
  type ExportRequest,
  type PreparedExport,
} from '../exports/export-request.ts';
import { riskyDenial } from '../audit/denial-audit.ts';

export const approvalCreateSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('contract_delete'),
      payload: z.object({ contractId: z.uuid() }),
      reason: z.string().trim().min(1, 'is required: tell the approver why the contract must go').max(1000),
    }),
    z.object({
      kind: z.literal('export'),
      payload: exportRequestSchema,
      reason: z.string().trim().max(1000).optional(),
    }),
  ])
  .meta({ id: 'ApprovalCreate' });

async function insertApproval(
  ctx: CommandContext,
  kind: ApprovalKind,
  payload: Record<string, unknown>,
  reason: string | null,
): Promise<ApprovalRow> {
  const id = newId();
  await ctx.trx
    .insertInto('approvals')
    .values({
      id,
      tenant_id: ctx.actor.tenantId,
      kind,
      requested_by: ctx.actor.userId,
      payload: JSON.stringify(payload),
      reason,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
  await writeAudit(ctx, [
    {
      action: 'approval.requested',
      recordType: 'approval',
      recordId: id,
      changes: {
        kind: { before: null, after: kind },
        payload: { before: null, after: payload },
        reason: { before: null, after: reason },
        requestedBy: { before: null, after: ctx.actor.userId },
      },
    },
  ]);
  return approvalQuery(ctx.trx, ctx.actor.tenantId).where('approvals.id', '=', id).executeTakeFirstOrThrow();
}

/** Asks for a contract's deletion. The requester must be allowed to delete it; approval by legal runs it. */
export async function requestContractDeletion(
  ctx: CommandContext,
  contractId: string,
  reason: string,
): Promise<ApprovalRow> {
  const spec = getResource('contracts');
  const contract = await loadLive(ctx, spec, contractId);
  if (!contract) throw notFound('contract', contractId);
  try {
    await authorize(ctx.trx, ctx.access, spec, 'delete', { id: contractId });
  } catch (error) {
    throw error instanceof AppError ? riskyDenial(error, 'contract.delete', { contractId }) : error;
  }
  const pending = await ctx.trx
    .selectFrom('approvals')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('kind', '=', 'contract_delete')
    .where('status', '=', 'pending')
    .where('deleted_at', 'is', null)
    .where(sql<string>`payload->>'contractId'`, '=', contractId)
    .executeTakeFirst();
  if (pending)
    throw new AppError('CONFLICT', 'a deletion request for this contract is already pending', {
      approvalId: pending.id,
      contractId,
    });
  return insertApproval(
    ctx,
    'contract_delete',
    { contractId, contractNumber: contract.number, customerId: contract.customer_id },
    reason,
  );
}

/** Asks for an export with phone numbers: CRM admins only; another approver of exports decides. */
export async function requestPhoneExport(
  ctx: CommandContext,
  request: ExportRequest,
  prepared: PreparedExport,
  reason: string | null,
): Promise<ApprovalRow> {
  if (prepared.phoneFields.length === 0)
    throw fieldError(
      'payload.fields',
      'an export without phone numbers needs no approval: POST /api/v1/customers/export',
    );
  assertMayRequestPhones(ctx.access, prepared);
  const payload = {
    fields: prepared.fields,
    ...(request.filter !== undefined ? { filter: request.filter } : {}),
    format: request.format,
    phoneFields: prepared.phoneFields,
  };
  return insertApproval(ctx, 'export', payload, reason);
}

/** The requester withdraws a pending request. */
export async function cancelApproval(ctx: CommandContext, id: string): Promise<ApprovalRow> {
  const row = await ctx.trx
    .selectFrom('approvals')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.requested_by !== ctx.actor.userId) throw notFound('approval', id);
  if (row.status !== 'pending')
    throw new AppError('CONFLICT', `this request is already ${row.status}`, { status: row.status });
  await ctx.trx
    .updateTable('approvals')
    .set({
      status: 'cancelled',
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
      updated_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, [
    {
      action: 'approval.cancelled',
      recordType: 'approval',
      recordId: id,
      changes: { status: { before: 'pending', after: 'cancelled' } },
    },
  ]);
  return approvalQuery(ctx.trx, ctx.actor.tenantId).where('approvals.id', '=', id).executeTakeFirstOrThrow();
}
