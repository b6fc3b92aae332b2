import type { FastifyInstance, FastifyRequest } from 'fastify';
import semver from 'semver';
import { CLIENT_VERSION_HEADER, isClientVersion, MIN_CLIENT_HEADER } from '../../common/client-version.ts';
import { AppError, fieldError } from '../errors.ts';

/** The oldest version that may call: the deployment's floor, raised by the signed-in company's setting. */
function minimumFor(request: FastifyRequest, floor: string): string {
  const company = request.access?.settings.minClientVersion;
  return company && isClientVersion(company) && semver.gt(company, floor) ? company : floor;
}

/**
 * Every API answer carries `x-min-client`; a request whose `x-cairn-client` is older is refused
 * with 426 before its body is validated. A request without the header (API clients, scripts) is
 * not a versioned app and passes.
 */
export function installClientVersionCheck(app: FastifyInstance, floor: string) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header(MIN_CLIENT_HEADER, floor);
  });
  app.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const minimum = minimumFor(request, floor);
    reply.header(MIN_CLIENT_HEADER, minimum);
    const sent = request.headers[CLIENT_VERSION_HEADER];
    if (sent === undefined) return;
    if (typeof sent !== 'string' || !isClientVersion(sent.trim()))
      throw fieldError(`headers.${CLIENT_VERSION_HEADER}`, 'must be the app version, like 2.3.0');
    if (semver.lt(sent.trim(), minimum))
      throw new AppError(
        'CLIENT_UPGRADE_REQUIRED',
        `this app version (${sent.trim()}) is no longer supported; update to ${minimum} or later`,
        { clientVersion: sent.trim(), minClientVersion: minimum },
      );
  });
}
