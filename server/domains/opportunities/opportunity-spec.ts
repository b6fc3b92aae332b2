import { z } from 'zod';
import { currencies, opportunityStages } from '../../../common/enums.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { dateString, decimalString } from '../../http/common-schemas.ts';
import { assertActiveUser, customValuesInput, requireLive } from '../shared-rules.ts';

const amount = decimalString().refine((v) => !v.startsWith('-'), 'must not be negative');

const opportunityFields = {
  customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  name: {
    column: 'name',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(200),
  },
  amount: {
    column: 'amount',
    kind: 'decimal',
    filter: true,
    sort: true,
    required: true,
    input: amount.default('0'),
    update: amount,
  },
  currency: {
    column: 'currency',
    kind: 'text',
    filter: true,
    required: true,
    input: z.enum(currencies).default('CNY'),
    update: z.enum(currencies),
  },
  stage: {
    column: 'stage',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(opportunityStages).default('initial'),
    update: z.enum(opportunityStages),
  },
  expectedCloseDate: {
    column: 'expected_close_date',
    kind: 'date',
    filter: true,
    sort: true,
    input: dateString.nullable().optional(),
  },
  ownerId: {
    column: 'owner_id',
    kind: 'uuid',
    filter: true,
    sort: true,
    input: z.uuid().nullable().optional().describe('Defaults to the customer owner, else the creator'),
  },
} satisfies FieldDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof opportunityFields, typeof customValuesInput>,
  existing: TableRow<'opportunities'> | undefined,
  columns: TableColumns<'opportunities'>,
) {
  if (!existing) {
    const customer = await requireLive(ctx, 'customers', input.customerId!, 'customerId');
    if (input.ownerId === undefined) columns.owner_id = customer.owner_id ?? ctx.actor.userId;
  }
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id, 'ownerId');
  return columns;
}

export const opportunitySpec = defineResource({
  path: 'opportunities',
  recordType: 'opportunity',
  table: 'opportunities',
  tag: 'Opportunities',
  titleField: 'name',
  access: { object: 'opportunity', owner: 'owner_id' },
  fields: opportunityFields,
  inputOnly: customValuesInput,
  customObject: 'opportunity',
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  includes: {
    followups: { resource: 'followups', column: 'opportunity_id' },
    contracts: { resource: 'contracts', column: 'opportunity_id' },
    attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'opportunity' } },
  },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'opportunity' } }],
});
