import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../services.ts';
import { registerDefinitionRoutes } from './definition-routes.ts';
import { registerFxRoutes } from './fx-routes.ts';
import { registerReportRoutes } from './report-routes.ts';
import { registerSnapshotRoutes } from './snapshot-routes.ts';

/** Issue 11: metric definitions, exchange rates, reports and sealed snapshots. */
export function registerReportingRoutes(app: FastifyInstance, services: AppServices) {
  registerDefinitionRoutes(app, services);
  registerFxRoutes(app, services);
  registerReportRoutes(app, services);
  registerSnapshotRoutes(app, services);
}
