import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { authenticateBearer, authenticateToken } from '../auth/authenticate.ts';
import { cookieSessionToken } from '../auth/web-session.ts';
import type { Actor, CommandContext, RequestMeta } from '../resources/context.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { loadAccess, type AccessContext } from '../access/access-context.ts';
import type { RouteAccess } from '../access/route-gate.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    access?: AccessContext;
  }
  interface FastifyContextConfig {
    /** Who may call the route; checked before the body is validated (see access/route-gate.ts). */
    access?: RouteAccess;
  }
}

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  requestId: String(request.id),
  ip: request.ip ?? null,
  userAgent: (request.headers['user-agent'] as string | undefined)?.slice(0, 500) ?? null,
  stepUpToken: typeof request.headers['x-step-up-token'] === 'string' ? request.headers['x-step-up-token'] : undefined,
});

/**
 * onRequest hook of every authenticated route: authentication runs before the body is parsed.
 * A bearer token (API clients) wins; else the web app's session cookie, with its CSRF check on
 * unsafe methods (auth/web-session.ts).
 */
export function authHook(db: Kysely<DB>) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const cookieToken = request.headers.authorization ? undefined : cookieSessionToken(request);
    const { actor, access } = cookieToken
      ? await authenticateToken(db, cookieToken, 'session')
      : await authenticateBearer(db, request.headers.authorization);
    request.actor = actor;
    request.access = access;
  };
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route is missing the auth hook');
  return request.actor;
}

/** Runs a handler body inside the actor's tenant transaction. */
export function inTenant<T>(
  db: Kysely<DB>,
  request: FastifyRequest,
  fn: (ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const actor = actorOf(request);
  return withTenant(db, actor.tenantId, async (trx) =>
    fn({ actor, meta: requestMeta(request), trx, access: request.access ?? (await loadAccess(trx, actor)) }),
  );
}
