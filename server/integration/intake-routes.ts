import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { DB } from '../db/schema.ts';
import { asSystem } from '../db/tenant-transaction.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { AppError, fieldError, notFound, unauthenticated } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { hashSecret } from '../auth/tokens.ts';
import { openSecret, secretMatches, verifySignature } from './channel-secrets.ts';
import { idempotencyKeyOf } from './intake-keys.ts';
import { INTAKE_TOPIC } from './intake-process.ts';
import { wakeOutboxDispatchers } from '../jobs/outbox.ts';

const tags = ['Intake'];
const SECRET_HEADER = 'x-cairn-channel-secret';
const SIGNATURE_HEADER = 'x-cairn-signature';

export const intakeStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'created', 'updated', 'unchanged', 'review', 'dead']),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    reason: z
      .string()
      .nullable()
      .describe('validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout'),
    attempts: z.number(),
  })
  .meta({ id: 'IntakeStatus' });

/** The raw body as received: the signature covers these exact bytes. */
const rawBodies = new WeakMap<FastifyRequest, string>();

function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...(prev as unknown[]), v] : [prev, v];
  }
  return out;
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

interface Candidate {
  id: string;
  tenant_id: string;
  secret_hash: string | null;
  secret_sealed: string | null;
  idempotency_field: string | null;
  cursor_key: string;
}

/**
 * Finds the channel a request is for. Channel keys are unique per company, not globally, so
 * the company is the one whose channel the secret or signature proves (checked against every
 * channel with that key; in practice one).
 */
function authenticateChannel(request: FastifyRequest, candidates: Candidate[], body: string): Candidate {
  const secret = header(request, SECRET_HEADER);
  const signature = header(request, SIGNATURE_HEADER);
  if (secret !== undefined) {
    const match = candidates.find((c) => secretMatches(secret, c.secret_hash));
    if (match) return match;
    throw unauthenticated(`${SECRET_HEADER} does not match the channel's secret`);
  }
  if (signature !== undefined) {
    let reason = 'the signature does not match';
    for (const c of candidates) {
      if (!c.secret_sealed) continue;
      const check = verifySignature(signature, openSecret(c.cursor_key, c.secret_sealed), body);
      if (check.ok) return c;
      reason = check.reason;
    }
    throw unauthenticated(reason);
  }
  throw unauthenticated(`send ${SECRET_HEADER} or ${SIGNATURE_HEADER}`);
}

