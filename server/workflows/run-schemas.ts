import { z } from 'zod';

/** A rule's run as the run history shows it. */
export const runStatuses = ['running', 'succeeded', 'skipped', 'failed', 'stopped', 'rate_limited'] as const;

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
    status: z.enum(runStatuses),
    triggerPayload: z.unknown(),
    conditions: z.object({ result: z.boolean(), steps: z.array(conditionStepSchema) }).nullable(),
    actions: z.array(actionStepSchema),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    identityUserId: z.string().nullable(),
    rerunOf: z.string().nullable().describe('The failed run this one reran'),
    fromStep: z.number().nullable().describe('A rerun: the index of the action it started at'),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AutomationRun' });
export type RunOutput = z.infer<typeof runOutput>;
