import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import {
  addDraftVersion,
  approveVersion,
  createDefinition,
  listDefinitions,
  loadDefinition,
  rollbackDefinition,
} from './definitions.ts';
import { createDefinitionBody, definitionSchema, newVersionBody, rollbackBody } from './report-schemas.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Metric definitions (口径): versioned, approved, effective-dated documents with their change history. */
export function registerDefinitionRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Reports'];
  const read = { object: 'report' as const, action: 'read' as const };
  const manage = { anyOf: ['manageReportDefinitions' as const] };
  const one = z.object({ data: definitionSchema });
  const withNewVersion = z.object({
    data: definitionSchema.extend({ versionId: z.string().describe('the version this request created') }),
  });

  r.get('/api/v1/metric-definitions', {
    config: { access: read },
    onRequest,
    schema: {
      tags,
      summary: 'The metric definitions (口径) of your company, each with its versions',
      response: { 200: z.object({ data: z.array(definitionSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await listDefinitions(ctx.trx, ctx.actor.tenantId) })),
  });

  r.post('/api/v1/metric-definitions', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary: 'Create a metric definition with its first version (a draft)',
      body: createDefinitionBody,
      response: { 201: one, ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, (ctx) => createDefinition(ctx, request.body));
      return reply.status(201).send({ data });
    },
  });

  r.get('/api/v1/metric-definitions/:id', {
    config: { access: read },
    onRequest,
    schema: {
      tags,
      summary: 'A metric definition with all its versions, their diffs, authors and approvers',
      params: idParams,
      response: { 200: one, ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: await loadDefinition(ctx.trx, ctx.actor.tenantId, request.params.id),
      })),
  });

  r.post('/api/v1/metric-definitions/:id/versions', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary: 'Add a version as a draft; it counts only once approved',
      params: idParams,
      body: newVersionBody,
      response: { 201: withNewVersion, ...errorResponses },
    },
    handler: async (request, reply) => {
      const result = await inTenant(db, request, (ctx) => addDraftVersion(ctx, request.params.id, request.body));
      return reply.status(201).send({ data: { ...result.definition, versionId: result.versionId } });
    },
  });

  r.post('/api/v1/metric-definitions/:id/versions/:versionId/approve', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary: 'Approve a draft version: from now on it is immutable and counts from its validFrom',
      // the version is looked up inside the definition: an id of another company's definition is 404 first
      params: z.object({ id: idParams.shape.id, versionId: z.string().max(100) }),
      response: { 200: one, ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: await approveVersion(ctx, request.params.id, request.params.versionId),
      })),
  });

  r.post('/api/v1/metric-definitions/:id/rollback', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary: 'Publish a new approved version equal to an earlier one; history is never rewritten',
      params: idParams,
      body: rollbackBody,
      response: { 201: withNewVersion, ...errorResponses },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const result = await inTenant(db, request, (ctx) =>
        rollbackDefinition(ctx, request.params.id, { ...body, validFrom: body.validFrom ?? today() }),
      );
      return reply.status(201).send({ data: { ...result.definition, versionId: result.versionId } });
    },
  });
}
