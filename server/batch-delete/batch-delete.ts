import { sql } from 'kysely';
import { grantsFor } from '../access/access-context.ts';
import { objectOf } from '../access/object-of.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { deleteRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import type { ResourceSpec, Row } from '../resources/resource-spec.ts';
import { readScope } from '../resources/scope.ts';
import { AppError } from '../errors.ts';
import { CONTRACT_DELETE_HOW } from '../approvals/contract-delete-guard.ts';
import { riskyDenial } from '../audit/denial-audit.ts';
import { requireStepUp } from '../step-up/step-up-token.ts';

export const batchDeletable = ['customers', 'contacts', 'attachments', 'followups', 'opportunities'] as const;
export const MAX_BATCH = 500;

/** Rethrows a failure on one record of a guarded multi-record command, naming the record. */
export function aboutRecord(error: unknown, recordType: string, id: string, operation: string): unknown {
  if (!(error instanceof AppError)) return error;
  return riskyDenial(
    new AppError(error.code, `${recordType} ${id}: ${error.message}`, { ...error.details, id }),
    operation,
  );
}

export function requireGrant(ctx: CommandContext, spec: ResourceSpec, action: 'delete' | 'update', operation: string) {
  const object = objectOf(spec);
  if (grantsFor(ctx.access, object, action).length > 0) return;
  throw riskyDenial(
    new AppError('MISSING_GRANT', `you have no ${action} permission on ${object} records (${object}.${action})`, {
      missing: `${object}.${action}`,
    }),
    operation,
  );
}

/**
 * Deleting a customer takes its contracts with it, and a contract linked to a customer is
 * deleted only through an approved request: customers that still have contracts are refused.
 */
export async function refuseCustomersWithContracts(ctx: CommandContext, customerIds: string[], operation: string) {
  const customers = getResource('customers');
  const contracts = await ctx.trx
    .selectFrom('contracts')
    .select(['id', 'customer_id'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('deleted_at', 'is', null)
    .where('customer_id', 'in', customerIds)
    // only customers the user can see: the answer must not reveal others' contracts
    .where(
      sql`customer_id`,
      'in',
      ctx.trx
        .selectFrom('customers')
        .select('customers.id')
        .where((eb) => eb.and(readScope(ctx.access, customers))),
    )
    .limit(100)
    .execute();
  if (contracts.length === 0) return;
  const holders = [...new Set(contracts.map((c) => c.customer_id))];
  throw riskyDenial(
    new AppError(
      'APPROVAL_REQUIRED',
      `${holders.length} of these customers still have contracts; deleting a contract needs an approved request, so delete their contracts through approvals first`,
      {
        approvalKind: 'contract_delete',
        how: CONTRACT_DELETE_HOW,
        customerIds: holders,
        contractIds: contracts.map((c) => c.id),
      },
    ),
    operation,
  );
}

/** A possible customerSpec.beforeDelete: the single delete honours the same rule as the batch. */
export const refuseCustomerWithContracts = (ctx: CommandContext, row: Row) =>
  refuseCustomersWithContracts(ctx, [row.id], 'customer.delete');

/**
 * Deletes many records in one transaction, all or nothing, after the delete grant and a
 * step-up check. Each record goes through deleteRecord (authorization, guards, recycle bin,
 * audit); the first failure aborts the batch with an error naming the record.
 */
export async function batchDelete(ctx: CommandContext, spec: ResourceSpec, ids: string[]) {
  const operation = `${spec.recordType}.batch-delete`;
  requireGrant(ctx, spec, 'delete', operation);
  const unique = [...new Set(ids)];
  if (spec.path === 'customers') await refuseCustomersWithContracts(ctx, unique, operation);
  await requireStepUp(ctx, operation);
  const deleted = [];
  for (const id of unique) {
    try {
      deleted.push(await deleteRecord(ctx, spec, id));
    } catch (error) {
      throw aboutRecord(error, spec.recordType, id, operation);
    }
  }
  const cascaded: Record<string, number> = {};
  for (const d of deleted)
    for (const [path, n] of Object.entries(d.cascaded)) cascaded[path] = (cascaded[path] ?? 0) + n;
  await writeAudit(ctx, [
    {
      action: 'batch-delete',
      recordType: 'user',
      recordId: ctx.actor.userId,
      changes: {
        recordType: { before: null, after: spec.recordType },
        ids: { before: null, after: unique },
        count: { before: null, after: unique.length },
      },
    },
  ]);
  return {
    count: deleted.length,
    deleted: deleted.map((d) => ({ id: d.id, batchId: d.batchId, deletedAt: d.deletedAt })),
    cascaded,
  };
}
