import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { isValidCreditCode } from '../../../common/credit-code.ts';
import { customerLevels, customerSources, customerStatuses } from '../../../common/enums.ts';
import { toE164 } from '../../../common/phone.ts';
import type { CommandContext } from '../../resources/context.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import type { SearchView } from '../../resources/resource-spec.ts';
import { optionalText } from '../../http/common-schemas.ts';
import { assertActiveUser, customValuesInput } from '../shared-rules.ts';
import { assertNoDuplicateCustomer } from './duplicate-customers.ts';
import { refuseCustomerWithContracts } from '../../batch-delete/batch-delete.ts';

const customerFields = {
  name: {
    column: 'name',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(200),
  },
  shortName: { column: 'short_name', kind: 'text', filter: true, input: optionalText(100) },
  creditCode: {
    column: 'credit_code',
    kind: 'text',
    filter: true,
    description: 'Unified social credit code',
    input: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        isValidCreditCode,
        'is not a valid unified social credit code (18 characters with a correct check character)',
      )
      .nullable()
      .optional(),
  },
  industry: { column: 'industry', kind: 'text', filter: true, sort: true, input: optionalText(100) },
  level: {
    column: 'level',
    kind: 'text',
    filter: true,
    sort: true,
    input: z.enum(customerLevels).nullable().optional(),
  },
  source: {
    column: 'source',
    kind: 'text',
    filter: true,
    sort: true,
    input: z.enum(customerSources).nullable().optional(),
  },
  region: { column: 'region', kind: 'text', filter: true, sort: true, input: optionalText(100) },
  mainPhone: {
    column: 'main_phone',
    kind: 'text',
    filter: true,
    description: 'As entered',
    input: z
      .string()
      .trim()
      .max(40)
      .refine((v) => toE164(v) !== undefined, 'is not a valid phone number')
      .nullable()
      .optional(),
    writtenByHook: true,
  },
  mainPhoneE164: { column: 'main_phone_e164', kind: 'text', internal: true },
  ownerId: {
    column: 'owner_id',
    kind: 'uuid',
    filter: true,
    sort: true,
    input: z.uuid().nullable().optional().describe('Defaults to the creator'),
  },
  status: {
    column: 'status',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.enum(customerStatuses).optional(),
  },
  lastFollowupAt: {
    column: 'last_followup_at',
    kind: 'timestamp',
    description: 'When the latest follow-up happened (kept by the database on every follow-up write)',
  },
  assignedByRuleId: {
    column: 'assigned_by_rule_id',
    kind: 'uuid',
    filter: true,
    description: 'The lead-assignment rule that chose the owner (set by the assignment, never by a request body)',
  },
  assignedRuleVersion: {
    column: 'assigned_rule_version',
    kind: 'int',
    description: 'The version of that rule when it assigned the customer',
  },
  assignmentReason: {
    column: 'assignment_reason',
    kind: 'text',
    description: 'Why the rule chose the owner, e.g. "round-robin 3/5 in 销售一组"',
  },
  tags: {
    column: 'tags',
    kind: 'textArray',
    filter: true,
    input: z.array(z.string().trim().min(1).max(40)).max(50).optional(),
  },
} satisfies FieldDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof customerFields, typeof customValuesInput>,
  existing: TableRow<'customers'> | undefined,
  columns: TableColumns<'customers'>,
) {
  if (!existing && input.ownerId === undefined) columns.owner_id = ctx.actor.userId;
  if (typeof columns.owner_id === 'string') await assertActiveUser(ctx, columns.owner_id, 'ownerId');
  if (input.mainPhone !== undefined) {
    const phone = input.mainPhone;
    columns.main_phone = phone || null;
    columns.main_phone_e164 = phone ? toE164(phone) : null;
  }
  if (input.creditCode === '') columns.credit_code = null;
  return columns;
}

/**
 * Quick search over names, short names, the main phone and the contacts' names and mobiles,
 * matching only what the caller sees: a masked phone matches on its visible digits or on the
 * whole number, a hidden field not at all, and contacts only those the caller may read.
 */
function searchCustomers(q: string, view: SearchView) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const phone = toE164(q);
  // only a phone-like query (digits, spaces, + ( ) -) searches phone digits; a name with digits in it does not
  const digits = /^[\d\s+()-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const parts: Expression<SqlBool>[] = [];
  for (const name of ['name', 'shortName']) {
    const field = view.field('customers', name);
    if (field) parts.push(sql<SqlBool>`${field} ilike ${pattern}`);
  }
  const phoneParts = (resource: string, field: string, e164: string) => {
    const seen = view.field(resource, field);
    if (!seen) return [];
    const whole = phone ? [sql<SqlBool>`${sql.ref(e164)} = ${phone}`] : [];
    if (digits.length < 4) return whole;
    const partial = view.visible(resource, field)
      ? sql<SqlBool>`${sql.ref(e164)} like ${`%${digits}%`}`
      : sql<SqlBool>`${seen} like ${`%${digits}%`}`;
    return [...whole, partial];
  };
  parts.push(...phoneParts('customers', 'mainPhone', 'customers.main_phone_e164'));
  const contactName = view.field('contacts', 'name');
  const contactParts = [
    ...(contactName ? [sql<SqlBool>`${contactName} ilike ${pattern}`] : []),
    ...phoneParts('contacts', 'mobile', 'contacts.mobile_e164').filter(() => digits.length >= 4),
  ];
  if (contactParts.length) {
    parts.push(sql<SqlBool>`exists (select 1 from contacts where contacts.tenant_id = customers.tenant_id
      and contacts.customer_id = customers.id and ${view.readable('contacts')} and (${sql.join(contactParts, sql` or `)}))`);
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export const customerSpec = defineResource({
  path: 'customers',
  recordType: 'customer',
  table: 'customers',
  tag: 'Customers',
  titleField: 'name',
  access: { object: 'customer', owner: 'owner_id' },
  fields: customerFields,
  inputOnly: customValuesInput,
  customObject: 'customer',
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
  search: searchCustomers,
});
