import { sql } from 'kysely';
import { loadAccess, type AccessContext } from '../access/access-context.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Actor, CommandContext } from '../resources/context.ts';
import { deleteRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import { fromDatabaseError } from '../http/database-errors.ts';
import { AppError } from '../errors.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { ApprovalRow } from './approval-model.ts';
import type { ApprovedContext } from './contract-delete-guard.ts';
import { storeExportFile } from '../exports/export-files.ts';
import { assertMayRequestPhones, exportRequestSchema, prepareExport } from '../exports/export-request.ts';

interface Requester {
  actor: Actor;
  access: AccessContext;
}

/** The requester as they are now: an approved request runs with their rights, re-checked at execution. */
async function requesterOf(ctx: CommandContext, userId: string): Promise<Requester> {
  const user = await ctx.trx
    .selectFrom('users')
    .select([
      'id',
      'tenant_id',
      'username',
      'display_name',
      'role',
      'is_service',
      'department_id',
      'is_active',
      'deleted_at',
    ])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !user.is_active || user.deleted_at)
    throw new AppError('CONFLICT', 'the requester is no longer an active user; the request cannot run', {
      requestedBy: userId,
    });
  const actor = actorFromUser(user);
  return { actor, access: await loadAccess(ctx.trx, actor) };
}

const who = (actor: Actor) => ({ id: actor.userId, name: actor.displayName });

/** Deletes the contract with the requester's rights; the audit rows name the approver as actor and both in the approval row. */
async function deleteContract(ctx: CommandContext, approval: ApprovalRow, requester: Requester) {
  const contractId = String(approval.payload.contractId);
  const approved: ApprovedContext = { ...ctx, access: requester.access, approvalId: approval.id };
  const deleted = await deleteRecord(approved, getResource('contracts'), contractId);
  await writeAudit(ctx, [
    {
      action: 'delete.approved',
      recordType: 'contract',
      recordId: contractId,
      changes: {
        approvalId: { before: null, after: approval.id },
        requestedBy: { before: null, after: who(requester.actor) },
        approvedBy: { before: null, after: who(ctx.actor) },
      },
    },
  ]);
  return { ...deleted };
}

/** Generates the one-time, expiring, watermarked file for the requester. */
async function generateExport(ctx: CommandContext, storage: FileStorage, approval: ApprovalRow, requester: Requester) {
  const parsed = exportRequestSchema.safeParse(approval.payload);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', `the stored export request is not valid: ${parsed.error.message}`);
  const request = parsed.data;
  const prepared = prepareExport(requester.access, request);
  assertMayRequestPhones(requester.access, prepared);
  const file = await storeExportFile(ctx.trx, storage, {
    requester: requester.actor,
    access: requester.access,
    prepared,
    approvalId: approval.id,
    generatedBy: ctx.actor.userId,
  });
  await writeAudit(ctx, [
    {
      action: 'export.generated',
      recordType: 'export_file',
      recordId: file.id,
      changes: {
        approvalId: { before: null, after: approval.id },
        requestedBy: { before: null, after: who(requester.actor) },
        approvedBy: { before: null, after: who(ctx.actor) },
        fields: { before: null, after: prepared.fields },
        rowCount: { before: null, after: file.rowCount },
        watermark: { before: null, after: file.watermark },
        expiresAt: { before: null, after: file.expiresAt },
      },
    },
  ]);
  return {
    exportFileId: file.id,
    fileName: file.fileName,
    rowCount: file.rowCount,
    expiresAt: file.expiresAt,
    download: file.download,
  };
}

export interface Execution {
  status: 'executed' | 'failed';
  result: Record<string, unknown>;
}

/**
 * Runs an approved request inside a savepoint: when it fails (the requester lost the right,
 * the contract is gone…) its changes are undone and the approval records the error instead.
 * A missing step-up of the approver is not a failure of the request: it fails the decision.
 */
export async function executeApproval(
  ctx: CommandContext,
  storage: FileStorage,
  approval: ApprovalRow,
): Promise<Execution> {
  await sql`savepoint approval_execution`.execute(ctx.trx);
  try {
    const requester = await requesterOf(ctx, approval.requested_by);
    const result =
      approval.kind === 'contract_delete'
        ? await deleteContract(ctx, approval, requester)
        : await generateExport(ctx, storage, approval, requester);
    await sql`release savepoint approval_execution`.execute(ctx.trx);
    return { status: 'executed', result };
  } catch (error) {
    await sql`rollback to savepoint approval_execution`.execute(ctx.trx);
    const known = error instanceof AppError ? error : fromDatabaseError(error);
    // a step-up is the approver's to give (the deletion takes attachments with it): the decision
    // waits for it, and the request stays pending, instead of failing
    if (!known || known.code === 'STEP_UP_REQUIRED') throw known ?? error;
    return {
      status: 'failed',
      result: { error: { code: known.code, message: known.message, details: known.details } },
    };
  }
}
