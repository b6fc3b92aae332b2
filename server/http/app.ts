import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import compress from '@fastify/compress';
import { responseSerializerCompiler } from './response-serializer.ts';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { newId } from '../../common/ids.ts';
import { useReplica } from '../db/replica.ts';
import type { AppServices } from '../services.ts';
import { allResources } from '../resources/registry.ts';
import { registerResourceRoutes } from '../resources/resource-routes.ts';
import { frameworkErrors, installErrorHandler } from './error-handler.ts';
import { installRouteGate, type RouteAccess } from '../access/route-gate.ts';
import { installTextGuard } from './text-guard.ts';
import { installClientVersionCheck } from './client-version.ts';
import { installAuthAfterBody } from './request-context.ts';
import { loggerOptions } from './logging.ts';
import { registerMetrics } from './metrics.ts';
import { installSecurityHeaders, webAppScriptHashes } from './security-headers.ts';
import cookie from '@fastify/cookie';
import { registerRoutes } from '../routes.ts';
import { webAppPage } from '../first-paint/first-paint-page.ts';
import '../domains/register-all.ts';

export const API_VERSION = '0.1.0';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A client's X-Request-Id is kept (logs, audit) only if short and plain; else the server's own id. */
export function requestIdFrom(given: string | string[] | undefined): string {
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : newId();
}

/** Every registered route with its declared access (the generated authorization test walks it). */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function buildApp(
  services: AppServices,
  options: { logger?: boolean; webRoot?: string } = {},
): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    // X-Forwarded-For is believed only from the proxies in CAIRN_TRUST_PROXY; else request.ip is the peer
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    ajv: undefined,
    frameworkErrors,
  });
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routeTable.push({
        method: String(method),
        url: route.url,
        access: (route.config as { access?: RouteAccess } | undefined)?.access,
      });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ checked: process.env.NODE_ENV === 'test' }));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const webRoot = options.webRoot ?? builtWebApp();
  // Client-side routes get index.html from the not-found handler, not from a `/*` route: a
  // catch-all route would also swallow the router's own errors (an overlong path parameter).
  installErrorHandler(app, {
    webAppPage: webRoot ? webAppPage(services.database.db, webRoot) : undefined,
  });
  await app.register(cookie);
  installSecurityHeaders(app, {
    frameAncestors: config.frameAncestors,
    scriptHashes: webAppScriptHashes(webRoot),
  });
  if (services.replica) useReplica(app, services.database.db, services.replica);

  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cairn CRM API',
        version: services.version,
        description:
          'REST API of Cairn. Send `Authorization: Bearer <token>` from POST /api/v1/auth/login, or an API key.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuthAfterBody(app, services.database.db);
  installClientVersionCheck(app, config.minClientVersion);
  installRouteGate(app);
  installTextGuard(app);
  await registerMetrics(app, config.metrics);
  await registerRoutes(app, services);
  for (const spec of allResources()) registerResourceRoutes(app, services.database.db, spec);
  await serveWebApp(app, webRoot);
  return app;
}

/** The built web app's folder, or undefined when it is not built. */
function builtWebApp(): string | undefined {
  const root = path.resolve('dist/web');
  return fs.existsSync(path.join(root, 'index.html')) ? root : undefined;
}

/** Serves the built web app at `/` (its client-side routes come from the not-found handler). */
async function serveWebApp(app: FastifyInstance, root: string | undefined) {
  if (!root) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><p>Cairn API is running. The web app is not built: run <code>npm run build:web</code>. API docs: <a href="/api/docs">/api/docs</a></p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // hashed build assets never change; the shell (index.html, service worker) is revalidated
    setHeaders: (res, file) => {
      res.setHeader(
        'cache-control',
        /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
