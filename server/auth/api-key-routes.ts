import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { DB } from '../db/schema.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { hasSystem } from '../access/access-context.ts';
import { errorResponses, idParams, isoTimestamp } from '../http/common-schemas.ts';
import { AppError, notFound } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { issueApiKey } from './tokens.ts';

const keySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    userId: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiKey' });

type KeyRow = {
  id: string;
  name: string;
  key_prefix: string;
  user_id: string;
  expires_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
};
const present = (k: KeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.key_prefix,
  userId: k.user_id,
  expiresAt: k.expires_at?.toISOString() ?? null,
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  createdAt: k.created_at.toISOString(),
});

function requireAdmin(ctx: CommandContext) {
  if (!hasSystem(ctx.access, 'manageIntegrations'))
    throw new AppError('MISSING_GRANT', 'managing API keys needs the manageIntegrations permission', {
      missing: 'manageIntegrations',
    });
}

/**
 * API keys for integrations. Each key acts as its own service user (is_service), so what an
 * integration may do is granted to it explicitly, never borrowed from a person's account.
 */
export function registerApiKeyRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API keys'];
  const authenticate = authHook(db);

  r.get('/api/v1/api-keys', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'List API keys (never the secrets)',
      response: { 200: z.object({ data: z.array(keySchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        requireAdmin(ctx);
        const rows = await ctx.trx
          .selectFrom('api_keys')
          .selectAll()
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('deleted_at', 'is', null)
          .orderBy('created_at', 'desc')
          .execute();
        return { data: rows.map(present) };
      }),
  });

  r.post('/api/v1/api-keys', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Create an API key and its service user; the key is shown only in this answer',
      body: z.object({
        name: z.string().trim().min(1, 'is required').max(100),
        expiresAt: isoTimestamp.optional(),
        role: z.enum(['admin', 'member']).default('member'),
      }),
      response: { 201: z.object({ data: keySchema, key: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const result = await inTenant(db, request, async (ctx) => {
        requireAdmin(ctx);
        const { token, secretHash } = issueApiKey(ctx.actor.tenantId);
        const userId = newId();
        await ctx.trx
          .insertInto('users')
          .values({
            id: userId,
            tenant_id: ctx.actor.tenantId,
            username: `svc-${userId.slice(-12)}`,
            display_name: `集成: ${request.body.name}`,
            role: request.body.role,
            is_service: true,
            created_by: ctx.actor.userId,
            updated_by: ctx.actor.userId,
          })
          .execute();
        const row = await ctx.trx
          .insertInto('api_keys')
          .values({
            id: newId(),
            tenant_id: ctx.actor.tenantId,
            name: request.body.name,
            user_id: userId,
            key_hash: secretHash,
            key_prefix: token.slice(0, 12),
            expires_at: request.body.expiresAt ?? null,
            created_by: ctx.actor.userId,
            updated_by: ctx.actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(ctx, [
          {
            action: 'create',
            recordType: 'apiKey',
            recordId: row.id,
            changes: { name: { before: null, after: row.name }, userId: { before: null, after: userId } },
          },
        ]);
        return { data: present(row), key: token };
      });
      return reply.status(201).send(result);
    },
  });

  r.delete('/api/v1/api-keys/:id', {
    config: { access: { anyOf: ['manageIntegrations'] } },
    onRequest: authenticate,
    schema: { tags, summary: 'Revoke an API key', params: idParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      await inTenant(db, request, async (ctx) => {
        requireAdmin(ctx);
        const row = await ctx.trx
          .updateTable('api_keys')
          .set({ deleted_at: sql`now()`, updated_by: ctx.actor.userId, version: sql`version + 1` })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', request.params.id)
          .where('deleted_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw notFound('apiKey', request.params.id);
        await writeAudit(ctx, [
          {
            action: 'delete',
            recordType: 'apiKey',
            recordId: row.id,
            changes: { revoked: { before: false, after: true } },
          },
        ]);
      });
      return reply.status(204).send(null);
    },
  });
}
