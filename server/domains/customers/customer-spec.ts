import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import { isValidCreditCode } from '../../../common/credit-code.ts';
import { customerLevels, customerSources, customerStatuses } from '../../../common/enums.ts';
import { toE164 } from '../../../common/phone.ts';
import type { CommandContext } from '../../resources/context.ts';
import { registerResource } from '../../resources/registry.ts';
import type { Input, ResourceSpec, Row } from '../../resources/resource-spec.ts';
import { optionalText, versionField } from '../../http/common-schemas.ts';
import { assertActiveUser, pick } from '../shared-rules.ts';
import { assertNoDuplicateCustomer } from './duplicate-customers.ts';
import { refuseCustomerWithContracts } from '../../batch-delete/batch-delete.ts';

const createSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    shortName: optionalText(100),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        isValidCreditCode,
        'is not a valid unified social credit code (18 characters with a correct check character)',
      )
      .nullable()
      .optional(),
    industry: optionalText(100),
    level: z.enum(customerLevels).nullable().optional(),
    source: z.enum(customerSources).nullable().optional(),
    region: optionalText(100),
    mainPhone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => toE164(v) !== undefined, 'is not a valid phone number')
      .nullable()
      .optional(),
    ownerId: z.uuid().nullable().optional().describe('Defaults to the creator'),
    status: z.enum(customerStatuses).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
    custom: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'CustomerCreate' });

const updateSchema = createSchema.partial().extend({ version: versionField }).meta({ id: 'CustomerUpdate' });

const columnMap = {
  name: 'name',
  shortName: 'short_name',
  creditCode: 'credit_code',
  industry: 'industry',
  level: 'level',
  source: 'source',
  region: 'region',
  ownerId: 'owner_id',
  status: 'status',
  tags: 'tags',
} as const;

async function toColumns(ctx: CommandContext, input: Input, existing: Row | undefined) {
  const columns: Record<string, unknown> = pick(input, columnMap);
  if (!existing && input.ownerId === undefined) columns.owner_id = ctx.actor.userId;
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id as string, 'ownerId');
  if (input.mainPhone !== undefined) {
    const phone = input.mainPhone as string | null;
    columns.main_phone = phone || null;
    columns.main_phone_e164 = phone ? toE164(phone) : null;
  }
  if (input.creditCode === '') columns.credit_code = null;
  return columns;
}

export const customerSpec: ResourceSpec = registerResource({
  path: 'customers',
  recordType: 'customer',
  table: 'customers',
  tag: 'Customers',
  titleField: 'name',
  fields: {
    name: { column: 'name', kind: 'text', filter: true, sort: true, required: true },
    shortName: { column: 'short_name', kind: 'text', filter: true },
    creditCode: { column: 'credit_code', kind: 'text', filter: true, description: 'Unified social credit code' },
    industry: { column: 'industry', kind: 'text', filter: true, sort: true },
    level: { column: 'level', kind: 'text', filter: true, sort: true },
    source: { column: 'source', kind: 'text', filter: true, sort: true },
    region: { column: 'region', kind: 'text', filter: true, sort: true },
    mainPhone: { column: 'main_phone', kind: 'text', filter: true, description: 'As entered' },
    mainPhoneE164: { column: 'main_phone_e164', kind: 'text', internal: true },
    ownerId: { column: 'owner_id', kind: 'uuid', filter: true, sort: true },
    status: { column: 'status', kind: 'text', filter: true, sort: true, required: true },
    tags: { column: 'tags', kind: 'textArray', filter: true },
  },
  customObject: 'customer',
  extraOutput: { lastFollowupAt: z.string().nullable().describe('When the latest follow-up happened (derived)') },
  decorate: async (trx, tenantId, records) => {
    if (records.length === 0) return;
    const rows = await trx
      .selectFrom('followups')
      .select(['customer_id', sql<Date>`max(occurred_at)`.as('last')])
      .where('tenant_id', '=', tenantId)
      .where(
        'customer_id',
        'in',
        records.map((r) => r.id as string),
      )
      .where('deleted_at', 'is', null)
      .groupBy('customer_id')
      .execute();
    const last = new Map(rows.map((r) => [r.customer_id, new Date(r.last).toISOString()]));
    for (const record of records) record.lastFollowupAt = last.get(record.id as string) ?? null;
  },
  createSchema,
  updateSchema,
  toColumns,
  duplicateCheck: assertNoDuplicateCustomer,
  // deleting a customer would take its contracts with it: each contract needs legal's approval first
  beforeDelete: refuseCustomerWithContracts,
  includes: {
    contacts: { resource: 'contacts', column: 'customer_id' },
    opportunities: { resource: 'opportunities', column: 'customer_id' },
    followups: { resource: 'followups', column: 'customer_id' },
    contracts: { resource: 'contracts', column: 'customer_id' },
    orders: { resource: 'orders', column: 'customer_id' },
    attachments: { resource: 'attachments', column: 'customer_id' },
  },
  cascade: [
    { resource: 'contacts', column: 'customer_id' },
    { resource: 'opportunities', column: 'customer_id' },
    { resource: 'followups', column: 'customer_id' },
    { resource: 'contracts', column: 'customer_id' },
    { resource: 'orders', column: 'customer_id' },
    { resource: 'attachments', column: 'customer_id' },
  ],
  search: (q) => {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const phone = toE164(q);
    // only a phone-like query (digits, spaces, + ( ) -) searches phone digits; a name with digits in it does not
    const digits = /^[\d\s+()-]+$/.test(q) ? q.replace(/\D/g, '') : '';
    return sql<SqlBool>`(name ilike ${pattern} or short_name ilike ${pattern}
      ${phone ? sql`or main_phone_e164 = ${phone}` : sql``}
      ${digits.length >= 4 ? sql`or main_phone_e164 like ${`%${digits}%`}` : sql``}
      or exists (select 1 from contacts c where c.tenant_id = customers.tenant_id and c.customer_id = customers.id
        and c.deleted_at is null and (c.name ilike ${pattern} ${digits.length >= 4 ? sql`or c.mobile_e164 like ${`%${digits}%`}` : sql``})))`;
  },
});
