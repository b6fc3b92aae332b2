import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppServices } from './http/app.ts';
import { registerApiKeyRoutes } from './auth/api-key-routes.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerAuditRoutes } from './core/audit-routes.ts';
import { registerRecycleBinRoutes } from './core/recycle-bin-routes.ts';
import { registerAttachmentRoutes } from './domains/attachments/attachment-routes.ts';
import { registerTenantSettingsRoutes } from './domains/tenants/tenant-settings-routes.ts';
import { registerGuardRoutes } from './guards/register-guard-routes.ts';
import { registerAccessAdminRoutes } from './access-admin/register-access-admin-routes.ts';

/** Routes beyond the generic resource set. */
export async function registerRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['System'],
      summary: 'Database, queue and version',
      security: [],
      response: {
        200: z.object({
          status: z.enum(['ok', 'degraded']),
          version: z.string(),
          database: z.object({ ok: z.boolean(), kind: z.string() }),
          queue: z.object({ ok: z.boolean(), detail: z.string().optional() }),
        }),
        503: z.object({
          status: z.literal('down'),
          version: z.string(),
          database: z.object({ ok: z.boolean(), kind: z.string() }),
          queue: z.object({ ok: z.boolean(), detail: z.string().optional() }),
        }),
      },
    },
    handler: async (_request, reply) => {
      const database = { ok: true, kind: services.database.kind };
      try {
        await sql`select 1`.execute(db);
      } catch {
        database.ok = false;
      }
      const queue = services.queueHealth
        ? await services.queueHealth().catch((e: Error) => ({ ok: false, detail: e.message }))
        : { ok: false, detail: 'jobs are disabled on this instance' };
      if (!database.ok)
        return reply.status(503).send({ status: 'down' as const, version: services.version, database, queue });
      return { status: queue.ok ? ('ok' as const) : ('degraded' as const), version: services.version, database, queue };
    },
  });
  registerAuthRoutes(app, services);
  registerApiKeyRoutes(app, db);
  registerAuditRoutes(app, db);
  registerRecycleBinRoutes(app, db);
  registerAttachmentRoutes(app, services);
  registerTenantSettingsRoutes(app, db);
  registerGuardRoutes(app, services);
  registerAccessAdminRoutes(app, services);
}
