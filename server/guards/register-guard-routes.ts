import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../http/app.ts';

/** Routes of the risky-operation guards: step-up, approvals, export, amendments, batch delete, merge. */
export function registerGuardRoutes(_app: FastifyInstance, _services: AppServices) {}
