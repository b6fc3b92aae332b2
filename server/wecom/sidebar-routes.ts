import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { JWEIXIN_URL, WECOM_JSSDK_URL, sidebarHtml, sidebarScript } from './sidebar-page.ts';
import { externalUserIdParam, recordSentFile, sentFileBody, sidebarContact } from './sidebar.ts';
import { WecomError, wecomClient } from './wecom-client.ts';

/**
 * `/wecom/sidebar` (the page, served here so it adds nothing to the web app's bundles) and the
 * API it uses with the rep's Cairn session: the signed `wx.agentConfig`, the customer card of an
 * external contact, and the snapshot of a file sent into the chat.
 */
export function registerWecomSidebarRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  const onRequest = authHook(db);
  const client = wecomClient(services.config.wecom);
  const frameAncestors = services.config.frameAncestors.join(' ');
  app.get('/wecom/sidebar', { schema: { hide: true } }, async (_request, reply) => {
    // this page alone may load WeCom's JS-SDK scripts
    const sdk = client ? ` ${new URL(JWEIXIN_URL).origin} ${new URL(WECOM_JSSDK_URL).origin}` : '';
    return reply
      .header(
        'content-security-policy',
        `default-src 'self'; script-src 'self'${sdk}; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ${frameAncestors}`,
      )
      .type('text/html; charset=utf-8')
      .send(sidebarHtml(Boolean(client)));
  });
  app.get('/wecom/sidebar.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(sidebarScript),
  );

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/wecom/agent-config', {
    config: { access: 'signedIn' },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary: 'The signed `wx.agentConfig` parameters for the sidebar page URL',
      description: '503 WECOM_NOT_CONFIGURED when CAIRN_WECOM_* is not set; 502 WECOM_FAILED when WeCom refuses.',
      // the page WeCom signs for is the sidebar's own http(s) address; anything else is refused here
      querystring: z.object({
        url: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of the sidebar page' }).max(2000),
      }),
      response: {
        200: z.object({
          data: z.object({
            corpid: z.string(),
            agentid: z.number(),
            timestamp: z.number(),
            nonceStr: z.string(),
            signature: z.string(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      if (!client) throw new AppError('WECOM_NOT_CONFIGURED', 'WeCom is not set up on this server', {});
      try {
        return { data: await client.agentConfig(request.query.url) };
      } catch (error) {
        if (error instanceof WecomError) throw new AppError('WECOM_FAILED', error.message, {});
        throw error;
      }
    },
  });
  r.get('/api/v1/wecom/contacts/:externalUserId', {
    config: { access: { object: 'customer', action: 'read' } },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary:
        'The customer of a WeCom external contact: lite card, recent follow-ups and files (through your field view)',
      params: z.object({ externalUserId: externalUserIdParam }),
      response: {
        200: z.object({
          data: z.object({
            externalUserId: z.string(),
            contactId: z.string().nullable(),
            customer: z.record(z.string(), z.unknown()),
            followups: z.array(z.record(z.string(), z.unknown())),
            files: z.array(z.object({ id: z.string(), name: z.string(), mimeType: z.string().nullable() })),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await sidebarContact(ctx, request.params.externalUserId) })),
  });
  r.post('/api/v1/wecom/sent-files', {
    config: { access: { object: 'followup', action: 'create' } },
    onRequest,
    schema: {
      tags: ['WeCom'],
      summary: 'Record a file sent into a WeCom chat from the sidebar: a follow-up snapshot with status 已发方案',
      body: sentFileBody,
      response: {
        201: z.object({
          data: z.object({
            followupId: z.string(),
            customerId: z.string(),
            fileName: z.string(),
            sentAt: z.string(),
            chat: z.string(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, (ctx) => recordSentFile(ctx, request.body));
      return reply.status(201).send({ data });
    },
  });
}
