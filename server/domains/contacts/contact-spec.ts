import { z } from 'zod';
import { toE164 } from '../../../common/phone.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { optionalText } from '../../http/common-schemas.ts';
import { customValuesInput, requireLive } from '../shared-rules.ts';

const contactFields = {
  customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true, input: z.uuid(), update: false },
  name: {
    column: 'name',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(100),
  },
  title: { column: 'title', kind: 'text', filter: true, sort: true, input: optionalText(100) },
  mobile: {
    column: 'mobile',
    kind: 'text',
    filter: true,
    input: z
      .string()
      .trim()
      .max(40)
      .refine((v) => toE164(v) !== undefined, 'is not a valid phone number')
      .nullable()
      .optional(),
    writtenByHook: true,
  },
  mobileE164: { column: 'mobile_e164', kind: 'text', internal: true },
  email: { column: 'email', kind: 'text', filter: true, input: z.email().max(200).nullable().optional() },
  wecomId: { column: 'wecom_id', kind: 'text', filter: true, input: optionalText(100) },
  isPrimary: {
    column: 'is_primary',
    kind: 'bool',
    filter: true,
    sort: true,
    required: true,
    input: z.boolean().optional(),
  },
} satisfies FieldDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof contactFields, typeof customValuesInput>,
  existing: TableRow<'contacts'> | undefined,
  columns: TableColumns<'contacts'>,
) {
  if (!existing) {
    await requireLive(ctx, 'customers', input.customerId!, 'customerId');
    columns.is_primary ??= false;
  }
  if (input.mobile !== undefined) {
    columns.mobile = input.mobile || null;
    columns.mobile_e164 = input.mobile ? toE164(input.mobile) : null;
  }
  return columns;
}

/** Only one primary contact per customer: setting one clears the others. */
async function afterWrite(ctx: CommandContext, row: TableRow<'contacts'>) {
  if (row.is_primary !== true) return;
  await ctx.trx
    .updateTable('contacts')
    .set({ is_primary: false })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', row.customer_id)
    .where('id', '<>', row.id)
    .where('is_primary', '=', true)
    .execute();
}

export const contactSpec = defineResource({
  path: 'contacts',
  recordType: 'contact',
  table: 'contacts',
  tag: 'Contacts',
  titleField: 'name',
  access: { object: 'contact', owner: 'created_by', inheritsFrom: 'customer' },
  fields: contactFields,
  inputOnly: customValuesInput,
  customObject: 'contact',
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  afterWrite,
  includes: { attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'contact' } } },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'contact' } }],
  defaultSort: 'name',
});
