import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { authenticateBearer, authenticateInTransaction, authenticateToken } from '../auth/authenticate.ts';
import type { RequestTransaction } from '../db/request-transaction.ts';
import { unauthenticated } from '../errors.ts';
import { cookieSessionToken } from '../auth/web-session.ts';
import type { Actor, CommandContext, RequestMeta } from '../resources/context.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { loadAccess, type AccessContext } from '../access/access-context.ts';
import type { RouteAccess } from '../access/route-gate.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    access?: AccessContext;
    /** The request's transaction when its authentication opened one for the handler (`heldAuthHook`). */
    transaction?: RequestTransaction;
  }
  interface FastifyContextConfig {
    /** Who may call the route; checked before the body is validated (see access/route-gate.ts). */
    access?: RouteAccess;
    /** A write that authenticates once its body has arrived, in the transaction its handler joins (`installAuthAfterBody`). */
    authAfterBody?: boolean;
  }
}

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  requestId: String(request.id),
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
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

/**
 * onRequest hook of routes without a body whose handler runs in `inTenant`: the session lookup
 * opens the request's transaction and the handler's statements join it, so a request costs one
 * transaction. It is finished before the answer is sent; the route needs `heldTransactionHooks`
 * too, which finish it on errors, aborts and answers that never used it.
 */
export function heldAuthHook(db: Kysely<DB>) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const cookieToken = request.headers.authorization ? undefined : cookieSessionToken(request);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!cookieToken && !bearer) throw unauthenticated('send Authorization: Bearer <token>');
    const { actor, access, transaction } = cookieToken
      ? await authenticateInTransaction(db, cookieToken, 'session')
      : await authenticateInTransaction(db, bearer![1]!);
    request.actor = actor;
    request.access = access;
    request.transaction = transaction;
  };
}

/**
 * Writes whose route sets `authAfterBody`: a request without credentials is refused at once; the
 * session lookup then waits until the body has arrived (a slow upload never holds a database
 * connection) and opens the request's transaction, which the handler joins: one transaction per
 * write instead of one for the lookup and one for the command. Registered before the route gate
 * and the client-version check, which read the access it loads. Such routes also need
 * `heldTransactionHooks`.
 */
export function installAuthAfterBody(app: FastifyInstance, db: Kysely<DB>) {
  const authenticate = heldAuthHook(db);
  const marked = (request: FastifyRequest) => request.routeOptions.config?.authAfterBody === true;
  app.addHook('onRequest', async (request) => {
    if (!marked(request) || /^Bearer\s+\S+$/i.test(request.headers.authorization ?? '')) return;
    if (!cookieSessionToken(request)) throw unauthenticated('send Authorization: Bearer <token>');
  });
  app.addHook('preValidation', async (request, reply) => {
    if (marked(request)) await authenticate(request, reply);
  });
}

/**
 * Finishes a request's held transaction. A read (GET, HEAD) does not wait for it: its routes
 * change nothing whose commit the caller could observe (an API key's last-used time at most),
 * so the answer goes out while the `commit` of its read-only work travels, one round trip less
 * per read. A failed commit is logged. A write waits: its answer must follow its commit.
 */
function finishHeld(request: FastifyRequest, held: RequestTransaction, commitIt: boolean): Promise<void> {
  const finishing = held.finish(commitIt);
  if (request.method !== 'GET' && request.method !== 'HEAD') return finishing;
  finishing.catch((error: unknown) => request.log.warn({ err: error }, 'ending a read transaction failed'));
  return Promise.resolve();
}

/** Finishes a held request transaction the handler did not: before an answer is sent, and on an abort. */
export const heldTransactionHooks = {
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.transaction) await finishHeld(request, request.transaction, reply.statusCode < 400);
    return payload;
  },
  onRequestAbort: async (request: FastifyRequest) => {
    if (request.transaction && !request.transaction.busy) await request.transaction.finish(false);
  },
  onResponse: async (request: FastifyRequest) => {
    await request.transaction?.finish(false);
  },
};

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
  const held = request.transaction;
  if (held?.open && held.db === db) return inHeldTransaction(held, request, actor, fn);
  return withTenant(db, actor.tenantId, async (trx) =>
    fn({ actor, meta: requestMeta(request), trx, access: request.access ?? (await loadAccess(trx, actor)) }),
  );
}

/** Runs `fn` in the transaction the authentication opened, and commits (or rolls back) it. */
async function inHeldTransaction<T>(
  held: RequestTransaction,
  request: FastifyRequest,
  actor: Actor,
  fn: (ctx: CommandContext) => Promise<T>,
): Promise<T> {
  held.busy = true;
  try {
    let result: T;
    try {
      const access = request.access ?? (await loadAccess(held.trx, actor));
      result = await fn({ actor, meta: requestMeta(request), trx: held.trx, access });
    } catch (error) {
      await finishHeld(request, held, false);
      throw error;
    }
    await finishHeld(request, held, true);
    return result;
  } finally {
    held.busy = false;
  }
}
