import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { fieldError } from '../errors.ts';
import { hasSystem } from '../access/access-context.ts';
import { accessPlan } from '../access/access-plan.ts';
import { authorize } from '../access/authorize.ts';
import { auditChangesSql } from '../access/masking-sql.ts';
import { allResources, findResourceByType } from '../resources/registry.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AccessContext } from '../access/access-context.ts';

/** A user's own security events (sign-ins, refused risky operations): for them and for auditors only. */
const personalActions = ['login', 'logout', 'risky.denied'];

/** The `changes` column through the caller's field rules, per record type (the same rules as the records). */
function changesFor(access: AccessContext, specs: ResourceSpec[]) {
  const plan = accessPlan(access);
  const branches = specs
    .map((spec) => ({ type: spec.recordType, rules: plan.of(spec).changeRules() }))
    .filter((b) => b.rules.fields.length > 0 || b.rules.custom.length > 0)
    .map((b) => sql`when ${b.type} then ${auditChangesSql(sql.ref('changes'), b.rules)}`);
  return branches.length ? sql`case record_type ${sql.join(branches, sql` `)} else changes end` : sql`changes`;
}

const auditSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    via: z
      .object({ channelId: z.string(), channelKey: z.string(), intakeId: z.string() })
      .nullable()
      .describe('The integration channel whose inbound record made this change (its service identity is the actor)'),
  })
  .meta({ id: 'AuditEntry' });

const intakeRequest = /^intake-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The channel behind each intake write on a page (its request id is `intake-<intake id>`). */
async function channelsOf(trx: Trx, tenantId: string, requestIds: Array<string | null>) {
  const ids = [...new Set(requestIds.flatMap((r) => intakeRequest.exec(r ?? '')?.[1] ?? []))];
  if (ids.length === 0) return new Map<string, { channelId: string; channelKey: string; intakeId: string }>();
  const rows = await trx
    .selectFrom('intake_records')
    .innerJoin('channels', (j) =>
      j
        .onRef('channels.tenant_id', '=', 'intake_records.tenant_id')
        .onRef('channels.id', '=', 'intake_records.channel_id'),
    )
    .select(['intake_records.id', 'channels.id as channel_id', 'channels.key'])
    .where('intake_records.tenant_id', '=', tenantId)
    .where('intake_records.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [`intake-${r.id}`, { channelId: r.channel_id, channelKey: r.key, intakeId: r.id }]));
}

export function registerAuditRoutes(app: FastifyInstance, db: Kysely<DB>) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit', {
    config: { access: 'signedIn' },
    onRequest: authHook(db),
    schema: {
      tags: ['Audit'],
      summary: 'The append-only audit log of a record (or of the tenant, for admins)',
      description:
        'Diffs pass through your field rules: hidden fields are left out, masked ones are masked on both sides. A user’s sign-ins and refused risky operations, and the address and browser of other people’s actions, are shown only to that user and to holders of the view-audit permission.',
      querystring: z.object({
        recordType: z.string().max(40).optional(),
        recordId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(100),
        cursor: z.string().max(200).optional(),
      }),
      response: { 200: z.object({ data: z.array(auditSchema), nextCursor: z.string().nullable() }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor, access }) => {
        const { recordType, recordId, limit, cursor } = request.query;
        const auditor = hasSystem(access, 'viewAudit');
        const spec = recordType ? findResourceByType(recordType) : undefined;
        if (!auditor) {
          if (!recordId || !recordType)
            throw fieldError(
              recordId ? 'query.recordType' : 'query.recordId',
              'is required (the whole log needs the view-audit permission)',
            );
          if (!spec) throw fieldError('query.recordType', 'is not a record type');
          await authorize(trx, access, spec, 'read', { id: recordId });
        }
        let after: { t: string; id: string } | undefined;
        if (cursor) {
          try {
            after = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { t: string; id: string };
          } catch {
            throw fieldError('cursor', 'is not a cursor this API issued');
          }
        }
        const mine = sql<boolean>`actor_id = ${actor.userId}`;
        const rows = await trx
          .selectFrom('audit_log')
          .select([
            'id',
            'occurred_at',
            'actor_id',
            'actor_name',
            'action',
            'record_type',
            'record_id',
            'request_id',
            sql<
              Record<string, { before: unknown; after: unknown }>
            >`${changesFor(access, spec ? [spec] : recordType ? [] : allResources())}`.as('changes'),
            (auditor ? sql<string | null>`ip` : sql<string | null>`case when ${mine} then ip end`).as('ip'),
            (auditor ? sql<string | null>`user_agent` : sql<string | null>`case when ${mine} then user_agent end`).as(
              'user_agent',
            ),
          ])
          .where('tenant_id', '=', actor.tenantId)
          .$if(Boolean(recordType), (q) => q.where('record_type', '=', recordType!))
          .$if(Boolean(recordId), (q) => q.where('record_id', '=', recordId!))
          .$if(!auditor, (q) =>
            q.where(
              sql<boolean>`not (record_type = 'user' and record_id <> ${actor.userId}
                and (action in (${sql.join(personalActions)}) or action like 'login.%'))`,
            ),
          )
          .$if(Boolean(after), (q) =>
            q.where(sql`(occurred_at, id)`, '>', sql`(${after!.t}::timestamptz, ${after!.id}::uuid)`),
          )
          .orderBy('occurred_at')
          .orderBy('id')
          .limit(limit + 1)
          .execute();
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        const via = await channelsOf(
          trx,
          actor.tenantId,
          page.map((a) => a.request_id),
        );
        return {
          data: page.map((a) => ({
            id: a.id,
            occurredAt: a.occurred_at.toISOString(),
            actorId: a.actor_id,
            actorName: a.actor_name,
            action: a.action,
            recordType: a.record_type,
            recordId: a.record_id,
            changes: a.changes,
            requestId: a.request_id,
            ip: a.ip,
            userAgent: a.user_agent,
            via: via.get(a.request_id ?? '') ?? null,
          })),
          nextCursor:
            rows.length > limit && last
              ? Buffer.from(JSON.stringify({ t: last.occurred_at.toISOString(), id: last.id })).toString('base64url')
              : null,
        };
      }),
  });
}