export function registerIntakeRoutes(app: FastifyInstance, db: Kysely<DB>) {
  // form posts and JSON, each kept as received for the signature check (this plugin only)
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      scope.addContentTypeParser(type, { parseAs: 'string' }, (request, body, done) => {
        const text = body as string;
        rawBodies.set(request, text);
        try {
          done(null, type === 'application/json' ? (text ? JSON.parse(text) : {}) : parseForm(text));
        } catch {
          done(fieldError('body', 'is not valid JSON'), undefined);
        }
      });
    }
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post('/api/v1/intake/:channelKey', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Receive one record on a webhook channel (JSON or form-encoded); processed asynchronously',
        description: `Authenticated by \`${SECRET_HEADER}: <secret>\` or \`${SIGNATURE_HEADER}: t=<unix>,v1=<hex hmac-sha256 of "t.body">\` (5-minute window against replays). Idempotency: the \`Idempotency-Key\` header, else the channel's idempotency field, else the content hash; a repeat answers the first record's id and applies nothing.`,
        security: [],
        params: z.object({ channelKey: z.string().max(63) }),
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: z.record(z.string(), z.unknown()).describe('One record'),
        response: {
          202: z.object({ data: z.object({ id: z.string(), status: intakeStatusSchema.shape.status }) }),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        // one transaction for the channel lookup and the insert (fewer round trips on the 202 path);
        // the insert names the authenticated channel's company explicitly
        const result = await asSystem(db, async (trx) => {
          const candidates = await trx
            .selectFrom('channels')
            .innerJoin('tenants', 'tenants.id', 'channels.tenant_id')
            .select([
              'channels.id',
              'channels.tenant_id',
              'channels.secret_hash',
              'channels.secret_sealed',
              'channels.idempotency_field',
              'tenants.cursor_key',
            ])
            .where('channels.key', '=', request.params.channelKey)
            .where('channels.kind', '=', 'webhook')
            .where('channels.deleted_at', 'is', null)
            .execute();
          if (candidates.length === 0)
            throw new AppError('NOT_FOUND', `no webhook channel "${request.params.channelKey}"`, {
              recordType: 'channel',
              key: request.params.channelKey,
            });
          const raw = rawBodies.get(request) ?? JSON.stringify(request.body);
          const channel = authenticateChannel(request, candidates, raw);
          const payload = request.body;
          const key = idempotencyKeyOf(payload, channel.idempotency_field, request.headers['idempotency-key']);
          const id = newId();
          // the record and its outbox event (its first job) in one statement: both or neither
          const inserted = await trx
            .with('stored', (q) =>
              q
                .insertInto('intake_records')
                .values({
                  tenant_id: channel.tenant_id,
                  id,
                  channel_id: channel.id,
                  idempotency_key: key,
                  payload: JSON.stringify(payload),
                  content_type: header(request, 'content-type')?.slice(0, 100) ?? null,
                })
                .onConflict((c) => c.columns(['tenant_id', 'channel_id', 'idempotency_key']).doNothing())
                .returning(['id', 'status']),
            )
            .with('queued', (q) =>
              q
                .insertInto('outbox_events')
                .columns(['tenant_id', 'id', 'topic', 'payload'])
                .expression((eb) =>
                  eb
                    .selectFrom('stored')
                    .select([
                      sql<string>`${channel.tenant_id}::uuid`.as('tenant_id'),
                      sql<string>`${newId()}::uuid`.as('id'),
                      sql<string>`${INTAKE_TOPIC}`.as('topic'),
                      sql<string>`${JSON.stringify({ intakeId: id, attempt: 0 })}::jsonb`.as('payload'),
                    ]),
                )
                .returning('id'),
            )
            .selectFrom('stored')
            .select(['stored.id', 'stored.status'])
            .executeTakeFirst();
          if (inserted) return { ...inserted, repeated: false };
          const existing = await trx
            .selectFrom('intake_records')
            .select(['id', 'status'])
            .where('tenant_id', '=', channel.tenant_id)
            .where('channel_id', '=', channel.id)
            .where('idempotency_key', '=', key)
            .executeTakeFirstOrThrow();
          return { ...existing, repeated: true };
        });
        if (result.repeated) reply.header('idempotent-replayed', 'true');
        // committed: this instance's dispatcher queues it now rather than at its next interval
        else wakeOutboxDispatchers();
        return reply.status(202).send({
          data: { id: result.id, status: result.status as z.infer<typeof intakeStatusSchema>['status'] },
        });
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);
  r.get('/api/v1/intake/:id', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    // the sender may ask with its channel secret instead of a sign-in
    onRequest: async (request, reply) => {
      if (header(request, SECRET_HEADER) === undefined) await authenticate(request, reply);
    },
    schema: {
      tags,
      summary: "An intake record's outcome",
      description: `With a sign-in holding manageIntegrations, or with the channel's \`${SECRET_HEADER}\`.`,
      params: idParams,
      response: { 200: z.object({ data: intakeStatusSchema }), ...errorResponses },
    },
    handler: async (request) => {
      const columns = ['id', 'status', 'record_type', 'record_id', 'reason', 'attempts'] as const;
      const secret = header(request, SECRET_HEADER);
      const row =
        secret === undefined
          ? await inTenant(db, request, ({ trx, actor }) =>
              trx
                .selectFrom('intake_records')
                .select(columns)
                .where('tenant_id', '=', actor.tenantId)
                .where('id', '=', request.params.id)
                .executeTakeFirst(),
            )
          : await asSystem(db, async (trx) => {
              // the secret names its channel (and so its company): the record is looked up by its key
              const channels = await trx
                .selectFrom('channels')
                .select(['tenant_id', 'id'])
                .where('secret_hash', '=', hashSecret(secret))
                .execute();
              if (channels.length === 0) return undefined;
              return trx
                .selectFrom('intake_records')
                .select(columns)
                .where(
                  'tenant_id',
                  'in',
                  channels.map((c) => c.tenant_id),
                )
                .where('id', '=', request.params.id)
                .where(
                  'channel_id',
                  'in',
                  channels.map((c) => c.id),
                )
                .executeTakeFirst();
            });
      if (!row) throw notFound('intake', request.params.id);
      return {
        data: {
          id: row.id,
          status: row.status as z.infer<typeof intakeStatusSchema>['status'],
          recordType: row.record_type,
          recordId: row.record_id,
          reason: row.reason,
          attempts: row.attempts,
        },
      };
    },
  });
}
