import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../services.ts';
import { registerChannelRoutes } from './channel-routes.ts';
import { registerIntakeRoutes } from './intake-routes.ts';
import { registerDeadLetterRoutes } from './dead-letter-routes.ts';
import { registerChannelToolRoutes } from './channel-tools-routes.ts';
import { registerOutboundRoutes } from './outbound-routes.ts';
import { registerPullRoutes } from './pull/pull-routes.ts';
import { registerImportRoutes } from './imports/import-routes.ts';

/** The integration center's routes: channels, intake, pulls, imports, dead letters, review queue, provenance. */
export function registerIntegrationRoutes(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  registerChannelRoutes(app, db);
  registerIntakeRoutes(app, db);
  registerDeadLetterRoutes(app, db);
  registerChannelToolRoutes(app, db);
  registerOutboundRoutes(app, db);
  registerPullRoutes(app, db);
  registerImportRoutes(app, services);
}
