import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { currencies } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { fieldError } from '../../errors.ts';
import { decimalString, isoTimestamp } from '../../http/common-schemas.ts';
import { assertActiveUser, requireLive } from '../shared-rules.ts';

const orderFields = {
  customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  productId: { column: 'product_id', kind: 'uuid', filter: true },
  sku: {
    column: 'sku',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(60),
  },
  quantity: {
    column: 'quantity',
    kind: 'decimal',
    filter: true,
    sort: true,
    required: true,
    input: z
      .union([z.string(), z.number()])
      .transform((v) => String(v))
      .refine(
        (v) => /^\d{1,12}(\.\d{1,3})?$/.test(v) && new Decimal(v).gt(0),
        'must be a positive quantity with at most 3 decimals',
      ),
  },
  amount: {
    column: 'amount',
    kind: 'decimal',
    filter: true,
    sort: true,
    required: true,
    input: decimalString()
      .refine((v) => new Decimal(v).gte(0), 'must not be negative')
      .optional()
      .describe('Defaults to unit price × quantity'),
  },
  currency: {
    column: 'currency',
    kind: 'text',
    filter: true,
    required: true,
    input: z.enum(currencies).optional().describe("Defaults to the product's currency"),
  },
  orderedAt: {
    column: 'ordered_at',
    kind: 'timestamp',
    filter: true,
    sort: true,
    required: true,
    input: isoTimestamp.optional(),
  },
  ownerId: { column: 'owner_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
} satisfies FieldDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof orderFields>,
  existing: TableRow<'orders'> | undefined,
  columns: TableColumns<'orders'>,
) {
  if (!existing) {
    const customer = await requireLive(ctx, 'customers', input.customerId!, 'customerId');
    if (input.ownerId === undefined) columns.owner_id = customer.owner_id ?? ctx.actor.userId;
    columns.ordered_at ??= new Date().toISOString();
  }
  if (input.sku !== undefined || input.quantity !== undefined || !existing) {
    const product = await ctx.trx
      .selectFrom('products')
      .select(['id', 'unit_price', 'currency'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('sku', '=', input.sku ?? existing!.sku)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!product) throw fieldError('sku', 'is not a product of this company');
    columns.product_id = product.id;
    columns.currency ??= existing?.currency ?? product.currency;
    if (input.amount === undefined) {
      const quantity = input.quantity ?? existing!.quantity;
      columns.amount = new Decimal(product.unit_price).times(quantity).toDecimalPlaces(2).toFixed(2);
    }
  }
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id, 'ownerId');
  return columns;
}

export const orderSpec = defineResource({
  path: 'orders',
  recordType: 'order',
  table: 'orders',
  tag: 'Orders',
  titleField: 'sku',
  access: { object: 'order', owner: 'owner_id' },
  fields: orderFields,
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  defaultSort: '-orderedAt',
});
