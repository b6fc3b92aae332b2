import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { AppError, fieldError, notFound } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { CommandContext } from '../resources/context.ts';
import { applyIntake, IntakeError, type ForcedTarget } from './intake-apply.ts';
import { enqueueIntake } from './intake-process.ts';
import { wakeOutboxDispatchers } from '../jobs/outbox.ts';
import { loadServiceIdentity } from './service-identity.ts';
import { intakeStatusSchema } from './intake-routes.ts';
import { customerAsSeen } from './caller-view.ts';
import { isOutboundDeadLetter, retryOutboundDeadLetter } from './outbound-jobs.ts';

const gate = { access: { anyOf: ['manageIntegrations' as const] } };

const deadLetterSchema = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelKey: z.string(),
    direction: z
      .enum(['inbound', 'outbound'])
      .describe('inbound: a record that could not be applied; outbound: a delivery that ran out of retries'),
    reason: z.string().describe('validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout'),
    lastError: z.string().nullable(),
    attempts: z.number(),
    receivedAt: z.string(),
    failedAt: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DeadLetter' });

const reviewSchema = z
  .object({
    id: z.string(),
    channelId: z.string(),
    channelKey: z.string(),
    candidates: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    receivedAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ReviewItem' });

const listQuery = z.object({
  channelId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

async function loadIntake(ctx: CommandContext, id: string, status: 'dead' | 'review') {
  const row = await ctx.trx
    .selectFrom('intake_records')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const open = row && row.status === status && (status === 'dead' ? !row.discarded_at : !row.resolved_at);
  if (!open) throw notFound(status === 'dead' ? 'deadLetter' : 'reviewItem', id);
  return row;
}

/** Resolves a review item as the channel's service identity, onto the record the operator chose. */
async function resolveReview(ctx: CommandContext, id: string, target: ForcedTarget) {
  const intake = await loadIntake(ctx, id, 'review');
  const channel = await ctx.trx
    .selectFrom('channels')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', intake.channel_id)
    .executeTakeFirstOrThrow();
  const identity = await loadServiceIdentity(
    ctx.trx,
    ctx.actor.tenantId,
    channel.service_user_id,
    ctx.meta.requestId,
    channel.mapping,
  );
  if (!identity.ctx || identity.problems.length)
    throw new AppError('CONFLICT', `the channel cannot write: ${identity.problems.join('; ')}`, {
      problems: identity.problems,
    });
  if ('recordId' in target) {
    const live = await ctx.trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', target.recordId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!live) throw fieldError('recordId', 'is not a live customer of this company');
  }
  let result;
  try {
    result = await applyIntake(
      identity.ctx,
      channel,
      { id: intake.id, payload: intake.payload, receivedAt: intake.received_at },
      target,
    );
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    throw new AppError(error.reason === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', error.message, {
      reason: error.reason,
    });
  }
  const row = await ctx.trx
    .updateTable('intake_records')
    .set({
      status: result.status,
      record_type: result.recordType,
      record_id: result.recordId,
      source_at: result.sourceAt,
      processed_at: sql`now()`,
      resolved_at: sql`now()`,
      resolved_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .returning(['id', 'status', 'record_type', 'record_id', 'reason', 'attempts'])
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, [
    {
      action: 'resolve',
      recordType: 'intake',
      recordId: id,
      changes: {
        status: { before: 'review', after: result.status },
        recordId: { before: null, after: result.recordId },
      },
    },
  ]);
  return row;
}

export function registerDeadLetterRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);
  const tags = ['Dead letters and review'];

  r.get('/api/v1/dead-letters', {
    config: gate,
    onRequest: authenticate,
    schema: {
      tags,
      summary:
        'Dead letters, newest first: inbound records that could not be applied and outbound deliveries that ran out of retries, with their reason and last error',
      querystring: listQuery,
      response: { 200: z.object({ data: z.array(deadLetterSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const rows = await trx
          .selectFrom('intake_records as i')
          .innerJoin('channels as c', (j) =>
            j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.channel_id'),
          )
          .select([
            'i.id',
            'i.channel_id',
            'c.key',
            'c.kind',
            'i.reason',
            'i.last_error',
            'i.attempts',
            'i.received_at',
          ])
          .select(['i.processed_at', 'i.payload'])
          .where('i.tenant_id', '=', actor.tenantId)
          .where('i.status', '=', 'dead')
          .where('i.discarded_at', 'is', null)
          .$if(Boolean(request.query.channelId), (q) => q.where('i.channel_id', '=', request.query.channelId!))
          .orderBy('i.received_at', 'desc')
          .orderBy('i.id', 'desc')
          .limit(request.query.limit)
          .execute();
        return {
          data: rows.map((d) => ({
            id: d.id,
            channelId: d.channel_id,
            channelKey: d.key,
            direction: d.kind === 'outbound' ? ('outbound' as const) : ('inbound' as const),
            reason: d.reason ?? 'timeout',
            lastError: d.last_error,
            attempts: d.attempts,
            receivedAt: d.received_at.toISOString(),
            failedAt: d.processed_at?.toISOString() ?? null,
            payload: d.payload,
          })),
        };
      }),
  });

  r.post('/api/v1/dead-letters/:id/retry', {
    config: gate,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Send a dead letter back to the queue (processed at once, without backoff)',
      params: idParams,
      response: { 202: z.object({ data: intakeStatusSchema }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, async (ctx) => {
        const intake = await loadIntake(ctx, request.params.id, 'dead');
        if (await isOutboundDeadLetter(ctx.trx, intake)) return retryOutboundDeadLetter(ctx, intake);
        const row = await ctx.trx
          .updateTable('intake_records')
          .set({ status: 'queued', next_attempt_at: null, processed_at: null })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', intake.id)
          .returning(['id', 'status', 'record_type', 'record_id', 'reason', 'attempts'])
          .executeTakeFirstOrThrow();
        await enqueueIntake(ctx.trx, ctx.actor.tenantId, intake.id, intake.attempts);
        await writeAudit(ctx, [
          {
            action: 'retry',
            recordType: 'intake',
            recordId: intake.id,
            changes: { status: { before: 'dead', after: 'queued' } },
          },
        ]);
        return row;
      });
      wakeOutboxDispatchers(); // committed: queued now, not at the dispatcher's next interval
      return reply.status(202).send({ data: present(data) });
    },
  });

  r.post('/api/v1/dead-letters/:id/discard', {
    config: gate,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Give up on a dead letter; the reason is required and audited',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1, 'is required').max(500) }),
      response: { 200: z.object({ data: intakeStatusSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const intake = await loadIntake(ctx, request.params.id, 'dead');
        await ctx.trx
          .updateTable('intake_records')
          .set({ discarded_at: sql`now()`, discarded_by: ctx.actor.userId, discard_reason: request.body.reason })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', intake.id)
          .execute();
        await writeAudit(ctx, [
          {
            action: 'discard',
            recordType: 'intake',
            recordId: intake.id,
            changes: {
              discarded: { before: false, after: true },
              reason: { before: null, after: request.body.reason },
            },
          },
        ]);
        return { data: present(intake) };
      }),
  });

  r.get('/api/v1/review-queue', {
    config: gate,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Inbound records that matched several customers; nothing is merged until someone decides',
      querystring: listQuery,
      response: { 200: z.object({ data: z.array(reviewSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access }) => {
        const rows = await trx
          .selectFrom('intake_records as i')
          .innerJoin('channels as c', (j) =>
            j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.channel_id'),
          )
          .select(['i.id', 'i.channel_id', 'c.key', 'i.candidates', 'i.received_at', 'i.payload'])
          .where('i.tenant_id', '=', actor.tenantId)
          .where('i.status', '=', 'review')
          .where('i.resolved_at', 'is', null)
          .$if(Boolean(request.query.channelId), (q) => q.where('i.channel_id', '=', request.query.channelId!))
          .orderBy('i.received_at', 'desc')
          .limit(request.query.limit)
          .execute();
        // candidate names as the caller sees them (scope and field rules); out of scope: no name
        const names = new Map<string, string | null>();
        for (const id of new Set(rows.flatMap((row) => row.candidates ?? []))) {
          const seen = await customerAsSeen(trx, access, id);
          names.set(id, typeof seen?.name === 'string' ? seen.name : null);
        }
        return {
          data: rows.map((row) => ({
            id: row.id,
            channelId: row.channel_id,
            channelKey: row.key,
            candidates: (row.candidates ?? []).map((id) => ({ id, name: names.get(id) ?? null })),
            receivedAt: row.received_at.toISOString(),
            payload: row.payload,
          })),
        };
      }),
  });

  r.post('/api/v1/review-queue/:id/resolve', {
    config: gate,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Apply a review item to the record you pick, or create a new one',
      params: idParams,
      body: z.union([z.object({ recordId: z.uuid() }), z.object({ create: z.literal(true) })]),
      response: { 200: z.object({ data: intakeStatusSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: present(await resolveReview(ctx, request.params.id, request.body)),
      })),
  });
}

function present(row: {
  id: string;
  status: string;
  record_type: string | null;
  record_id: string | null;
  reason: string | null;
  attempts: number;
}) {
  return {
    id: row.id,
    status: row.status as z.infer<typeof intakeStatusSchema>['status'],
    recordType: row.record_type,
    recordId: row.record_id,
    reason: row.reason,
    attempts: row.attempts,
  };
}
