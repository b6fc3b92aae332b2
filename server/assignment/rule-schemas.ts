import { z } from 'zod';

/** Customer fields a rule condition may test; custom fields as `custom.<key>`. */
export const conditionFields = ['region', 'industry', 'source', 'level', 'status'] as const;

export const conditionSchema = z
  .object({
    field: z
      .string()
      .refine((f) => (conditionFields as readonly string[]).includes(f) || /^custom\.[A-Za-z][\w-]{0,62}$/.test(f), {
        message: `must be one of ${conditionFields.join(', ')} or custom.<key>`,
      }),
    op: z.enum(['eq', 'in', 'prefix']).default('eq'),
    value: z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(100)]),
  })
  .refine((c) => (c.op === 'in') === Array.isArray(c.value), {
    path: ['value'],
    message: 'must be a list for op "in" and a single text otherwise',
  });

export type RuleCondition = z.infer<typeof conditionSchema>;

export const targetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.uuid() }),
  z.object({ type: z.literal('fallback'), userId: z.uuid() }),
  z.object({ type: z.literal('round_robin'), departmentId: z.uuid() }),
  z.object({
    type: z.literal('least_loaded'),
    departmentId: z.uuid(),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .nullable()
      .optional()
      .describe('Most open leads per rep; none = no cap'),
  }),
]);

export type RuleTarget = z.infer<typeof targetSchema>;

export const ruleCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    position: z.number().int().min(0).max(1_000_000).optional().describe('Order among the rules; default: last'),
    conditions: z
      .array(conditionSchema)
      .max(20)
      .default([])
      .describe('All must match (an empty list matches every customer)'),
    target: targetSchema,
    isActive: z.boolean().default(true),
  })
  .meta({ id: 'AssignmentRuleCreate' });

export const ruleUpdateSchema = z
  .object({
    name: ruleCreateSchema.shape.name.optional(),
    position: ruleCreateSchema.shape.position,
    conditions: z.array(conditionSchema).max(20).optional(),
    target: targetSchema.optional(),
    isActive: z.boolean().optional(),
    version: z.number().int().min(1).optional().describe('The version you edited; a stale one answers 409'),
  })
  .meta({ id: 'AssignmentRuleUpdate' });

export const ruleOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    position: z.number(),
    conditions: z.array(
      z.object({
        field: z.string(),
        op: z.enum(['eq', 'in', 'prefix']),
        value: z.union([z.string(), z.array(z.string())]),
      }),
    ),
    target: z.object({
      type: z.enum(['user', 'fallback', 'round_robin', 'least_loaded']),
      userId: z.string().nullable(),
      departmentId: z.string().nullable(),
      capacity: z.number().nullable(),
    }),
    isActive: z.boolean(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AssignmentRule' });

export type RuleOutput = z.infer<typeof ruleOutput>;
