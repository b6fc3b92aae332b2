import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../../common/ids.ts';
import type { CommandContext } from '../../resources/context.ts';
import type { Input, Row } from '../../resources/resource-spec.ts';
import type { Trx } from '../../db/tenant-transaction.ts';
import { AppError } from '../../errors.ts';

export const installmentOutput = z
  .object({ id: z.string(), seq: z.number(), dueDate: z.string(), amount: z.string(), receivedAmount: z.string() })
  .meta({ id: 'ContractInstallment' });

/**
 * Replaces the plan by position: installment n keeps its id (payments stay linked), new ones
 * are added, and dropping one that has payments is refused.
 */
export async function saveInstallmentPlan(ctx: CommandContext, contract: Row, input: Input) {
  const plan = input.installments as Array<{ dueDate: string; amount: string }> | undefined;
  if (!plan) return;
  const tenantId = ctx.actor.tenantId;
  const current = await ctx.trx
    .selectFrom('contract_installments')
    .select(['id', 'seq'])
    .where('tenant_id', '=', tenantId)
    .where('contract_id', '=', contract.id)
    .where('deleted_at', 'is', null)
    .orderBy('seq')
    .execute();
  for (const [index, item] of plan.entries()) {
    const seq = index + 1;
    const existing = current.find((c) => c.seq === seq);
    if (existing) {
      await ctx.trx
        .updateTable('contract_installments')
        .set({
          due_date: item.dueDate,
          amount: item.amount,
          version: sql`version + 1`,
          updated_at: sql`now()`,
          updated_by: ctx.actor.userId,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', existing.id)
        .execute();
    } else {
      await ctx.trx
        .insertInto('contract_installments')
        .values({
          id: newId(),
          tenant_id: tenantId,
          contract_id: contract.id,
          seq,
          due_date: item.dueDate,
          amount: item.amount,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .execute();
    }
  }
  const dropped = current.filter((c) => c.seq > plan.length).map((c) => c.id);
  if (dropped.length === 0) return;
  const paid = await ctx.trx
    .selectFrom('payments')
    .select('installment_id')
    .where('tenant_id', '=', tenantId)
    .where('installment_id', 'in', dropped)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (paid) {
    throw new AppError(
      'CONFLICT',
      'an installment you removed already has payments; move or delete those payments first',
      { field: 'installments', installmentId: paid.installment_id },
    );
  }
  await ctx.trx
    .deleteFrom('contract_installments')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', dropped)
    .execute();
}

/** Adds the installment plan and the received amounts to presented contracts. */
export async function decorateContracts(trx: Trx, tenantId: string, records: Record<string, unknown>[]) {
  if (records.length === 0) return;
  const ids = records.map((r) => r.id as string);
  const installments = await trx
    .selectFrom('contract_installments')
    .select(['id', 'contract_id', 'seq', 'due_date', 'amount'])
    .where('tenant_id', '=', tenantId)
    .where('contract_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('contract_id')
    .orderBy('seq')
    .execute();
  const payments = await trx
    .selectFrom('payments')
    .select(['contract_id', 'installment_id', sql<string>`sum(amount)::text`.as('total')])
    .where('tenant_id', '=', tenantId)
    .where('contract_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy(['contract_id', 'installment_id'])
    .execute();
  for (const record of records) {
    const mine = payments.filter((p) => p.contract_id === record.id);
    record.receivedAmount = mine.reduce((sum, p) => sum.plus(p.total), new Decimal(0)).toFixed(2);
    record.installments = installments
      .filter((i) => i.contract_id === record.id)
      .map((i) => ({
        id: i.id,
        seq: i.seq,
        dueDate: i.due_date,
        amount: i.amount,
        receivedAmount: new Decimal(mine.find((p) => p.installment_id === i.id)?.total ?? 0).toFixed(2),
      }));
  }
}
