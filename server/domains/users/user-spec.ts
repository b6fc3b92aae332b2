import { z } from 'zod';
import { userRoles } from '../../../common/enums.ts';
import { toE164 } from '../../../common/phone.ts';
import type { CommandContext } from '../../resources/context.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import {
  defineResource,
  type FieldDefinitions,
  type HookInput,
  type InputOnlyDefinitions,
  type TableColumns,
  type TableRow,
} from '../../resources/define-resource.ts';
import { uniqueKeyCheck } from '../../resources/duplicates.ts';
import { AppError, fieldError } from '../../errors.ts';
import { dateString, optionalText } from '../../http/common-schemas.ts';
import { requireLive } from '../shared-rules.ts';

export const passwordSchema = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const userFields = {
  username: {
    column: 'username',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z
      .string()
      .trim()
      .min(2)
      .max(60)
      .regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore'),
  },
  displayName: {
    column: 'display_name',
    kind: 'text',
    filter: true,
    sort: true,
    required: true,
    input: z.string().trim().min(1, 'is required').max(100),
  },
  employeeNo: { column: 'employee_no', kind: 'text', filter: true, sort: true, input: optionalText(40) },
  departmentId: { column: 'department_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
  managerId: { column: 'manager_id', kind: 'uuid', filter: true, input: z.uuid().nullable().optional() },
  hireDate: { column: 'hire_date', kind: 'date', filter: true, sort: true, input: dateString.nullable().optional() },
  phone: {
    column: 'phone',
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
  phoneE164: { column: 'phone_e164', kind: 'text', internal: true },
  email: { column: 'email', kind: 'text', filter: true, input: z.email().max(200).nullable().optional() },
  wecomUserId: {
    column: 'wecom_user_id',
    kind: 'text',
    input: z.string().trim().min(1).max(64).nullable().optional(),
    description: 'The WeCom member id (企业微信 userid) notifications are also sent to',
  },
  role: {
    column: 'role',
    kind: 'text',
    filter: true,
    required: true,
    input: z.enum(userRoles).default('member'),
    update: z.enum(userRoles),
  },
  isActive: { column: 'is_active', kind: 'bool', filter: true, required: true, input: z.boolean().optional() },
  isService: { column: 'is_service', kind: 'bool', filter: true, required: true },
  passwordHash: { column: 'password_hash', kind: 'text', internal: true },
  lastLoginAt: { column: 'last_login_at', kind: 'timestamp', sort: true },
} satisfies FieldDefinitions;

const userInputOnly = {
  password: {
    input: passwordSchema
      .optional()
      .describe('Initial password; without one the user cannot sign in until it is reset'),
    update: false,
  },
} satisfies InputOnlyDefinitions;

async function toColumns(
  ctx: CommandContext,
  input: HookInput<typeof userFields, typeof userInputOnly>,
  existing: TableRow<'users'> | undefined,
  columns: TableColumns<'users'>,
) {
  if (typeof input.departmentId === 'string') await requireLive(ctx, 'departments', input.departmentId, 'departmentId');
  if (typeof input.managerId === 'string') {
    if (existing && input.managerId === existing.id)
      throw fieldError('managerId', 'a user cannot be their own manager');
    const manager = await ctx.trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', input.managerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!manager) throw fieldError('managerId', 'is not a user of this company');
  }
  if (input.phone !== undefined) {
    columns.phone = input.phone || null;
    columns.phone_e164 = input.phone ? toE164(input.phone) : null;
  }
  if (typeof input.password === 'string') columns.password_hash = await hashPassword(input.password);
  if (existing && existing.id === ctx.actor.userId && (input.role === 'member' || input.isActive === false)) {
    throw new AppError('CONFLICT', 'you cannot demote or deactivate yourself; ask another administrator');
  }
  return columns;
}

export const userSpec = defineResource({
  path: 'users',
  recordType: 'user',
  table: 'users',
  tag: 'Users',
  titleField: 'displayName',
  access: { object: 'user', owner: 'id' },
  fields: userFields,
  inputOnly: userInputOnly,
  duplicateCheck: uniqueKeyCheck({
    recordType: 'user',
    table: 'users',
    titleColumn: 'display_name',
    keys: [
      { field: 'username', columns: ['username'], caseInsensitive: true },
      { field: 'employeeNo', columns: ['employee_no'] },
    ],
  }),
  toColumns,
  writePermission: 'manageUsers',
  beforeDelete: async (ctx, row) => {
    if (row.id === ctx.actor.userId) throw new AppError('CONFLICT', 'you cannot delete yourself');
  },
  parent: { resource: 'departments', column: 'department_id' },
  includes: { customers: { resource: 'customers', column: 'owner_id' } },
  defaultSort: 'username',
});
