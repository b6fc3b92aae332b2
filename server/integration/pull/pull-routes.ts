import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { writeAudit } from '../../audit/audit.ts';
import { fieldError } from '../../errors.ts';
import { errorResponses, idParams } from '../../http/common-schemas.ts';
import { authHook, inTenant } from '../../http/request-context.ts';
import { writeOutboxEvent } from '../../jobs/outbox.ts';
import { loadChannel } from '../channel-store.ts';
import { presentPullRun, pullRunSchema } from './pull-run-view.ts';
import { PULL_REQUESTED_TOPIC } from './pull-jobs.ts';

const access = { access: { anyOf: ['manageIntegrations' as const] } };

/** A pull channel's runs, and a run on request (through the outbox and the `intake.pull` queue). */
export function registerPullRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);

  r.get('/api/v1/channels/:id/runs', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags: ['Channels'],
      summary: "A pull channel's runs, newest first: pages, records taken, records without a cursor value, failures",
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ data: z.array(pullRunSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const channel = await loadChannel(trx, actor.tenantId, request.params.id);
        const rows = await trx
          .selectFrom('pull_runs')
          .selectAll()
          .where('tenant_id', '=', actor.tenantId)
          .where('channel_id', '=', channel.id)
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(request.query.limit)
          .execute();
        return { data: rows.map(presentPullRun) };
      }),
  });

  r.post('/api/v1/channels/:id/pull', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags: ['Channels'],
      summary: 'Run a pull channel now (queued; the run shows in GET /channels/{id}/runs)',
      params: idParams,
      response: { 202: z.object({ data: z.object({ queued: z.literal(true) }) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, async (ctx) => {
        const channel = await loadChannel(ctx.trx, ctx.actor.tenantId, request.params.id);
        if (channel.kind !== 'pull') throw fieldError('id', `a ${channel.kind} channel is not pulled`);
        await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, PULL_REQUESTED_TOPIC, { channelId: channel.id });
        await writeAudit(ctx, [{ action: 'pull', recordType: 'channel', recordId: channel.id, changes: {} }]);
      });
      return reply.status(202).send({ data: { queued: true as const } });
    },
  });
}
