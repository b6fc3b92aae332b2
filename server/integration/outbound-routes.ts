import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { cursorKeyOf, openCursor, sealCursor } from '../resources/cursor.ts';
import type { SortSpec } from '../resources/list-query.ts';
import { loadChannel } from './channel-store.ts';

const access = { access: { anyOf: ['manageIntegrations' as const] } };

const deliveryLogSchema = z
  .object({
    id: z.string(),
    deliveryId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    attempt: z.number().describe('1 for the first attempt'),
    responseCode: z.number().nullable().describe('null when no answer came (timeout, refused connection)'),
    durationMs: z.number(),
    error: z.string().nullable(),
    outcome: z.enum(['delivered', 'retry', 'dead']),
    at: z.string(),
  })
  .meta({ id: 'OutboundDeliveryAttempt' });

/** Newest first; the sealed cursor pattern of the record lists (resources/cursor.ts). */
const newestFirst: SortSpec = {
  target: { name: 'at', expr: sql`created_at`, kind: 'timestamp', required: true },
  direction: 'desc',
};

export function registerOutboundRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);

  r.get('/api/v1/channels/:id/deliveries', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags: ['Channels'],
      summary: "An outbound channel's delivery log: every attempt with its response code and duration, newest first",
      params: idParams,
      querystring: z.object({
        eventId: z.uuid().optional().describe('Only the attempts of one event'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(2000).optional().describe('Opaque cursor from nextCursor'),
      }),
      response: {
        200: z.object({ data: z.array(deliveryLogSchema), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access: context }) => {
        const channel = await loadChannel(trx, actor.tenantId, request.params.id);
        const { limit, cursor, eventId } = request.query;
        const key = await cursorKeyOf(trx, context);
        const after = cursor ? openCursor(key, newestFirst, cursor) : undefined;
        const rows = await trx
          .selectFrom('outbound_delivery_log as l')
          .innerJoin('outbound_deliveries as d', (j) =>
            j.onRef('d.tenant_id', '=', 'l.tenant_id').onRef('d.id', '=', 'l.delivery_id'),
          )
          .select(['l.id', 'l.delivery_id', 'l.event_id', 'd.event_type', 'l.attempt', 'l.response_code'])
          .select(['l.duration_ms', 'l.error', 'l.outcome', 'l.created_at'])
          .where('l.tenant_id', '=', actor.tenantId)
          .where('l.channel_id', '=', channel.id)
          .$if(Boolean(eventId), (q) => q.where('l.event_id', '=', eventId!))
          .$if(Boolean(after), (q) =>
            q.where(sql`(l.created_at, l.id)`, '<', sql`(${String(after!.v)}::timestamptz, ${after!.id}::uuid)`),
          )
          .orderBy('l.created_at', 'desc')
          .orderBy('l.id', 'desc')
          .limit(limit + 1)
          .execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          data: page.map((l) => ({
            id: l.id,
            deliveryId: l.delivery_id,
            eventId: l.event_id,
            eventType: l.event_type,
            attempt: l.attempt,
            responseCode: l.response_code,
            durationMs: l.duration_ms,
            error: l.error,
            outcome: l.outcome as 'delivered' | 'retry' | 'dead',
            at: l.created_at.toISOString(),
          })),
          nextCursor:
            rows.length > limit && last ? sealCursor(key, newestFirst, { v: last.created_at, id: last.id }) : null,
        };
      }),
  });
}
