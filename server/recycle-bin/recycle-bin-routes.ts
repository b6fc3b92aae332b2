import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { notFound, fieldError } from '../errors.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { hasSystem, type AccessContext } from '../access/access-context.ts';
import { accessPlan } from '../access/access-plan.ts';
import { maskStyleOf, maskTextSql } from '../access/masking-sql.ts';
import { restoreRecord } from '../resources/record-commands.ts';
import { allResources, findResourceByType } from '../resources/registry.ts';
import { outputSchema } from '../resources/resource-routes.ts';

const entrySchema = z
  .object({
    id: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    title: z.string(),
    deletedAt: z.string(),
    deletedBy: z.string().nullable(),
    purgeAfter: z.string().describe('When the daily purge removes it for good'),
  })
  .meta({ id: 'RecycleBinEntry' });

/** An entry's title (the record's title field) as the caller's field rules show that field. */
function titleFor(access: AccessContext) {
  const plan = accessPlan(access);
  const branches = allResources().flatMap((spec) => {
    const seen = plan.of(spec).view(spec.titleField);
    if (seen === 'visible') return [];
    const shown = seen === 'masked' ? maskTextSql(sql.ref('title'), maskStyleOf(spec.titleField)) : sql`'***'`;
    return [sql`when ${spec.recordType} then ${shown}`];
  });
  return branches.length
    ? sql<string>`case record_type ${sql.join(branches, sql` `)} else title end`
    : sql<string>`title`;
}

export function registerRecycleBinRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Recycle bin'];

  r.get('/api/v1/recycle-bin', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Deleted records awaiting purge (those you deleted; everything with the view-audit permission)',
      querystring: z.object({
        type: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
      response: { 200: z.object({ data: z.array(entrySchema), nextCursor: z.string().nullable() }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access }) => {
        const { type, limit, cursor } = request.query;
        if (type && !findResourceByType(type)) throw fieldError('query.type', 'is not a record type');
        let after: { d: string; id: string } | undefined;
        if (cursor) {
          try {
            after = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { d: string; id: string };
          } catch {
            throw fieldError('cursor', 'is not a cursor this API issued');
          }
        }
        const tenant = await trx
          .selectFrom('tenants')
          .select('settings')
          .where('id', '=', actor.tenantId)
          .executeTakeFirstOrThrow();
        const retentionDays = Number(tenant.settings.recycleRetentionDays ?? 30);
        const rows = await trx
          .selectFrom('recycle_bin')
          .select(['id', 'record_type', 'record_id', 'deleted_at', 'deleted_by', titleFor(access).as('title')])
          .where('tenant_id', '=', actor.tenantId)
          .$if(Boolean(type), (q) => q.where('record_type', '=', type!))
          .$if(!hasSystem(access, 'viewAudit'), (q) => q.where('deleted_by', '=', actor.userId))
          .$if(Boolean(after), (q) =>
            q.where(sql`(deleted_at, id)`, '<', sql`(${after!.d}::timestamptz, ${after!.id}::uuid)`),
          )
          .orderBy('deleted_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit + 1)
          .execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          data: page.map((e) => ({
            id: e.id,
            recordType: e.record_type,
            recordId: e.record_id,
            title: e.title,
            deletedAt: e.deleted_at.toISOString(),
            deletedBy: e.deleted_by,
            purgeAfter: new Date(e.deleted_at.getTime() + retentionDays * 86400_000).toISOString(),
          })),
          nextCursor:
            rows.length > limit && last
              ? Buffer.from(JSON.stringify({ d: last.deleted_at.toISOString(), id: last.id })).toString('base64url')
              : null,
        };
      }),
  });

  r.post('/api/v1/recycle-bin/:type/:id/restore', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Restore a deleted record together with the children deleted with it',
      params: z.object({ type: z.string().max(40), id: z.uuid() }),
      response: { 200: z.object({ data: z.record(z.string(), z.unknown()), restored: z.number() }), ...errorResponses },
    },
    handler: async (request) => {
      const spec = findResourceByType(request.params.type);
      if (!spec) throw notFound(`record type ${request.params.type}`);
      outputSchema(spec);
      const result = await inTenant(db, request, (ctx) => restoreRecord(ctx, spec, request.params.id));
      return { data: result.record, restored: result.restored };
    },
  });
}
