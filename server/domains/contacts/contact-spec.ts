import { z } from 'zod';
import { toE164 } from '../../../common/phone.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { optionalText, versionField } from '../../http/common-schemas.ts';
import { pick, requireLive } from '../shared-rules.ts';

const createSchema = z
  .object({
    customerId: z.uuid(),
    name: z.string().trim().min(1, 'is required').max(100),
    title: optionalText(100),
    mobile: z
      .string()
      .trim()
      .max(40)
      .refine((v) => toE164(v) !== undefined, 'is not a valid phone number')
      .nullable()
      .optional(),
    email: z.email().max(200).nullable().optional(),
    wecomId: optionalText(100),
    isPrimary: z.boolean().optional(),
    custom: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ContactCreate' });

const updateSchema = createSchema
  .omit({ customerId: true })
  .partial()
  .extend({ version: versionField })
  .meta({ id: 'ContactUpdate' });

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns = pick(input, {
    customerId: 'customer_id',
    name: 'name',
    title: 'title',
    email: 'email',
    wecomId: 'wecom_id',
    isPrimary: 'is_primary',
  });
  if (!existing) {
    await requireLive(ctx, 'customers', input.customerId as string, 'customerId');
    columns.is_primary ??= false;
  }
  if (input.mobile !== undefined) {
    columns.mobile = input.mobile || null;
    columns.mobile_e164 = input.mobile ? toE164(input.mobile as string) : null;
  }
  return columns;
}

/** Only one primary contact per customer: setting one clears the others. */
async function afterWrite(ctx: CommandContext, row: Row) {
  if (row.is_primary !== true) return;
  await ctx.trx
    .updateTable('contacts')
    .set({ is_primary: false })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', row.customer_id as string)
    .where('id', '<>', row.id)
    .where('is_primary', '=', true)
    .execute();
}

export const contactSpec: ResourceSpec = registerResource({
  path: 'contacts',
  recordType: 'contact',
  table: 'contacts',
  tag: 'Contacts',
  titleField: 'name',
  fields: {
    customerId: { column: 'customer_id', kind: 'uuid', filter: true, required: true },
    name: { column: 'name', kind: 'text', filter: true, sort: true, required: true },
    title: { column: 'title', kind: 'text', filter: true, sort: true },
    mobile: { column: 'mobile', kind: 'text', filter: true },
    mobileE164: { column: 'mobile_e164', kind: 'text', internal: true },
    email: { column: 'email', kind: 'text', filter: true },
    wecomId: { column: 'wecom_id', kind: 'text', filter: true },
    isPrimary: { column: 'is_primary', kind: 'bool', filter: true, sort: true, required: true },
  },
  customObject: 'contact',
  createSchema,
  updateSchema,
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns,
  afterWrite,
  includes: { attachments: { resource: 'attachments', column: 'record_id', where: { record_type: 'contact' } } },
  cascade: [{ resource: 'attachments', column: 'record_id', where: { record_type: 'contact' } }],
  defaultSort: 'name',
});
