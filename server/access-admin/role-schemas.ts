import { z } from 'zod';
import {
  accessActions,
  accessObjects,
  dataScopes,
  fieldRuleKinds,
  systemPermissions,
  SYSTEM_OBJECT,
} from '../access/model.ts';

export const grantInput = z
  .object({
    object: z.enum([...accessObjects, SYSTEM_OBJECT]),
    action: z.string().min(1).max(40),
    scope: z.enum(dataScopes).default('all'),
    filter: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe('For scope "custom": a list filter, e.g. {"region":"华东"}'),
  })
  .superRefine((g, ctx) => {
    const actions: readonly string[] = g.object === SYSTEM_OBJECT ? systemPermissions : accessActions;
    if (!actions.includes(g.action))
      ctx.addIssue({ code: 'custom', path: ['action'], message: `must be one of ${actions.join(', ')}` });
    if (g.scope === 'custom' && !g.filter)
      ctx.addIssue({ code: 'custom', path: ['filter'], message: 'a custom scope needs a filter' });
  })
  .meta({ id: 'GrantInput' });

export const fieldRuleInput = z
  .object({ object: z.enum(accessObjects), field: z.string().min(1).max(60), rule: z.enum(fieldRuleKinds) })
  .meta({ id: 'FieldRuleInput' });

export const roleCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(60),
    description: z.string().trim().max(500).nullable().optional(),
    parentRoleId: z.uuid().nullable().optional(),
    grants: z.array(grantInput).max(500).default([]),
    fieldRules: z.array(fieldRuleInput).max(500).default([]),
  })
  .meta({ id: 'RoleCreate' });

export const roleUpdateSchema = z
  .object({
    name: roleCreateSchema.shape.name,
    description: roleCreateSchema.shape.description,
    parentRoleId: roleCreateSchema.shape.parentRoleId,
    status: z.enum(['active', 'disabled']),
    grants: z.array(grantInput).max(500),
    fieldRules: z.array(fieldRuleInput).max(500),
  })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'RoleUpdate' });

export const roleOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    parentRoleId: z.string().nullable(),
    status: z.string(),
    statusReason: z.string().nullable(),
    suspendedReason: z.string().nullable().describe('Why the role grants nothing right now (depth, cycle, disabled)'),
    isSystem: z.boolean(),
    chain: z.array(z.string()).describe('Role names from this role up its inheritance'),
    depth: z.number(),
    holders: z.number(),
    grants: z.array(
      z.object({
        object: z.string(),
        action: z.string(),
        scope: z.string(),
        filter: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
    fieldRules: z.array(z.object({ object: z.string(), field: z.string(), rule: z.string() })),
    version: z.number(),
  })
  .meta({ id: 'Role' });

export type RoleCreateInput = z.infer<typeof roleCreateSchema>;
export type RoleUpdateInput = z.infer<typeof roleUpdateSchema>;
