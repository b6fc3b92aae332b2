import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { ruleCreateSchema, ruleOutput, ruleUpdateSchema } from './rule-schemas.ts';
import { runOutput, runStatuses } from './run-schemas.ts';
import { registerRuleRunRoutes } from './workflow-run-routes.ts';
import { createRule, deleteRule, getRule, listRules, listRuns, updateRule } from './rule-store.ts';

/**
 * Workflow (automation) rules: trigger → conditions → actions, versioned, checked at save time
 * against the trigger's fields (custom fields included); manageIntegrations only, like the
 * lead-assignment rules. Each rule's run history is readable per rule.
 */
export function registerWorkflowRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Automation'];
  const config = { access: { anyOf: ['manageIntegrations' as const] } };
  const base = '/api/v1/automation-rules';
  registerRuleRunRoutes(app, services);

  r.get(base, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Automation rules',
      response: { 200: z.object({ data: z.array(ruleOutput) }), ...errorResponses },
    },
    handler: (request) => inTenant(db, request, async (ctx) => ({ data: await listRules(ctx) })),
  });
  r.post(base, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Create a rule; fields, values, templates and users are checked at save time (400 naming each)',
      body: ruleCreateSchema,
      response: { 201: z.object({ data: ruleOutput }), ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ data: await inTenant(db, request, (ctx) => createRule(ctx, request.body)) }),
  });
  r.get(`${base}/:id`, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'One rule, with its failure streak and pause state',
      params: idParams,
      response: { 200: z.object({ data: ruleOutput }), ...errorResponses },
    },
    handler: async (request) => ({ data: await inTenant(db, request, (ctx) => getRule(ctx, request.params.id)) }),
  });
  r.patch(`${base}/:id`, {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Edit a rule (its version goes up by one); enabled: true resumes a paused rule',
      params: idParams,
      body: ruleUpdateSchema,
      response: { 200: z.object({ data: ruleOutput }), ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) => updateRule(ctx, request.params.id, request.body)),
    }),
  });
  r.delete(`${base}/:id`, {
    config,
    onRequest,
    schema: { tags, summary: 'Delete a rule', params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await inTenant(db, request, (ctx) => deleteRule(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });
  r.get(`${base}/:id/runs`, {
    config,
    onRequest,
    schema: {
      tags,
      summary:
        "A rule's runs, newest first: trigger payload, each condition's result, each action's input, output, timing and error",
      params: idParams,
      querystring: z.object({
        status: z.enum(runStatuses).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ data: z.array(runOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await listRuns(ctx, request.params.id, request.query) })),
  });
  r.get('/api/v1/notifications', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags,
      summary: "The caller's own in-app notifications, newest first (rule actions, paused rules)",
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: {
        200: z.object({
          data: z.array(
            z.object({
              id: z.string(),
              kind: z.string(),
              message: z.string(),
              recordType: z.string().nullable(),
              recordId: z.string().nullable(),
              ruleId: z.string().nullable(),
              readAt: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const rows = await ctx.trx
          .selectFrom('notifications')
          .selectAll()
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('user_id', '=', ctx.actor.userId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(request.query.limit)
          .execute();
        return {
          data: rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            message: n.message,
            recordType: n.record_type,
            recordId: n.record_id,
            ruleId: n.rule_id,
            readAt: n.read_at?.toISOString() ?? null,
            createdAt: n.created_at.toISOString(),
          })),
        };
      }),
  });
}
