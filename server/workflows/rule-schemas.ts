import { z } from 'zod';
import { followupKinds, followupStatuses } from '../../common/enums.ts';

/**
 * A workflow rule as typed data: trigger → conditions → actions. The shapes here are checked by
 * zod; what zod cannot know (field names against the resource and its custom fields, value
 * types, users) is checked at save time by rule-validation.ts, naming the field.
 */

/** The record types a record trigger may watch (outbox topics `<type>.created|updated|deleted`). */
export const triggerObjects = [
  'customer',
  'contact',
  'opportunity',
  'followup',
  'contract',
  'payment',
  'order',
] as const;
export const recordEvents = ['created', 'updated', 'deleted'] as const;

export const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalar>;

const fieldName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z][\w.-]*$/, 'must be a field name (custom fields as custom.<key>)');

export type Condition =
  | { op: 'and'; all: Condition[] }
  | { op: 'or'; any: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: 'compare'; field: string; cmp: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: Scalar }
  | { op: 'in'; field: string; values: Scalar[] }
  | { op: 'isEmpty'; field: string }
  | { op: 'changed'; field: string; from?: Scalar; to?: Scalar };

export const compareOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;

export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.discriminatedUnion('op', [
      z.object({ op: z.literal('and'), all: z.array(conditionSchema).min(1).max(20) }),
      z.object({ op: z.literal('or'), any: z.array(conditionSchema).min(1).max(20) }),
      z.object({ op: z.literal('not'), condition: conditionSchema }),
      z.object({ op: z.literal('compare'), field: fieldName, cmp: z.enum(compareOps), value: scalar }),
      z.object({ op: z.literal('in'), field: fieldName, values: z.array(scalar).min(1).max(100) }),
      z.object({ op: z.literal('isEmpty'), field: fieldName }),
      z.object({ op: z.literal('changed'), field: fieldName, from: scalar.optional(), to: scalar.optional() }),
    ]),
  )
  .meta({ id: 'AutomationCondition' });

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record'),
    object: z.enum(triggerObjects),
    on: z.enum(recordEvents),
    fields: z
      .array(fieldName)
      .min(1)
      .max(50)
      .optional()
      .describe('updated only: run only when one of these fields changed'),
  }),
  z.object({ type: z.literal('call').describe('an inbound call record (POST /api/v1/events/calls)') }),
]);
export type Trigger = z.infer<typeof triggerSchema>;

export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ruleOwner') }),
  z.object({ kind: z.literal('recordOwner') }),
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
]);
export type Recipient = z.infer<typeof recipientSchema>;

const template = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000)
  .describe('Text with {{field}} placeholders (fields of the trigger record or call)');

export const actionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('createFollowup'),
    status: z.enum(followupStatuses),
    kind: z.enum(followupKinds),
    template,
    nextStepInDays: z.number().int().min(0).max(365).optional(),
  }),
  z.object({
    type: z.literal('updateFields'),
    fields: z.record(fieldName, scalar).refine((f) => Object.keys(f).length > 0, 'names at least one field'),
  }),
  z.object({
    type: z.literal('createTodo'),
    assignee: recipientSchema,
    title: template,
    dueInMinutes: z.number().int().min(0).max(525_600),
  }),
  z.object({ type: z.literal('notify'), recipient: recipientSchema, message: template }),
]);
export type Action = z.infer<typeof actionSchema>;

export const ruleCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    trigger: triggerSchema,
    conditions: conditionSchema.nullable().optional().describe('None: every event of the trigger matches'),
    actions: z.array(actionSchema).min(1).max(10),
    enabled: z.boolean().default(true),
    ownerId: z.uuid().optional().describe('Default: the caller'),
    serviceUserId: z.uuid().nullable().optional().describe("Run as this service user instead of the owner's grants"),
    maxFailures: z.number().int().min(1).max(100).default(3).describe('Paused after this many failed runs in a row'),
  })
  .strict()
  .meta({ id: 'AutomationRuleCreate' });

export const ruleUpdateSchema = z
  .object({
    name: ruleCreateSchema.shape.name.optional(),
    trigger: triggerSchema.optional(),
    conditions: conditionSchema.nullable().optional(),
    actions: z.array(actionSchema).min(1).max(10).optional(),
    enabled: z.boolean().optional().describe('Enabling a paused rule resumes it'),
    ownerId: z.uuid().optional(),
    serviceUserId: z.uuid().nullable().optional(),
    maxFailures: z.number().int().min(1).max(100).optional(),
    version: z.number().int().min(1).describe('The version you edited; a stale one answers 409'),
  })
  .strict()
  .meta({ id: 'AutomationRuleUpdate' });

export type RuleCreate = z.output<typeof ruleCreateSchema>;
export type RuleUpdate = z.output<typeof ruleUpdateSchema>;

export const ruleOutput = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerId: z.string(),
    serviceUserId: z.string().nullable(),
    enabled: z.boolean(),
    version: z.number(),
    trigger: triggerSchema,
    conditions: conditionSchema.nullable(),
    actions: z.array(actionSchema),
    maxFailures: z.number(),
    failureStreak: z.number(),
    pausedAt: z.string().nullable(),
    pausedReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AutomationRule' });
export type RuleOutput = z.infer<typeof ruleOutput>;

export const conditionStepSchema = z.object({
  path: z.string().describe('Where in the tree, e.g. all[1].condition'),
  op: z.string(),
  field: z.string().optional(),
  actual: z.unknown().optional(),
  result: z.boolean(),
});
export type ConditionStep = z.infer<typeof conditionStepSchema>;

export const actionStepSchema = z.object({
  index: z.number(),
  type: z.string(),
  input: z.unknown(),
  output: z.unknown().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ActionStep = z.infer<typeof actionStepSchema>;

export const runOutput = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    ruleVersion: z.number(),
    eventId: z.string(),
    topic: z.string(),
    depth: z.number().describe('1 for an event a person caused; +1 for each rule in a chain'),
    status: z.enum(['running', 'succeeded', 'skipped', 'failed', 'stopped']),
    triggerPayload: z.unknown(),
    conditions: z.object({ result: z.boolean(), steps: z.array(conditionStepSchema) }).nullable(),
    actions: z.array(actionStepSchema),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    identityUserId: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AutomationRun' });
export type RunOutput = z.infer<typeof runOutput>;
