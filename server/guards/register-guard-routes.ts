import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../http/app.ts';
import { registerAmendmentRoutes } from './amendment-routes.ts';
import { registerApprovalRoutes } from './approval-routes.ts';
import { registerBulkRoutes } from './bulk-routes.ts';
import { registerExportRoutes } from './export-routes.ts';
import { auditRiskyDenials } from './guard-denials.ts';
import { smsSenderFromEnv } from './sms-sender.ts';
import { registerStepUpRoutes } from './step-up-routes.ts';

/** Routes of the risky-operation guards: step-up, approvals, export, amendments, batch delete, merge. */
export function registerGuardRoutes(app: FastifyInstance, services: AppServices) {
  auditRiskyDenials(app, services.database.db);
  registerStepUpRoutes(app, services, smsSenderFromEnv(process.env, app.log));
  registerBulkRoutes(app, services);
  registerApprovalRoutes(app, services);
  registerExportRoutes(app, services);
  registerAmendmentRoutes(app, services);
}
