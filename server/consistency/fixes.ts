import { sql } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../audit/audit.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import { mergeCustomers } from '../merge/customer-merge.ts';
import type { CommandContext } from '../resources/context.ts';
import { updateRecord } from '../resources/record-commands.ts';
import { findResourceByType } from '../resources/registry.ts';
import { assertActiveUser } from '../domains/shared-rules.ts';
import { loadVisibleFinding } from './findings-query.ts';

export const fixSchema = z
  .object({
    toUserId: z.uuid().optional().describe("Reassign: the new owner (default: the former owner's manager)"),
    targetId: z.uuid().optional().describe('Merge: the customer that stays (default: the oldest)'),
  })
  .meta({ id: 'ConsistencyFix' });

export interface FixResult {
  findingId: string;
  fixKind: 'reassign_owner' | 'merge';
  recordIds: string[];
  toUserId?: string;
  targetId?: string;
}

/**
 * Applies a finding's one-click fix in the caller's transaction, through the ordinary record
 * commands (so each record's grant, scope, field rules, audit and events apply as if edited by
 * hand): reassigning the records of an inactive owner, or merging duplicate customers (which
 * needs a step-up token, as the merge route does). All or nothing.
 */
export async function fixFinding(
  ctx: CommandContext,
  id: string,
  body: z.output<typeof fixSchema>,
): Promise<FixResult> {
  const finding = await loadVisibleFinding(ctx, id);
  if (!finding) throw notFound('consistencyFinding', id);
  if (finding.fixed_at)
    throw new AppError('CONFLICT', 'this finding was fixed already; run a new scan', { id, fixedAt: finding.fixed_at });
  let result: FixResult;
  if (finding.fix_kind === 'reassign_owner') {
    const spec = findResourceByType(finding.record_type ?? '');
    if (!spec) throw new AppError('CONFLICT', 'this finding names no record type that can be reassigned', { id });
    const to = body.toUserId ?? (finding.detail.suggestedOwnerId as string | null | undefined);
    if (!to) throw fieldError('toUserId', 'is required: the former owner has no manager to take the records');
    await assertActiveUser(ctx, to, 'toUserId');
    // only records still owned by the inactive owner move; anything reassigned since the scan stays
    const rows = await ctx.trx
      .selectFrom(spec.table as 'customers')
      .select(['id', 'version'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', finding.record_ids)
      .where('owner_id', '=', finding.detail.ownerId as string)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const row of rows) await updateRecord(ctx, spec, row.id, { ownerId: to, version: row.version });
    result = { findingId: id, fixKind: 'reassign_owner', recordIds: rows.map((r) => r.id), toUserId: to };
  } else if (finding.fix_kind === 'merge') {
    const targetId = body.targetId ?? (finding.detail.targetId as string);
    if (!finding.record_ids.includes(targetId))
      throw fieldError('targetId', 'is not one of the duplicates of this finding');
    const live = await ctx.trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', finding.record_ids)
      .where('deleted_at', 'is', null)
      .execute();
    const sourceIds = finding.record_ids.filter((r) => r !== targetId && live.some((l) => l.id === r));
    if (sourceIds.length === 0 || !live.some((l) => l.id === targetId))
      throw new AppError('CONFLICT', 'the duplicates are no longer live; run a new scan', { id });
    await mergeCustomers(ctx, targetId, sourceIds);
    result = { findingId: id, fixKind: 'merge', recordIds: [targetId, ...sourceIds], targetId };
  } else {
    throw new AppError('CONFLICT', 'this finding has no one-click fix; follow its suggested fix', {
      id,
      check: finding.check_name,
    });
  }
  await ctx.trx
    .updateTable('consistency_findings')
    .set({
      fixed_at: sql`now()`,
      fixed_by: ctx.actor.userId,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, [
    {
      action: 'consistency.fix',
      recordType: 'consistencyFinding',
      recordId: id,
      changes: {
        fix: {
          before: null,
          after: { kind: result.fixKind, records: result.recordIds, to: result.toUserId ?? result.targetId },
        },
      },
    },
  ]);
  return result;
}
