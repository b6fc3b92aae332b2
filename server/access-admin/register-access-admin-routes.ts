import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../http/app.ts';

/** Roles, user roles, matrix, inheritance audit, explain and simulate. */
export function registerAccessAdminRoutes(_app: FastifyInstance, _services: AppServices) {}
