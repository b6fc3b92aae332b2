import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { z } from 'zod';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { fieldError } from '../../errors.ts';
import { currencyCode, dateString, decimalString, optionalText } from '../../http/common-schemas.ts';
import { requireLive } from '../shared-rules.ts';

const amount = decimalString().refine((v) => new Decimal(v).gt(0), 'must be greater than 0');

const paymentFields = {
  contractId: { column: 'contract_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  installmentId: { column: 'installment_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
  amount: { column: 'amount', kind: 'decimal', filter: true, sort: true, required: true, input: amount },
  currency: {
    column: 'currency',
    kind: 'text',
    filter: true,
    required: true,
    input: currencyCode.optional().describe("Defaults to the contract's currency; must match it"),
  },
  receivedDate: {
    column: 'received_date',
    kind: 'date',
    filter: true,
    sort: true,
    required: true,
    input: dateString,
  },
  method: { column: 'method', kind: 'text', filter: true, input: optionalText(40) },
  reference: { column: 'reference', kind: 'text', filter: true, input: optionalText(100) },
  note: { column: 'note', kind: 'text', input: optionalText(1000) },
} satisfies FieldDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof paymentFields>,
  existing: TableRow<'payments'> | undefined,
  columns: TableColumns<'payments'>,
) {
  const contractId = existing?.contract_id ?? input.contractId!;
  const contract = await requireLive(ctx, 'contracts', contractId, 'contractId');
  columns.currency ??= existing ? undefined : contract.currency;
  if (columns.currency === undefined) delete columns.currency;
  if (columns.currency !== undefined && columns.currency !== contract.currency) {
    throw fieldError('currency', `must be the contract's currency ${contract.currency}`);
  }
  if (typeof input.installmentId === 'string') {
    const installment = await requireLive(ctx, 'contract_installments', input.installmentId, 'installmentId');
    if (installment.contract_id !== contractId) throw fieldError('installmentId', 'belongs to another contract');
  }
  if (input.amount !== undefined) {
    const others = await ctx.trx
      .selectFrom('payments')
      .select(sql<string>`coalesce(sum(amount), 0)::text`.as('total'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('contract_id', '=', contractId)
      .where('deleted_at', 'is', null)
      .$if(Boolean(existing), (q) => q.where('id', '<>', existing!.id))
      .executeTakeFirstOrThrow();
    const outstanding = new Decimal(contract.amount_incl_tax).minus(others.total);
    if (new Decimal(input.amount).gt(outstanding)) {
      throw fieldError('amount', `exceeds the outstanding amount ${outstanding.toFixed(2)} ${contract.currency}`);
    }
  }
  return columns;
}

export const paymentSpec = defineResource({
  path: 'payments',
  recordType: 'payment',
  table: 'payments',
  tag: 'Payments',
  titleField: 'reference',
  access: { object: 'payment', owner: 'created_by', inheritsFrom: 'customer' },
  fields: paymentFields,
  parent: { resource: 'contracts', column: 'contract_id' },
  toColumns,
  defaultSort: '-receivedDate',
});
