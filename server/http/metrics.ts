import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const duration = new client.Histogram({
  name: 'cairn_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the separate metrics listener (CAIRN_METRICS_PORT) listens, if it does. */
    metricsAddress?: AddressInfo;
  }
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Prometheus metrics are not public. With CAIRN_METRICS_TOKEN, `/metrics` on the main port
 * answers `Authorization: Bearer <token>`; with CAIRN_METRICS_PORT it is served on a listener
 * of its own (CAIRN_METRICS_HOST, default 127.0.0.1). Otherwise `/metrics` is 404.
 */
export async function registerMetrics(app: FastifyInstance, metrics: Config['metrics']) {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.labels(request.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
  });
  const { token } = metrics;
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    // a route of its own even when off, so the web app's page never answers for it
    if (!token) throw new AppError('NOT_FOUND', 'no route GET /metrics');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameToken(match[1]!, token))
      throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <CAIRN_METRICS_TOKEN>');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  if (metrics.port !== undefined) {
    const server = await startMetricsListener(metrics.port, metrics.host);
    app.decorate('metricsAddress', server.address() as AddressInfo);
    app.addHook('onClose', () => new Promise<void>((resolve) => server.close(() => resolve())));
  }
}

function startMetricsListener(port: number, host: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
