import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { ruleCreateSchema, ruleOutput, ruleUpdateSchema } from './rule-schemas.ts';
import { createRule, deleteRule, listRules, requireRuleAdmin, updateRule } from './rule-store.ts';

/** Lead-assignment rules: ordered, versioned, per company; manageIntegrations only. */
export function registerAssignmentRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Lead assignment'];
  const config = { access: { anyOf: ['manageIntegrations' as const] } };

  r.get('/api/v1/assignment-rules', {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Assignment rules in the order they are tried',
      response: { 200: z.object({ data: z.array(ruleOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        requireRuleAdmin(ctx);
        return { data: await listRules(ctx) };
      }),
  });
  r.post('/api/v1/assignment-rules', {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Create an assignment rule (a user, round-robin or least-loaded in a team, or a fallback owner)',
      body: ruleCreateSchema,
      response: { 201: z.object({ data: ruleOutput }), ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send({ data: await inTenant(db, request, (ctx) => createRule(ctx, request.body)) }),
  });
  r.patch('/api/v1/assignment-rules/:id', {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Edit an assignment rule (its version goes up by one)',
      params: idParams,
      body: ruleUpdateSchema,
      response: { 200: z.object({ data: ruleOutput }), ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) => updateRule(ctx, request.params.id, request.body)),
    }),
  });
  r.delete('/api/v1/assignment-rules/:id', {
    config,
    onRequest,
    schema: {
      tags,
      summary: 'Delete an assignment rule',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, (ctx) => deleteRule(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });
}
