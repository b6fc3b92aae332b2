import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeAudit } from './audit.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';
import { requestMeta } from '../http/request-context.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The risky operation a route performs: any 403 it answers (route gate included) is audited as its denial. */
    riskyOperation?: string;
  }
}

/**
 * Marks an error as the denial of a risky operation (`details.operation` names it, e.g.
 * `attachment.delete`). Such denials are audited even though the request's own transaction
 * rolls back: see `auditRiskyDenials`.
 */
export function riskyDenial(error: AppError, operation: string, more: Record<string, unknown> = {}): AppError {
  return error.withDetails({ ...more, operation });
}

export const isRiskyDenial = (error: unknown): error is AppError & { details: { operation: string } } =>
  error instanceof AppError && typeof error.details.operation === 'string' && error.status >= 400 && error.status < 500;

const target = (details: Record<string, unknown>) => {
  for (const key of ['id', 'contractId', 'recordId', 'approvalId'])
    if (typeof details[key] === 'string') return details[key];
  return null;
};

/**
 * Writes an audit row for every denied risky operation (`risky.denied` on the user), in a
 * transaction of its own — the request's transaction is rolled back with the error.
 */
export function auditRiskyDenials(app: FastifyInstance, db: Kysely<DB>) {
  app.addHook('onError', async (request, _reply, error) => {
    const actor = request.actor;
    const routeOperation = (request.routeOptions.config as { riskyOperation?: string } | undefined)?.riskyOperation;
    const operation = isRiskyDenial(error)
      ? error.details.operation
      : error instanceof AppError && error.status === 403
        ? routeOperation
        : undefined;
    if (!actor || !operation || !(error instanceof AppError)) return;
    // a transaction held by the request ends with the error before another one starts
    await request.transaction?.finish(false);
    try {
      await withTenant(db, actor.tenantId, (trx) =>
        writeAudit({ actor, meta: requestMeta(request), trx }, [
          {
            action: 'risky.denied',
            recordType: 'user',
            recordId: actor.userId,
            changes: {
              operation: { before: null, after: operation },
              code: { before: null, after: error.code },
              target: { before: null, after: target(error.details) },
              route: {
                before: null,
                after: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
              },
            },
          },
        ]),
      );
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not audit a denied risky operation');
    }
  });
}
