import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely, type Updateable } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { Channels, DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import { errorResponses, idParams, versionField } from '../http/common-schemas.ts';
import { AppError, fieldError, versionConflict } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { CommandContext } from '../resources/context.ts';
import { issueChannelSecret } from './channel-secrets.ts';
import {
  channelKinds,
  channelSchema,
  channelTriggers,
  checkedMapping,
  checkTrigger,
  defaultMatchOrder,
  loadChannel,
  matchKeys,
  mergePolicySchema,
  presentChannel,
} from './channel-store.ts';
import { checkOutboundChannel } from './outbound-events.ts';
import { checkPullChannel } from './pull/pull-config.ts';
import { authHeadersBody, maskedHeaders, sealAuthHeaders, type SealedHeaders } from './pull/pull-auth.ts';

const access = { access: { anyOf: ['manageIntegrations' as const] } };

/** The column of each field a PATCH may change (the audit's "before" values). */
const channelColumns = {
  name: 'name',
  trigger: 'trigger',
  mapping: 'mapping',
  mergePolicy: 'merge_policy',
  matchOrder: 'match_order',
  idempotencyField: 'idempotency_field',
  serviceUserId: 'service_user_id',
  retryBaseSeconds: 'retry_base_seconds',
  retryLimit: 'retry_limit',
  config: 'config',
} as const;
/** Columns stored as JSON text. */
const jsonColumns = new Set<string>(['mapping', 'merge_policy', 'match_order', 'config']);

/** The columns a PATCH body sets (only the keys it carries), JSON ones serialised. */
const columnsOf = (body: Record<string, unknown>): Updateable<Channels> =>
  Object.fromEntries(
    Object.entries(channelColumns)
      .filter(([key]) => body[key] !== undefined)
      .map(([key, column]) => [column, jsonColumns.has(column) ? JSON.stringify(body[key]) : body[key]]),
  );
const tags = ['Channels'];

const editable = {
  name: z.string().trim().min(1, 'is required').max(100),
  trigger: z.enum(channelTriggers),
  mapping: z.array(z.any()).max(200).describe('Rules {source, target, sourceType?, maxLength?, transforms?}'),
  mergePolicy: mergePolicySchema,
  matchOrder: z
    .array(z.enum(matchKeys))
    .min(1)
    .max(4)
    .refine((a) => new Set(a).size === a.length, 'lists a key twice'),
  idempotencyField: z.string().trim().min(1).max(200).nullable().describe('Payload path of the idempotency key'),
  serviceUserId: z.uuid().describe('The identity the channel writes as (must hold its grants)'),
  retryBaseSeconds: z.number().int().min(0).max(3600),
  retryLimit: z.number().int().min(0).max(20),
  config: z
    .record(z.string().max(100), z.unknown())
    .describe('What the kind needs beyond the mapping (pull URL and cursor, outbound URL, schedule)'),
  authHeaders: authHeadersBody,
};

const companyKey = async (ctx: CommandContext) =>
  (
    await ctx.trx
      .selectFrom('tenants')
      .select('cursor_key')
      .where('id', '=', ctx.actor.tenantId)
      .executeTakeFirstOrThrow()
  ).cursor_key;

const createBody = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be URL-safe: lower-case letters, digits, - and _ (up to 63)'),
  kind: z.enum(channelKinds),
  ...editable,
  trigger: editable.trigger.optional(),
  mapping: editable.mapping.default([]),
  mergePolicy: editable.mergePolicy.optional(),
  matchOrder: editable.matchOrder.optional(),
  idempotencyField: editable.idempotencyField.optional(),
  serviceUserId: editable.serviceUserId
    .optional()
    .describe('Absent: a new service user is created for the channel; grant it what it needs'),
  retryBaseSeconds: editable.retryBaseSeconds.default(5),
  retryLimit: editable.retryLimit.default(5),
  config: editable.config.default({}),
  authHeaders: editable.authHeaders.optional(),
});

const patchBody = z.object({
  ...Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])),
  version: versionField,
}) as z.ZodObject<
  { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> } & { version: typeof versionField }
>;

async function assertServiceUser(ctx: CommandContext, userId: string) {
  const user = await ctx.trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw fieldError('serviceUserId', 'is not a user of this company');
}

