import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { z } from 'zod';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { fieldError } from '../../errors.ts';
import { currencyCode, dateString, decimalString, optionalText, versionField } from '../../http/common-schemas.ts';
import { pick, requireLive } from '../shared-rules.ts';

const amount = decimalString().refine((v) => new Decimal(v).gt(0), 'must be greater than 0');

const createSchema = z
  .object({
    contractId: z.uuid(),
    installmentId: z.uuid().nullable().optional(),
    amount,
    currency: currencyCode.optional().describe("Defaults to the contract's currency; must match it"),
    receivedDate: dateString,
    method: optionalText(40),
    reference: optionalText(100),
    note: optionalText(1000),
  })
  .meta({ id: 'PaymentCreate' });

const updateSchema = createSchema
  .omit({ contractId: true })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'PaymentUpdate' });

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns = pick(input, {
    contractId: 'contract_id',
    installmentId: 'installment_id',
    amount: 'amount',
    currency: 'currency',
    receivedDate: 'received_date',
    method: 'method',
    reference: 'reference',
    note: 'note',
  });
  const contractId = (existing?.contract_id ?? input.contractId) as string;
  const contract = await requireLive(ctx, 'contracts', contractId, 'contractId');
  columns.currency ??= existing ? undefined : contract.currency;
  if (columns.currency === undefined) delete columns.currency;
  if (columns.currency !== undefined && columns.currency !== contract.currency) {
    throw fieldError('currency', `must be the contract's currency ${contract.currency as string}`);
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
    const outstanding = new Decimal(contract.amount_incl_tax as string).minus(others.total);
    if (new Decimal(input.amount as string).gt(outstanding)) {
      throw fieldError(
        'amount',
        `exceeds the outstanding amount ${outstanding.toFixed(2)} ${contract.currency as string}`,
      );
    }
  }
  return columns;
}

export const paymentSpec: ResourceSpec = registerResource({
  path: 'payments',
  recordType: 'payment',
  table: 'payments',
  tag: 'Payments',
  titleField: 'reference',
  fields: {
    contractId: { column: 'contract_id', kind: 'uuid', filter: true, required: true },
    installmentId: { column: 'installment_id', kind: 'uuid', filter: true },
    amount: { column: 'amount', kind: 'decimal', filter: true, sort: true, required: true },
    currency: { column: 'currency', kind: 'text', filter: true, required: true },
    receivedDate: { column: 'received_date', kind: 'date', filter: true, sort: true, required: true },
    method: { column: 'method', kind: 'text', filter: true },
    reference: { column: 'reference', kind: 'text', filter: true },
    note: { column: 'note', kind: 'text' },
  },
  createSchema,
  updateSchema,
  parent: { resource: 'contracts', column: 'contract_id' },
  toColumns,
  defaultSort: '-receivedDate',
});
