import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { contractStatuses, currencies } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type InputOnlyDefinitions,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import { fieldError, validationError } from '../../errors.ts';
import { dateString, decimalString, optionalText } from '../../http/common-schemas.ts';
import { assertActiveUser, requireLive } from '../shared-rules.ts';
import { installmentOutput, installmentsSql, receivedAmountSql, saveInstallmentPlan } from './installment-plan.ts';
import { requireContractDeletionApproval } from '../../approvals/contract-delete-guard.ts';
import { emitContractSigned, noteContractStatus } from '../../integration/outbound-events.ts';

const positive = decimalString().refine((v) => new Decimal(v).gt(0), 'must be greater than 0');

const installmentInput = z.strictObject({ dueDate: dateString, amount: positive });

const taxRate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine((v) => /^\d(\.\d{1,4})?$/.test(v) && new Decimal(v).lt(1), 'must be a rate between 0 and 0.9999, e.g. 0.13');

const contractFields = {
  customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  opportunityId: { column: 'opportunity_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
  number: {
    column: 'number',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(60),
  },
  title: { column: 'title', kind: 'text', filter: true, input: optionalText(200) },
  signedDate: {
    column: 'signed_date',
    kind: 'date',
    filter: true,
    sort: true,
    input: dateString.nullable().optional(),
  },
  startDate: {
    column: 'start_date',
    kind: 'date',
    filter: true,
    sort: true,
    input: dateString.nullable().optional(),
  },
  endDate: { column: 'end_date', kind: 'date', filter: true, sort: true, input: dateString.nullable().optional() },
  currency: { column: 'currency', kind: 'text', filter: true, required: true, input: z.enum(currencies) },
  amountInclTax: {
    column: 'amount_incl_tax',
    kind: 'decimal',
    filter: true,
    sort: true,
    required: true,
    input: positive.describe('Contract amount including tax'),
  },
  taxRate: {
    column: 'tax_rate',
    kind: 'decimal',
    filter: true,
    required: true,
    input: taxRate.default('0'),
    update: taxRate,
  },
  status: {
    column: 'status',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(contractStatuses).default('draft'),
    update: z.enum(contractStatuses),
  },
  ownerId: { column: 'owner_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
} satisfies FieldDefinitions;

const contractInputOnly = {
  installments: {
    input: z
      .array(installmentInput)
      .max(120)
      .optional()
      .describe('The installment plan; amounts must add up to amountInclTax'),
  },
} satisfies InputOnlyDefinitions;

function checkDatesAndPlan(merged: TableColumns<'contracts'>, installments: Array<{ amount: string }> | undefined) {
  const { start_date: start, end_date: end } = merged;
  if (start && end && end < start) throw fieldError('endDate', 'must not be before startDate');
  if (installments && installments.length > 0) {
    const total = installments.reduce((sum, i) => sum.plus(i.amount), new Decimal(0));
    if (merged.amount_incl_tax === undefined || !total.eq(merged.amount_incl_tax)) {
      throw validationError([
        {
          path: 'installments',
          message: `amounts add up to ${total.toFixed(2)}, not the contract amount ${new Decimal(merged.amount_incl_tax ?? 0).toFixed(2)}`,
        },
      ]);
    }
  }
}

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof contractFields, typeof contractInputOnly>,
  existing: TableRow<'contracts'> | undefined,
  columns: TableColumns<'contracts'>,
) {
  const customerId = existing?.customer_id ?? input.customerId!;
  if (!existing) {
    const customer = await requireLive(ctx, 'customers', customerId, 'customerId');
    if (input.ownerId === undefined) columns.owner_id = customer.owner_id ?? ctx.actor.userId;
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
  let plan: Array<{ amount: string }> | undefined = input.installments;
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
  noteContractStatus(ctx, existing?.status, columns.status ?? existing?.status);
  if (existing && columns.amount_incl_tax !== undefined) {
    const received = await ctx.trx
      .selectFrom('payments')
      .select(sql<string>`coalesce(sum(amount), 0)::text`.as('total'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('contract_id', '=', existing.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (new Decimal(columns.amount_incl_tax).lt(received.total)) {
      throw fieldError(
        'amountInclTax',
        `cannot be less than the ${new Decimal(received.total).toFixed(2)} already received`,
      );
    }
  }
  return columns;
}

export const contractSpec = defineResource({
  path: 'contracts',
  recordType: 'contract',
  table: 'contracts',
  tag: 'Contracts',
  titleField: 'number',
  access: { object: 'contract', owner: 'owner_id', inheritsFrom: 'customer' },
  fields: contractFields,
  inputOnly: contractInputOnly,
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
  duplicateCheck: uniqueKeyCheck({
    recordType: 'contract',
    table: 'contracts',
    titleColumn: 'number',
    keys: [{ field: 'number', columns: ['number'] }],
  }),
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  afterWrite: async (ctx, row, input) => {
    await saveInstallmentPlan(ctx, row, input);
    await emitContractSigned(ctx, row);
  },
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
