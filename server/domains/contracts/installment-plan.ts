import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { newId } from '../../../common/ids.ts';
import type { CommandContext } from '../../resources/context.ts';
import type { Input, Row } from '../../resources/resource-spec.ts';
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

/** The payments received on a contract (or one installment of it), as decimal text with 2 places. */
const received = (where: RawBuilder<unknown>) =>
  sql`(select round(coalesce(sum(p.amount), 0), 2)::text from payments p where ${where} and p.deleted_at is null)`;

/** A contract's installment plan with the amount received on each, as JSON in seq order. */
export const installmentsSql = (table: string) =>
  sql`(select coalesce(json_agg(json_build_object('id', i.id, 'seq', i.seq, 'dueDate', i.due_date, 'amount', i.amount::text,
      'receivedAmount', ${received(sql`p.tenant_id = i.tenant_id and p.contract_id = i.contract_id and p.installment_id = i.id`)})
      order by i.seq), '[]'::json)
    from contract_installments i
    where i.tenant_id = ${sql.ref(`${table}.tenant_id`)} and i.contract_id = ${sql.ref(`${table}.id`)} and i.deleted_at is null)`;

/** The sum of a contract's payments. */
export const receivedAmountSql = (table: string) =>
  received(sql`p.tenant_id = ${sql.ref(`${table}.tenant_id`)} and p.contract_id = ${sql.ref(`${table}.id`)}`);
