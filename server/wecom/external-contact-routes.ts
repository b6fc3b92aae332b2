import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import {
  externalContactBody,
  externalContactOutput,
  linkExternalContact,
  listExternalContacts,
  unlinkExternalContact,
} from './external-contacts.ts';
import { externalUserIdParam } from './sidebar.ts';

/** Linking WeCom external contacts to customers (the sidebar's mapping): list, link, unlink. */
export function registerWecomExternalContactRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  const onRequest = authHook(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ externalUserId: externalUserIdParam });
  r.get('/api/v1/wecom/external-contacts', {
    config: { access: { object: 'customer', action: 'read' } },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary: 'The WeCom external contacts linked to a customer',
      querystring: z.object({ customerId: z.uuid() }),
      response: { 200: z.object({ data: z.array(externalContactOutput) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await listExternalContacts(ctx, request.query.customerId) })),
  });
  r.put('/api/v1/wecom/external-contacts/:externalUserId', {
    config: { access: { object: 'customer', action: 'update' } },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary:
        'Link a WeCom external contact to a customer (and one of its contacts); an audited update of the customer',
      params,
      body: externalContactBody,
      response: { 200: z.object({ data: externalContactOutput }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: await linkExternalContact(ctx, request.params.externalUserId, request.body),
      })),
  });
  r.delete('/api/v1/wecom/external-contacts/:externalUserId', {
    config: { access: { object: 'customer', action: 'update' } },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary: 'Unlink a WeCom external contact from its customer',
      params,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, (ctx) => unlinkExternalContact(ctx, request.params.externalUserId));
      return reply.status(204).send(null);
    },
  });
}
