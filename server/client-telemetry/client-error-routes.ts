import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { browserOf, clientErrorBody, groupLine, reporterKey, scrubMessage, scrubRoute } from './client-error-report.ts';

/** Reports one session may send a minute, and one company a minute (a client stuck in a loop). */
export const PER_REPORTER_PER_MINUTE = 30;
export const PER_COMPANY_PER_MINUTE = 600;

const groupSchema = z
  .object({
    line: z.string().describe('Browser · error · screen, the way support reads it'),
    browser: z.string(),
    os: z.string(),
    errorName: z.string(),
    screen: z.string().nullable(),
    route: z.string(),
    kinds: z.array(z.string()),
    appVersions: z.array(z.string()),
    count: z.number(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    sampleMessage: z.string(),
  })
  .meta({ id: 'ClientErrorGroup' });

const limited = (what: string) =>
  new AppError('RATE_LIMITED', `too many error reports from ${what}; try again in a minute`, {
    retryAfterSeconds: 60,
  });

export function registerClientErrorRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Client errors'];

  r.post('/api/v1/client-errors', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Report an uncaught error or a failed save from the app (rate-limited; no personal data is kept)',
      body: clientErrorBody,
      response: { 202: z.object({ data: z.object({ accepted: z.literal(true) }) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, async ({ trx, actor }) => {
        const key = reporterKey(actor.sessionId ?? actor.apiKeyId ?? actor.userId);
        const { rows } = await sql<{ mine: string; all: string }>`
          select count(*) filter (where reporter_key = ${key}) as mine, count(*) as all
          from client_errors where tenant_id = ${actor.tenantId} and received_at > now() - interval '1 minute'`.execute(
          trx,
        );
        if (Number(rows[0]!.mine) >= PER_REPORTER_PER_MINUTE) throw limited('this session');
        if (Number(rows[0]!.all) >= PER_COMPANY_PER_MINUTE) throw limited('this company');
        const body = request.body;
        const { browser, os } = browserOf(request.headers['user-agent']);
        await trx
          .insertInto('client_errors')
          .values({
            tenant_id: actor.tenantId,
            id: newId(),
            reporter_key: key,
            kind: body.kind,
            error_name: body.errorName,
            message: scrubMessage(body.message),
            browser,
            os,
            app_version: body.appVersion,
            route: scrubRoute(body.route),
            screen: body.screen || null,
            occurred_at: body.occurredAt ? new Date(body.occurredAt) : new Date(),
          })
          .execute();
      });
      // answered after the commit: a report acknowledged is a report stored
      return reply.status(202).send({ data: { accepted: true as const } });
    },
  });

  r.get('/api/v1/client-errors/groups', {
    config: { access: { anyOf: ['viewAudit'] } },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Client errors grouped by browser, error and screen (support and administrators)',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }).strict(),
      response: { 200: z.object({ data: z.array(groupSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const { rows } = await sql<{
          browser: string;
          os: string;
          error_name: string;
          screen: string | null;
          route: string;
          kinds: string[];
          app_versions: string[];
          count: string;
          first_seen: Date;
          last_seen: Date;
          sample_message: string;
        }>`
          select browser, min(os) as os, error_name, screen, min(route) as route,
                 array_agg(distinct kind order by kind) as kinds,
                 array_agg(distinct app_version order by app_version) as app_versions,
                 count(*) as count, min(occurred_at) as first_seen, max(occurred_at) as last_seen,
                 (array_agg(message order by received_at desc))[1] as sample_message
          from client_errors
          where tenant_id = ${actor.tenantId} and received_at > now() - make_interval(days => ${request.query.days})
          group by browser, error_name, screen, case when screen is null then route end
          order by count(*) desc, max(occurred_at) desc
          limit 200`.execute(trx);
        return {
          data: rows.map((g) => ({
            line: groupLine({ browser: g.browser, errorName: g.error_name, screen: g.screen, route: g.route }),
            browser: g.browser,
            os: g.os,
            errorName: g.error_name,
            screen: g.screen,
            route: g.route,
            kinds: g.kinds,
            appVersions: g.app_versions,
            count: Number(g.count),
            firstSeen: new Date(g.first_seen).toISOString(),
            lastSeen: new Date(g.last_seen).toISOString(),
            sampleMessage: g.sample_message,
          })),
        };
      }),
  });
}
