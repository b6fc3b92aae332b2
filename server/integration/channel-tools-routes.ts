import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { authorize } from '../access/authorize.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { getResource } from '../resources/registry.ts';
import { loadChannel } from './channel-store.ts';
import { dryRunSamples } from './dry-run.ts';
import { loadProvenance } from './provenance.ts';
import { loadServiceIdentity } from './service-identity.ts';
import { contactFieldView, customerFieldView } from './caller-view.ts';

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const dryRunRecord = z.object({
  intakeId: z.string().nullable().describe('The stored payload this row replays; null for a given sample'),
  status: z.enum(['created', 'updated', 'unchanged', 'review', 'error']),
  recordId: z.string().nullable(),
  candidates: z.array(z.string()).optional(),
  fields: z.array(fieldChange),
  reason: z.string().nullable(),
  errors: z.array(z.string()),
  fieldErrors: z.array(z.object({ path: z.string(), message: z.string() })).describe('The fields at fault, if any'),
});

const provenanceEntry = z.object({
  source: z.enum(['channel', 'user']),
  channelId: z.string().nullable(),
  channelKey: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  intakeId: z.string().nullable(),
  at: z.string().describe("The value's own time (a channel's source time, else when it was written)"),
  setAt: z.string(),
});

/** Dry runs of a channel's mapping, and the provenance of customers' and contacts' fields. */
export function registerChannelToolRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);

  r.post('/api/v1/channels/:id/dry-run', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest: authenticate,
    schema: {
      tags: ['Channels'],
      summary:
        "Apply the channel's mapping, matching and merge policy to samples or its last N payloads; writes nothing",
      params: idParams,
      body: z.object({
        payloads: z.array(z.record(z.string(), z.unknown())).min(1).max(100).optional(),
        limit: z.number().int().min(1).max(100).default(10).describe('Without payloads: the last N received'),
      }),
      response: {
        200: z.object({ data: z.array(dryRunRecord), problems: z.array(z.string()) }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const channel = await loadChannel(ctx.trx, ctx.actor.tenantId, request.params.id);
        const samples = request.body.payloads
          ? request.body.payloads.map((payload) => ({ id: null, payload, received_at: new Date() }))
          : await ctx.trx
              .selectFrom('intake_records')
              .select(['id', 'payload', 'received_at'])
              .where('tenant_id', '=', ctx.actor.tenantId)
              .where('channel_id', '=', channel.id)
              .orderBy('received_at', 'desc')
              .limit(request.body.limit)
              .execute();
        const identity = await loadServiceIdentity(
          ctx.trx,
          ctx.actor.tenantId,
          channel.service_user_id,
          ctx.meta.requestId,
          channel.mapping,
        );
        const results = await dryRunSamples(
          ctx.trx,
          identity,
          channel,
          samples.map((sample) => ({ id: sample.id, payload: sample.payload, receivedAt: sample.received_at })),
          ctx.access,
        );
        const data = results.map((result, i) => ({ intakeId: samples[i]!.id, ...result }));
        return { data, problems: identity.problems };
      }),
  });

  /** Who last set each field of a record the caller may read, naming only fields they see. */
  const provenanceRoute = (path: 'customers' | 'contacts', recordType: 'customer' | 'contact') =>
    r.get(`/api/v1/${path}/:id/provenance`, {
      config: { access: { object: recordType, action: 'read' } },
      onRequest: authenticate,
      schema: {
        tags: [path === 'customers' ? 'Customers' : 'Contacts'],
        summary: `Who last set each field of a ${recordType}: a channel or a person, and when`,
        params: idParams,
        response: { 200: z.object({ data: z.record(z.string(), provenanceEntry) }), ...errorResponses },
      },
      handler: (request) =>
        inTenant(db, request, async ({ trx, access, actor }) => {
          await authorize(trx, access, getResource(path), 'read', { id: request.params.id });
          const setters = await loadProvenance(trx, actor.tenantId, request.params.id, recordType);
          const view = recordType === 'customer' ? customerFieldView(access) : contactFieldView(access);
          return {
            data: Object.fromEntries(
              [...setters.values()]
                .filter((s) => view(s.field) !== 'hidden')
                .map((s) => [
                  s.field,
                  {
                    source: s.source,
                    channelId: s.channelId,
                    channelKey: s.channelKey ?? null,
                    userId: s.userId,
                    userName: s.userName,
                    intakeId: s.intakeId,
                    at: s.at.toISOString(),
                    setAt: s.setAt.toISOString(),
                  },
                ]),
            ),
          };
        }),
    });
  provenanceRoute('customers', 'customer');
  provenanceRoute('contacts', 'contact');
}
