import { z } from 'zod';
import { currencies, opportunityStages } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { dateString, decimalString, versionField } from '../../http/common-schemas.ts';
import { assertActiveUser, pick, requireLive } from '../shared-rules.ts';

const createSchema = z
  .object({
    customerId: z.uuid(),
    name: z.string().trim().min(1, 'is required').max(200),
    amount: decimalString()
      .refine((v) => !v.startsWith('-'), 'must not be negative')
      .default('0'),
    currency: z.enum(currencies).default('CNY'),
    stage: z.enum(opportunityStages).default('initial'),
    expectedCloseDate: dateString.nullable().optional(),
    ownerId: z.uuid().nullable().optional().describe('Defaults to the customer owner, else the creator'),
    custom: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'OpportunityCreate' });

const updateSchema = z
  .object({
    name: createSchema.shape.name,
    amount: createSchema.shape.amount.removeDefault(),
    currency: z.enum(currencies),
    stage: z.enum(opportunityStages),
    expectedCloseDate: createSchema.shape.expectedCloseDate,
    ownerId: createSchema.shape.ownerId,
    custom: createSchema.shape.custom,
  })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'OpportunityUpdate' });

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns = pick(input, {
    customerId: 'customer_id',
    name: 'name',
    amount: 'amount',
    currency: 'currency',
    stage: 'stage',
    expectedCloseDate: 'expected_close_date',
    ownerId: 'owner_id',
  });
  if (!existing) {
    const customer = await requireLive(ctx, 'customers', input.customerId as string, 'customerId');
    if (input.ownerId === undefined) columns.owner_id = (customer.owner_id as string | null) ?? ctx.actor.userId;
  }
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id, 'ownerId');
  return columns;
}

export const opportunitySpec: ResourceSpec = registerResource({
  path: 'opportunities',
  recordType: 'opportunity',
  table: 'opportunities',
  tag: 'Opportunities',
  titleField: 'name',
  fields: {
    customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true },
    name: { column: 'name', kind: 'text', filter: true, sort: true, required: true },
    amount: { column: 'amount', kind: 'decimal', filter: true, sort: true, required: true },
    currency: { column: 'currency', kind: 'text', filter: true, required: true },
    stage: { column: 'stage', kind: 'text', filter: true, sort: true, required: true },
    expectedCloseDate: { column: 'expected_close_date', kind: 'date', filter: true, sort: true },
    ownerId: { column: 'owner_id', kind: 'uuid', filter: true, sort: true },
  },
  customObject: 'opportunity',
  createSchema,
  updateSchema,
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  includes: {
    followups: { resource: 'followups', column: 'opportunity_id' },
    contracts: { resource: 'contracts', column: 'opportunity_id' },
    attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'opportunity' } },
  },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'opportunity' } }],
});
