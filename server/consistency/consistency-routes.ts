import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { STEP_UP_HOW } from '../step-up/step-up-token.ts';
import { consistencyChecks } from './checks.ts';
import { fixFinding, fixSchema } from './fixes.ts';
import { latestReport, listFindings, recordTitles } from './findings-query.ts';
import { scanInTransaction } from './scan.ts';

const RECORDS_PER_FINDING = 20;

const reportSchema = z
  .object({
    id: z.string(),
    trigger: z.enum(['cli', 'api', 'schedule']),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    findings: z.number().describe('All findings of the report, including those you cannot see'),
    byCheck: z.record(z.string(), z.number()),
  })
  .meta({ id: 'ConsistencyReport' });

const findingSchema = z
  .object({
    id: z.string(),
    check: z.enum(consistencyChecks),
    recordType: z.string().nullable(),
    recordCount: z.number(),
    records: z
      .array(z.object({ id: z.string(), title: z.string().nullable() }))
      .describe(`The first ${RECORDS_PER_FINDING} records, titled as you see them`),
    detail: z.record(z.string(), z.unknown()),
    suggestedFix: z.string(),
    fix: z.enum(['reassign_owner', 'merge']).nullable().describe('The one-click fix, if there is a safe one'),
    fixedAt: z.string().nullable(),
  })
  .meta({ id: 'ConsistencyFinding' });

type ReportRow = NonNullable<Awaited<ReturnType<typeof latestReport>>>;
const presentReport = (r: ReportRow) => {
  const summary = (r.summary ?? {}) as { findings?: number; byCheck?: Record<string, number> };
  return {
    id: r.id,
    trigger: r.trigger as 'cli' | 'api' | 'schedule',
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    findings: summary.findings ?? 0,
    byCheck: summary.byCheck ?? {},
  };
};

/** The consistency scan: the latest findings, a scan on demand, and the one-click fixes. */
export function registerConsistencyRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Data governance'];
  const access = { anyOf: ['manageIntegrations' as const] };

  r.get('/api/v1/consistency/findings', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'The findings of the latest consistency scan that you may see',
      description:
        'A finding about records is listed only when you may read each of its records (scoped in the query, before paging); titles follow your field rules.',
      querystring: z.object({
        check: z.enum(consistencyChecks).optional(),
        open: z.enum(['true', 'false']).optional().describe('true: only findings not fixed yet'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.uuid().optional().describe('nextCursor of the previous page'),
      }),
      response: {
        200: z.object({
          report: reportSchema.nullable(),
          data: z.array(findingSchema),
          nextCursor: z.string().nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const report = await latestReport(ctx);
        if (!report) return { report: null, data: [], nextCursor: null };
        const q = request.query;
        const rows = await listFindings(ctx, report.id, {
          check: q.check,
          open: q.open === 'true',
          limit: q.limit + 1,
          cursor: q.cursor,
        });
        const page = rows.slice(0, q.limit);
        const titles = await recordTitles(ctx, page, RECORDS_PER_FINDING);
        return {
          report: presentReport(report),
          data: page.map((f) => ({
            id: f.id,
            check: f.check_name as (typeof consistencyChecks)[number],
            recordType: f.record_type,
            recordCount: f.record_ids.length,
            records: f.record_ids.slice(0, RECORDS_PER_FINDING).map((id) => ({ id, title: titles.get(id) ?? null })),
            detail: f.detail,
            suggestedFix: f.suggested_fix,
            fix: f.fix_kind as 'reassign_owner' | 'merge' | null,
            fixedAt: f.fixed_at?.toISOString() ?? null,
          })),
          nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
        };
      }),
  });

  r.post('/api/v1/consistency/scan', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'Run a consistency scan of your company now and store its report',
      response: {
        201: z.object({
          data: z.object({ reportId: z.string(), findings: z.number(), byCheck: z.record(z.string(), z.number()) }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const report = await inTenant(db, request, (ctx) =>
        scanInTransaction(ctx.trx, ctx.actor.tenantId, 'api', { startedBy: ctx.actor.userId }),
      );
      return reply
        .status(201)
        .send({ data: { reportId: report.reportId, findings: report.findings, byCheck: report.byCheck } });
    },
  });

  r.post('/api/v1/consistency/findings/:id/fix', {
    config: { access, riskyOperation: 'consistency.fix' },
    onRequest,
    schema: {
      tags,
      summary: 'Apply the one-click fix of a finding',
      description: `reassign_owner moves the records still owned by the inactive owner to \`toUserId\` (default: that owner's manager), each as an ordinary edit. merge merges the duplicates into \`targetId\` (default: the oldest) through the customer merge, which needs a step-up token (x-step-up-token; ${STEP_UP_HOW}).`,
      params: idParams,
      body: fixSchema,
      response: {
        200: z.object({
          data: z.object({
            findingId: z.string(),
            fixKind: z.enum(['reassign_owner', 'merge']),
            recordIds: z.array(z.string()),
            toUserId: z.string().optional(),
            targetId: z.string().optional(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => ({
      data: await inTenant(db, request, (ctx) => fixFinding(ctx, request.params.id, request.body)),
    }),
  });
}
