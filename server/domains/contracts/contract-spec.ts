import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { contractStatuses, currencies } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { fieldError, validationError } from '../../errors.ts';
import { dateString, decimalString, optionalText, versionField } from '../../http/common-schemas.ts';
import { assertActiveUser, pick, requireLive } from '../shared-rules.ts';
import { installmentOutput, installmentsSql, receivedAmountSql, saveInstallmentPlan } from './installment-plan.ts';
import { requireContractDeletionApproval } from '../../approvals/contract-delete-guard.ts';

const positive = decimalString().refine((v) => new Decimal(v).gt(0), 'must be greater than 0');

const installmentInput = z.strictObject({ dueDate: dateString, amount: positive });

const createSchema = z
  .object({
    customerId: z.uuid(),
    opportunityId: z.uuid().nullable().optional(),
    number: z.string().trim().min(1, 'is required').max(60),
    title: optionalText(200),
    signedDate: dateString.nullable().optional(),
    startDate: dateString.nullable().optional(),
    endDate: dateString.nullable().optional(),
    currency: z.enum(currencies),
    amountInclTax: positive.describe('Contract amount including tax'),
    taxRate: z
      .union([z.string(), z.number()])
      .transform((v) => String(v))
      .refine(
        (v) => /^\d(\.\d{1,4})?$/.test(v) && new Decimal(v).lt(1),
        'must be a rate between 0 and 0.9999, e.g. 0.13',
      )
      .default('0'),
    status: z.enum(contractStatuses).default('draft'),
    ownerId: z.uuid().nullable().optional(),
    installments: z
      .array(installmentInput)
      .max(120)
      .optional()
      .describe('The installment plan; amounts must add up to amountInclTax'),
  })
  .meta({ id: 'ContractCreate' });

const updateSchema = createSchema
  .omit({ customerId: true })
  .extend({ taxRate: createSchema.shape.taxRate.removeDefault(), status: z.enum(contractStatuses) })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'ContractUpdate' });

function checkDatesAndPlan(merged: Record<string, unknown>, installments: Array<{ amount: string }> | undefined) {
  const start = merged.start_date as string | null | undefined;
  const end = merged.end_date as string | null | undefined;
  if (start && end && end < start) throw fieldError('endDate', 'must not be before startDate');
  if (installments && installments.length > 0) {
    const total = installments.reduce((sum, i) => sum.plus(i.amount), new Decimal(0));
    if (!total.eq(merged.amount_incl_tax as string)) {
      throw validationError([
        {
          path: 'installments',
          message: `amounts add up to ${total.toFixed(2)}, not the contract amount ${new Decimal(merged.amount_incl_tax as string).toFixed(2)}`,
        },
      ]);
    }
  }
}

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns = pick(input, {
    customerId: 'customer_id',
    opportunityId: 'opportunity_id',
    number: 'number',
    title: 'title',
    signedDate: 'signed_date',
    startDate: 'start_date',
    endDate: 'end_date',
    currency: 'currency',
    amountInclTax: 'amount_incl_tax',
    taxRate: 'tax_rate',
    status: 'status',
    ownerId: 'owner_id',
  });
  const customerId = (existing?.customer_id ?? input.customerId) as string;
  if (!existing) {
    const customer = await requireLive(ctx, 'customers', customerId, 'customerId');
    if (input.ownerId === undefined) columns.owner_id = (customer.owner_id as string | null) ?? ctx.actor.userId;
  }
  if (typeof input.opportunityId === 'string') {
    const opportunity = await requireLive(ctx, 'opportunities', input.opportunityId, 'opportunityId');
    if (opportunity.customer_id !== customerId) throw fieldError('opportunityId', 'belongs to another customer');
  }
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id, 'ownerId');
  if (existing && input.currency !== undefined && input.currency !== existing.currency) {
    const paid = await ctx.trx
      .selectFrom('payments')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('contract_id', '=', existing.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (paid) throw fieldError('currency', 'cannot change once payments are recorded against the contract');
  }
  let plan = input.installments as Array<{ amount: string }> | undefined;
  if (!plan && existing && columns.amount_incl_tax !== undefined) {
    // the amount changed without a new plan: the stored plan must still add up
    plan = await ctx.trx
      .selectFrom('contract_installments')
      .select('amount')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('contract_id', '=', existing.id)
      .where('deleted_at', 'is', null)
      .execute();
  }
  checkDatesAndPlan({ ...existing, ...columns }, plan);
  if (existing && columns.amount_incl_tax !== undefined) {
    const received = await ctx.trx
      .selectFrom('payments')
      .select(sql<string>`coalesce(sum(amount), 0)::text`.as('total'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('contract_id', '=', existing.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (new Decimal(columns.amount_incl_tax as string).lt(received.total)) {
      throw fieldError(
        'amountInclTax',
        `cannot be less than the ${new Decimal(received.total).toFixed(2)} already received`,
      );
    }
  }
  return columns;
}

export const contractSpec: ResourceSpec = registerResource({
  path: 'contracts',
  recordType: 'contract',
  table: 'contracts',
  tag: 'Contracts',
  titleField: 'number',
  fields: {
    customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true },
    opportunityId: { column: 'opportunity_id', kind: 'uuid', filter: true },
    number: { column: 'number', kind: 'text', filter: true, sort: true, required: true },
    title: { column: 'title', kind: 'text', filter: true },
    signedDate: { column: 'signed_date', kind: 'date', filter: true, sort: true },
    startDate: { column: 'start_date', kind: 'date', filter: true, sort: true },
    endDate: { column: 'end_date', kind: 'date', filter: true, sort: true },
    currency: { column: 'currency', kind: 'text', filter: true, required: true },
    amountInclTax: { column: 'amount_incl_tax', kind: 'decimal', filter: true, sort: true, required: true },
    taxRate: { column: 'tax_rate', kind: 'decimal', filter: true, required: true },
    status: { column: 'status', kind: 'text', filter: true, sort: true, required: true },
    ownerId: { column: 'owner_id', kind: 'uuid', filter: true },
  },
  derived: {
    // the plan adds up to the contract amount, so it follows that field's rule
    installments: {
      kind: 'json',
      schema: z.array(installmentOutput),
      select: installmentsSql,
      ruleOf: 'amountInclTax',
    },
    receivedAmount: {
      kind: 'decimal',
      schema: z.string().describe('Sum of payments received'),
      select: receivedAmountSql,
    },
  },
  createSchema,
  updateSchema,
  duplicateCheck: uniqueKeyCheck({
    recordType: 'contract',
    table: 'contracts',
    titleColumn: 'number',
    keys: [{ field: 'number', columns: ['number'] }],
  }),
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  afterWrite: saveInstallmentPlan,
  beforeDelete: requireContractDeletionApproval,
  includes: {
    payments: { resource: 'payments', column: 'contract_id' },
    attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'contract' } },
  },
  cascade: [
    { resource: 'payments', column: 'contract_id' },
    { resource: 'installments', column: 'contract_id' },
    { resource: 'attachments', column: 'record_id', where: { record_type: 'contract' } },
  ],
  defaultSort: '-signedDate',
});
