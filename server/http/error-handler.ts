import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.ts';
import { fromDatabaseError } from './database-errors.ts';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const body = (code: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({
  error: { code, message, details },
});

/**
 * Errors the router raises before any route runs (a malformed percent-encoding, a path
 * parameter over the length limit), in the same error shape as everything else.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a path parameter is too long to name any record'
      : 'the URL is not valid (malformed percent-encoding)';
  return reply.status(400).send(body('VALIDATION_FAILED', message, { fields: [{ path: 'params', message }] }));
}

export interface ErrorHandlerOptions {
  /** Answers a client-side route of the built web app with the app's page (absent: no web app). */
  webAppPage?: (reply: FastifyReply, request: FastifyRequest) => FastifyReply | Promise<FastifyReply>;
}

/** The one place where anything thrown becomes `{error:{code,message,details}}`. */
export function installErrorHandler(app: FastifyInstance, { webAppPage: page }: ErrorHandlerOptions = {}) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const pathOf = (segments: string[]) =>
        where === 'body'
          ? segments.join('.') || 'body'
          : [where === 'querystring' ? 'query' : where, ...segments].join('.');
      const fields: FieldIssue[] = error.validation.flatMap((issue) => {
        const inner = issue.instancePath.split('/').filter(Boolean);
        // an unknown key is named itself, one issue per key
        const unknown = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : undefined;
        if (unknown?.length)
          return unknown.map((key) => ({
            path: pathOf([...inner, key]),
            message: 'is not a known field; nothing was saved',
          }));
        return [{ path: pathOf(inner), message: issue.message ?? 'invalid' }];
      });
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields }));
    }
    const mapped = error instanceof AppError ? error : fromDatabaseError(error);
    if (mapped && !(error instanceof AppError) && process.env.CAIRN_DEBUG_DB_ERRORS) console.error(error);
    if (mapped?.code === 'DATABASE_UNAVAILABLE') {
      request.log.warn({ err: { message: error.message, code: (error as { code?: unknown }).code } }, mapped.message);
      reply.header('retry-after', '5');
    }
    const retryAfter = mapped?.code === 'RATE_LIMITED' ? mapped.details.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    if (mapped) return reply.status(mapped.status).send(body(mapped.code, mapped.message, mapped.details));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'internal error'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE')
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE', error.message));
      return reply
        .status(413)
        .send(body('PAYLOAD_TOO_LARGE', 'request body is too large', { limitBytes: app.initialConfig.bodyLimit }));
    }
    if (status === 415) return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', error.message));
    if (status === 429) return reply.status(429).send(body('RATE_LIMITED', 'too many requests, slow down'));
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'internal error'));
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    // A client-side route of the web app (not the API, not a file) gets the app's page.
    if (page && request.method === 'GET' && !url.startsWith('/api/') && !/\.[^/]*$/.test(url))
      return page(reply, request);
    return reply.status(404).send(body('NOT_FOUND', `no route ${request.method} ${url}`));
  });
}
