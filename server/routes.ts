import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppServices } from './services.ts';
import { registerApiKeyRoutes } from './auth/api-key-routes.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerAuditRoutes } from './audit/audit-routes.ts';
import { registerRecycleBinRoutes } from './recycle-bin/recycle-bin-routes.ts';
import { registerAttachmentRoutes } from './domains/attachments/attachment-routes.ts';
import { registerTenantSettingsRoutes } from './domains/tenants/tenant-settings-routes.ts';
import { registerAmendmentRoutes } from './amendments/amendment-routes.ts';
import { registerApprovalRoutes } from './approvals/approval-routes.ts';
import { auditRiskyDenials } from './audit/denial-audit.ts';
import { registerBatchDeleteRoutes } from './batch-delete/batch-delete-routes.ts';
import { registerExportRoutes } from './exports/export-routes.ts';
import { registerMergeRoutes } from './merge/merge-routes.ts';
import { smsSenderFromEnv } from './step-up/sms-sender.ts';
import { registerStepUpRoutes } from './step-up/step-up-routes.ts';
import { registerAccessAdminRoutes } from './access-admin/register-access-admin-routes.ts';
import { registerIntegrationRoutes } from './integration/register-integration-routes.ts';
import { registerAssignmentRoutes } from './assignment/assignment-routes.ts';
import { registerConsistencyRoutes } from './consistency/consistency-routes.ts';
import { registerReportingRoutes } from './reports/register-reporting-routes.ts';
import { registerClientErrorRoutes } from './client-telemetry/client-error-routes.ts';
import { registerSyncBatchRoutes } from './offline-sync/sync-batch-routes.ts';
import { registerLicenceOcrRoutes } from './licence-ocr/licence-ocr-routes.ts';
import { registerWorkflowRoutes } from './workflows/workflow-routes.ts';
import { registerCallRoutes } from './calls/call-routes.ts';
import { registerTodoRoutes } from './workflows/todo-routes.ts';
import { registerSmartButtonRoutes } from './smart-buttons/smart-button-routes.ts';
import { registerTranscriptRoutes } from './transcripts/transcript-routes.ts';
import { registerWecomSidebarRoutes } from './wecom/sidebar-routes.ts';
import { registerFollowupTemplateRoutes } from './domains/followup-templates/followup-template-routes.ts';
import { registerWecomExternalContactRoutes } from './wecom/external-contact-routes.ts';

const replicaHealth = z.object({
  ok: z.boolean(),
  lagBytes: z.number().nullable().describe('WAL bytes written on the primary and not yet replayed on the replica'),
  lagSeconds: z.number().nullable().describe('Seconds since the newest replayed transaction; 0 when caught up'),
  detail: z.string().optional(),
});

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
          replica: replicaHealth.optional(),
        }),
        503: z.object({
          status: z.literal('down'),
          version: z.string(),
          database: z.object({ ok: z.boolean(), kind: z.string() }),
          queue: z.object({ ok: z.boolean(), detail: z.string().optional() }),
          replica: replicaHealth.optional(),
        }),
      },
    },
    handler: async (_request, reply) => {
      // answers within 2 s even when the database accepts connections but never replies
      const database = { ok: await services.database.ping(1500), kind: services.database.kind };
      const queue = services.queueHealth
        ? await services.queueHealth().catch((e: Error) => ({ ok: false, detail: e.message }))
        : { ok: false, detail: 'jobs are disabled on this instance' };
      if (!database.ok)
        return reply.status(503).send({ status: 'down' as const, version: services.version, database, queue });
      const replica = services.replica && (await services.replica.status(db));
      const healthy = queue.ok && (replica?.ok ?? true);
      return {
        status: healthy ? ('ok' as const) : ('degraded' as const),
        version: services.version,
        database,
        queue,
        replica,
      };
    },
  });
  registerAuthRoutes(app, services);
  registerApiKeyRoutes(app, db);
  registerAuditRoutes(app, db);
  registerRecycleBinRoutes(app, db);
  registerClientErrorRoutes(app, db);
  registerSyncBatchRoutes(app, db);
  registerLicenceOcrRoutes(app, services, db);
  registerAttachmentRoutes(app, services);
  registerTenantSettingsRoutes(app, db);
  // risky operations: a 403 any of them answers is audited as its denial
  auditRiskyDenials(app, db);
  registerStepUpRoutes(app, services, smsSenderFromEnv(process.env, app.log));
  registerBatchDeleteRoutes(app, services);
  registerMergeRoutes(app, services);
  registerApprovalRoutes(app, services);
  registerExportRoutes(app, services);
  registerAmendmentRoutes(app, services);
  registerAccessAdminRoutes(app, services);
  registerIntegrationRoutes(app, services);
  registerAssignmentRoutes(app, services);
  registerConsistencyRoutes(app, services);
  registerReportingRoutes(app, services);
  registerWorkflowRoutes(app, services);
  registerCallRoutes(app, services);
  registerTodoRoutes(app, services);
  registerSmartButtonRoutes(app, services);
  registerTranscriptRoutes(app, services);
  registerWecomSidebarRoutes(app, services);
  registerFollowupTemplateRoutes(app, services);
  registerWecomExternalContactRoutes(app, services);
}
