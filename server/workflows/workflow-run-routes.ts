import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { runRule } from './engine.ts';
import { dryRun, manualRulesFor, prepareManualRun, prepareRerun, runManual } from './rule-runs.ts';
import { triggerObjects } from './rule-schemas.ts';
import { conditionStepSchema, runOutput } from './run-schemas.ts';
import { getRun } from './rule-store.ts';

/** Running a rule by hand (manual triggers), rerunning a failed run from its failed step, and dry runs. */
export function registerRuleRunRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Automation'];
  const config = { access: { anyOf: ['manageIntegrations' as const] } };
  const base = '/api/v1/automation-rules';

  r.get('/api/v1/manual-rules', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary:
        'The manual rules the caller may start on records of a type (the buttons on a record and a list selection)',
      description:
        'Enabled, not paused manual rules of that record type, by name; none for a caller who may not update that type.',
      querystring: z.object({ object: z.enum(triggerObjects) }).strict(),
      response: {
        200: z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), object: z.string() })) }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await manualRulesFor(ctx, request.query.object) })),
  });
  r.post(`${base}/:id/run`, {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary: 'Run a manual rule on records (each its own run, as the rule’s identity)',
      description:
        'Any signed-in user, on records they may update. Only a rule with a manual trigger, enabled and not paused (else 409 RULE_NOT_RUNNABLE). Per record, status not_found for a record the caller cannot read, forbidden for one they may not update.',
      params: idParams,
      body: z.object({ recordIds: z.array(z.uuid()).min(1).max(100) }).strict(),
      response: {
        200: z.object({
          data: z.array(z.object({ recordId: z.string(), runId: z.string().nullable(), status: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { rule, access } = await inTenant(db, request, (ctx) =>
        prepareManualRun(ctx, request.params.id, request.body.recordIds),
      );
      return { data: await runManual(services.database, rule, access, request.actor!.userId) };
    },
  });
  r.post(`${base}/:id/runs/:runId/rerun`, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Rerun a failed run from the action that failed (a new run with rerunOf and fromStep)',
      description: 'Only a run with status failed (else 409 RUN_NOT_FAILED).',
      params: idParams.extend({ runId: z.uuid() }),
      response: { 200: z.object({ data: runOutput }), ...errorResponses },
    },
    handler: async (request) => {
      const { rule, event, rerun } = await inTenant(db, request, (ctx) =>
        prepareRerun(ctx, request.params.id, request.params.runId),
      );
      const { runId } = await runRule(services.database, rule, event, undefined, rerun);
      return { data: await inTenant(db, request, (ctx) => getRun(ctx, rule.id, runId!)) };
    },
  });
  r.post(`${base}/:id/dry-run`, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Evaluate a rule against the last events of its trigger, without acting (nothing is written)',
      params: idParams,
      body: z
        .object({ limit: z.number().int().min(1).max(100).optional().describe('Default 20') })
        .strict()
        .nullable()
        .optional(),
      response: {
        200: z.object({
          data: z.object({
            ruleId: z.string(),
            version: z.number(),
            evaluated: z.number(),
            results: z.array(
              z.object({
                eventId: z.string(),
                occurredAt: z.string(),
                recordId: z.string().nullable(),
                matched: z.boolean(),
                conditions: z.object({ result: z.boolean(), steps: z.array(conditionStepSchema) }).nullable(),
                actions: z.array(z.object({ type: z.string(), input: z.unknown() })),
              }),
            ),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await dryRun(ctx, request.params.id, request.body?.limit ?? 20) })),
  });
}
