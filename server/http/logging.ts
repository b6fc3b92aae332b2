import type { FastifyServerOptions } from 'fastify';

/** Strips query strings (they can carry phone numbers or names) and never logs credentials. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-step-up-token"]',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers["x-cairn-device"]',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
    },
  };
}
