import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from '../services.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { actorOf, authHook, inTenant, requestMeta } from '../http/request-context.ts';
import { writeAudit } from '../audit/audit.ts';
import { login, validDeviceId } from './login.ts';
import { clearSessionCookies, deviceIdOf, setDeviceCookie, setSessionCookies } from './web-session.ts';
import { accessActions, accessObjects, systemPermissions } from '../../common/access-vocabulary.ts';
import { effectivePermissions } from '../access/effective-permissions.ts';

const userShape = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['admin', 'member']),
    tenantId: z.string(),
    tenantName: z.string(),
  })
  .meta({ id: 'SessionUser' });

const permissionsShape = z
  .object({
    functions: z
      .partialRecord(z.enum(accessObjects), z.array(z.enum(accessActions)))
      .describe('Per object, the actions the user holds some grant of (the data scope still decides which records)'),
    system: z.array(z.enum(systemPermissions)).describe('System permissions the user holds'),
  })
  .meta({ id: 'EffectivePermissions' });

export function registerAuthRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Auth'];

  r.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign in with username and password',
      security: [],
      body: z.object({
        username: z.string().trim().min(1, 'is required').max(100),
        password: z.string().min(1, 'is required').max(200),
        tenant: z
          .string()
          .trim()
          .max(100)
          .optional()
          .describe('Company code, needed only when the username exists in several companies'),
      }),
      response: {
        200: z.object({ token: z.string(), user: userShape }),
        429: errorResponses[400].describe('Too many failed sign-ins'),
        ...errorResponses,
      },
    },
    // Sets the web app's cookies too (auth/web-session.ts); API clients use the token.
    handler: async (request, reply) => {
      const ttl = services.config.sessionTtlHours;
      const given = validDeviceId(deviceIdOf(request));
      const { token, user, deviceId } = await login(db, request.body, requestMeta(request), ttl, given);
      setSessionCookies(request, reply, token, ttl);
      if (deviceId !== given) setDeviceCookie(request, reply, deviceId);
      return { token, user };
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Sign out (deletes this session and clears the session cookies)',
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, async (ctx) => {
        if (ctx.actor.sessionId) {
          await ctx.trx
            .deleteFrom('sessions')
            .where('tenant_id', '=', ctx.actor.tenantId)
            .where('id', '=', ctx.actor.sessionId)
            .execute();
        }
        await writeAudit(ctx, [{ action: 'logout', recordType: 'user', recordId: ctx.actor.userId, changes: {} }]);
      });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'The signed-in user and their effective permissions',
      response: { 200: z.object({ data: userShape.extend({ permissions: permissionsShape }) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const tenant = await inTenant(db, request, ({ trx }) =>
        trx.selectFrom('tenants').select('name').where('id', '=', actor.tenantId).executeTakeFirstOrThrow(),
      );
      return {
        data: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          role: actor.role,
          tenantId: actor.tenantId,
          tenantName: tenant.name,
          permissions: effectivePermissions(request.access!),
        },
      };
    },
  });
}
