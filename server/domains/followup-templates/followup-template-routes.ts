import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { grantsFor } from '../../access/access-context.ts';
import { errorResponses } from '../../http/common-schemas.ts';
import { heldAuthHook, heldTransactionHooks, inTenant } from '../../http/request-context.ts';
import type { AppServices } from '../../services.ts';

/** The most templates one list answers (a company keeps a few dozen). */
const LIST_CAP = 500;

const templateEntry = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    status: z.string().nullable(),
    kind: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastUsedAt: z.string().nullable().describe('When you last created a follow-up from it; null: never'),
    uses: z.number().int().describe('How many follow-ups you created from it'),
    can: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'FollowupTemplateEntry' });

/**
 * GET /api/v1/followup-templates: the company's live templates, the ones the caller used most
 * recently first, then the rest by title. `recent=30` keeps the first 30 (what the phone caches).
 * Create, update and delete are the generic resource routes (followup-template-spec.ts).
 */
export function registerFollowupTemplateRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;

  r.get('/api/v1/followup-templates', {
    onRequest: heldAuthHook(db),
    ...heldTransactionHooks,
    config: { access: 'signedIn' },
    schema: {
      tags: ['Follow-ups'],
      summary: 'Follow-up templates, your most recently used first',
      description: `Live templates: those you created follow-ups from, most recent first, then the others by title. \`recent\` caps the list (the phone caches the 30 most recent); without it at most ${LIST_CAP} are listed.`,
      querystring: z.object({
        recent: z.coerce
          .number({ error: 'must be a number' })
          .int('must be a whole number')
          .min(1)
          .max(LIST_CAP)
          .optional(),
      }),
      response: { 200: z.object({ data: z.array(templateEntry) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access }) => {
        const rows = await trx
          .selectFrom('followup_templates as t')
          .leftJoin('followup_template_uses as u', (join) =>
            join
              .onRef('u.tenant_id', '=', 't.tenant_id')
              .onRef('u.template_id', '=', 't.id')
              .on('u.user_id', '=', actor.userId),
          )
          .select([
            't.id',
            't.title',
            't.body',
            't.status',
            't.kind',
            't.version',
            't.created_at',
            't.updated_at',
            'u.last_used_at',
            'u.uses',
          ])
          .where('t.tenant_id', '=', actor.tenantId)
          .where('t.deleted_at', 'is', null)
          .orderBy(sql`u.last_used_at desc nulls last`)
          .orderBy(sql`lower(t.title)`)
          .orderBy('t.id')
          .limit(request.query.recent ?? LIST_CAP)
          .execute();
        const can = {
          update: grantsFor(access, 'settings', 'update').length > 0,
          delete: grantsFor(access, 'settings', 'delete').length > 0,
        };
        return {
          data: rows.map((row) => ({
            id: row.id,
            title: row.title,
            body: row.body,
            status: row.status,
            kind: row.kind,
            version: row.version,
            createdAt: row.created_at.toISOString(),
            updatedAt: row.updated_at.toISOString(),
            lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
            uses: row.uses ?? 0,
            can,
          })),
        };
      }),
  });
}
