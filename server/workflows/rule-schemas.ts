import { z } from 'zod';
import { followupKinds, followupStatuses } from '../../common/enums.ts';
import { cronError, httpUrl } from '../integration/pull/pull-config.ts';

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
  z.object({
    type: z
      .literal('imFileSent')
      .describe('a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)'),
  }),
  z.object({
    type: z.literal('transcriptReady').describe('a meeting transcript analysed and recorded as a follow-up'),
  }),
  z.object({
    type: z.literal('intakeApplied').describe('an intake record applied: a customer created or updated from a channel'),
    channel: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be a channel key')
      .optional()
      .describe("only records of this channel (its key); none: every channel's"),
  }),
  z.object({
    type: z.literal('schedule'),
    cron: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((cron) => cronError(cron) === undefined, 'is not a cron expression (minute hour day month weekday)')
      .describe("minute hour day month weekday, in the company's time zone; fires once per slot"),
  }),
  z.object({
    type: z.literal('relative'),
    object: z.enum(triggerObjects),
    field: fieldName.describe('a date or date-time field of the record'),
    offsetDays: z.number().int().min(-3650).max(3650).describe('days after the field (negative: before)'),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
      .default('09:00')
      .describe("time of day in the company's time zone"),
  }),
  z.object({
    type: z.literal('manual'),
    object: z.enum(triggerObjects).describe('run by POST /api/v1/automation-rules/{id}/run on records of this type'),
  }),
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
  z.object({
    type: z.literal('assignOwner'),
    userId: z.uuid().optional().describe("None: the company's lead-assignment rules decide"),
  }),
  z.object({
    type: z.literal('webhook'),
    url: httpUrl,
    headers: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name')
          .refine((h) => !/^(x-cairn-|content-|host$|content-length$)/i.test(h), 'is set by Cairn'),
        z.string().max(1000),
      )
      .optional()
      .describe('Extra request headers; the body is signed like outbound channels (x-cairn-signature)'),
  }),
  z.object({
    type: z.literal('startApproval'),
    kind: z.literal('contract_delete').describe('the approvals Cairn has that a record starts: a contract deletion'),
    reason: template,
  }),
]);
export type Action = z.infer<typeof actionSchema>;

const maxRunsPerHour = z
  .number()
  .int()
  .min(1)
  .max(100_000)
  .describe('Rate limit: runs that would act beyond it in the last hour are recorded as rate_limited');

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
    maxRunsPerHour: maxRunsPerHour.optional(),
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
    maxRunsPerHour: maxRunsPerHour.nullable().optional(),
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
    maxRunsPerHour: z.number().nullable(),
    failureStreak: z.number(),
    pausedAt: z.string().nullable(),
    pausedReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    webhookSecret: z
      .string()
      .optional()
      .describe('Only in the answer that gave the rule its first webhook action: the key its calls are signed with'),
  })
  .meta({ id: 'AutomationRule' });
export type RuleOutput = z.infer<typeof ruleOutput>;
