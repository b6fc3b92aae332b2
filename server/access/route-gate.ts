import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { grantsFor, hasSystem } from './access-context.ts';
import type { AccessAction, AccessObject, SystemPermission } from './model.ts';

/**
 * What a route needs before anything else happens:
 * - `{object, action}`: some grant of that action on that object (the data scope is checked
 *   per record or compiled into the list query later);
 * - `{anyOf: [...]}`: one of several system permissions;
 * - `'signedIn'`: any authenticated user (the handler narrows, e.g. to one's own records);
 * - `'public'`: no authentication (health, sign-in).
 * Every /api/v1 route declares one; a test walks the route table to make sure of it.
 */
export type RouteAccess =
  { object: AccessObject; action: AccessAction } | { anyOf: SystemPermission[] } | 'signedIn' | 'public';

export function routeAccess(request: FastifyRequest): RouteAccess | undefined {
  return (request.routeOptions.config as { access?: RouteAccess } | undefined)?.access;
}

/** Denies a missing function permission before the body is parsed into a command. */
export function installRouteGate(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const required = routeAccess(request);
    const access = request.access;
    if (!required || required === 'public' || required === 'signedIn' || !access) return;
    if ('anyOf' in required) {
      if (required.anyOf.some((p) => hasSystem(access, p))) return;
      throw new AppError('MISSING_GRANT', `this needs the ${required.anyOf.join(' or ')} permission`, {
        missing: required.anyOf.join('|'),
      });
    }
    if (grantsFor(access, required.object, required.action).length > 0) return;
    throw new AppError(
      'MISSING_GRANT',
      `you have no ${required.action} permission on ${required.object} records (${required.object}.${required.action})`,
      {
        missing: `${required.object}.${required.action}`,
      },
    );
  });
}
