import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../services.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { amendmentSchema, appendAmendment, listAmendments } from './amendments.ts';

export function registerAmendmentRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Follow-ups'];
  const path = '/api/v1/followups/:id/amendments';

  r.get(path, {
    onRequest: authHook(db),
    config: { access: { object: 'followup', action: 'read' } },
    schema: {
      tags,
      summary: 'The amendments of a follow-up, oldest first',
      params: idParams,
      response: { 200: z.object({ data: z.array(amendmentSchema) }), ...errorResponses },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, ({ trx, access }) => listAmendments(trx, access, request.params.id)),
    }),
  });

  r.post(path, {
    onRequest: authHook(db),
    config: { access: { object: 'followup', action: 'read' } },
    schema: {
      tags,
      summary: 'Append a correction to a follow-up',
      description:
        'Follow-ups past the edit window (tenant setting followupEditWindowHours, default 72) cannot be changed; corrections are appended here. Allowed for the author and for users who may update the follow-up.',
      params: idParams,
      body: z.object({ content: z.string().trim().min(1, 'is required').max(10000) }),
      response: { 201: z.object({ data: amendmentSchema }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, (ctx) => appendAmendment(ctx, request.params.id, request.body.content));
      return reply.status(201).send({ data });
    },
  });
}