async function createServiceUser(ctx: CommandContext, key: string, name: string): Promise<string> {
  const id = newId();
  await ctx.trx
    .insertInto('users')
    .values({
      id,
      tenant_id: ctx.actor.tenantId,
      username: `svc-channel-${key}-${id.slice(-6)}`,
      display_name: `集成通道: ${name}`,
      role: 'member',
      is_service: true,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
  return id;
}

export function registerChannelRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = authHook(db);

  r.get('/api/v1/channels', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'List integration channels with their health',
      response: { 200: z.object({ data: z.array(channelSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const rows = await trx
          .selectFrom('channels')
          .selectAll()
          .where('tenant_id', '=', actor.tenantId)
          .where('deleted_at', 'is', null)
          .orderBy('key')
          .execute();
        const data = [];
        for (const row of rows) data.push(await presentChannel(trx, row));
        return { data };
      }),
  });

  r.post('/api/v1/channels', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Create a channel; a webhook channel answers its secret once',
      description:
        'The mapping is type-checked on save: 400 MAPPING_LOSSY or MAPPING_INVALID names each field in details.fields.',
      body: createBody,
      response: {
        201: z.object({ data: channelSchema, secret: z.string().optional().describe('Shown only here') }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const result = await inTenant(db, request, async (ctx) => {
        const body = request.body;
        const tenantId = ctx.actor.tenantId;
        const trigger = body.trigger ?? (body.kind === 'pull' ? 'scheduled' : 'realtime');
        checkTrigger(body.kind, trigger);
        checkOutboundChannel(body.kind, trigger, body.config);
        checkPullChannel(body.kind, body.config);
        const mapping = await checkedMapping(ctx.trx, tenantId, body.mapping);
        const taken = await ctx.trx
          .selectFrom('channels')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('key', '=', body.key)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (taken)
          throw new AppError('DUPLICATE_RECORD', `a channel with key "${body.key}" already exists`, {
            field: 'key',
            existingId: taken.id,
          });
        if (body.serviceUserId) await assertServiceUser(ctx, body.serviceUserId);
        const serviceUserId = body.serviceUserId ?? (await createServiceUser(ctx, body.key, body.name));
        const key = await companyKey(ctx);
        const authHeaders = sealAuthHeaders(body.kind, key, {}, body.authHeaders) ?? {};
        let secret: ReturnType<typeof issueChannelSecret> | undefined;
        if (body.kind === 'webhook' || body.kind === 'outbound') secret = issueChannelSecret(key);
        const row = await ctx.trx
          .insertInto('channels')
          .values({
            id: newId(),
            tenant_id: tenantId,
            key: body.key,
            name: body.name,
            kind: body.kind,
            trigger,
            mapping: JSON.stringify(mapping),
            merge_policy: JSON.stringify(body.mergePolicy ?? { default: 'nonNullWins' }),
            match_order: JSON.stringify(body.matchOrder ?? defaultMatchOrder),
            idempotency_field: body.idempotencyField ?? null,
            config: JSON.stringify(body.config),
            service_user_id: serviceUserId,
            secret_hash: secret?.secretHash ?? null,
            secret_sealed: secret?.sealed ?? null,
            auth_headers: JSON.stringify(authHeaders),
            retry_base_seconds: body.retryBaseSeconds,
            retry_limit: body.retryLimit,
            created_by: ctx.actor.userId,
            updated_by: ctx.actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(ctx, [
          {
            action: 'create',
            recordType: 'channel',
            recordId: row.id,
            changes: {
              key: { before: null, after: row.key },
              serviceUserId: { before: null, after: serviceUserId },
              ...(body.authHeaders && { authHeaders: { before: null, after: maskedHeaders(body.authHeaders) } }),
            },
          },
        ]);
        return { data: await presentChannel(ctx.trx, row), ...(secret ? { secret: secret.secret } : {}) };
      });
      return reply.status(201).send(result);
    },
  });

  r.get('/api/v1/channels/:id', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Read a channel with its health',
      params: idParams,
      response: { 200: z.object({ data: channelSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => ({
        data: await presentChannel(trx, await loadChannel(trx, actor.tenantId, request.params.id)),
      })),
  });

  r.patch('/api/v1/channels/:id', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Change a channel (the mapping is type-checked again)',
      params: idParams,
      body: patchBody,
      response: { 200: z.object({ data: channelSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const tenantId = ctx.actor.tenantId;
        const existing = await loadChannel(ctx.trx, tenantId, request.params.id);
        const body = request.body;
        if (existing.version !== body.version) throw versionConflict('channel', existing.id, existing.version);
        checkTrigger(existing.kind, body.trigger ?? existing.trigger);
        checkOutboundChannel(existing.kind, body.trigger ?? existing.trigger, body.config ?? existing.config);
        checkPullChannel(existing.kind, body.config ?? existing.config);
        const mapping = body.mapping === undefined ? undefined : await checkedMapping(ctx.trx, tenantId, body.mapping);
        if (body.serviceUserId) await assertServiceUser(ctx, body.serviceUserId);
        const authHeaders =
          body.authHeaders === undefined
            ? undefined
            : sealAuthHeaders(
                existing.kind,
                await companyKey(ctx),
                existing.auth_headers as SealedHeaders,
                body.authHeaders,
              );
        const row = await ctx.trx
          .updateTable('channels')
          .set({
            ...columnsOf({ ...body, ...(mapping !== undefined && { mapping }) }),
            ...(authHeaders !== undefined && { auth_headers: JSON.stringify(authHeaders) }),
            version: sql`version + 1`,
            updated_at: sql`now()`,
            updated_by: ctx.actor.userId,
          })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', existing.id)
          .where('version', '=', existing.version)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw versionConflict('channel', existing.id, existing.version + 1);
        const changed = Object.keys(body).filter((k) => k !== 'version');
        // header values are secrets: the audit log keeps their names (a removed header is null)
        const before = (k: string) =>
          k === 'authHeaders'
            ? maskedHeaders(existing.auth_headers as SealedHeaders)
            : existing[channelColumns[k as keyof typeof channelColumns]];
        await writeAudit(ctx, [
          {
            action: 'update',
            recordType: 'channel',
            recordId: row.id,
            changes: Object.fromEntries(
              changed.map((k) => [
                k,
                {
                  before: before(k) ?? null,
                  after: k === 'authHeaders' ? maskedHeaders(body.authHeaders!) : (body as Record<string, unknown>)[k],
                },
              ]),
            ),
          },
        ]);
        return { data: await presentChannel(ctx.trx, row) };
      }),
  });

  r.delete('/api/v1/channels/:id', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Remove a channel (its intake history stays)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await inTenant(db, request, async (ctx) => {
        const row = await loadChannel(ctx.trx, ctx.actor.tenantId, request.params.id);
        await ctx.trx
          .updateTable('channels')
          .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_by: ctx.actor.userId })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', row.id)
          .execute();
        await writeAudit(ctx, [
          {
            action: 'delete',
            recordType: 'channel',
            recordId: row.id,
            changes: { key: { before: row.key, after: null } },
          },
        ]);
      });
      return reply.status(204).send(null);
    },
  });
}
