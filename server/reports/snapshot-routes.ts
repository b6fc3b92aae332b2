import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { semverString } from './definition-schema.ts';
import { stampSchema } from './report-schemas.ts';
import { scopeOfAccess } from './report-scope.ts';
import {
  listSnapshots,
  loadSnapshot,
  maskAmounts,
  periodPattern,
  presentSnapshot,
  restateSnapshot,
  sealMonth,
  snapshotBasis,
  verifyChain,
} from './snapshots.ts';

const snapshotSchema = z
  .object({
    id: z.string(),
    seq: z.number(),
    period: z.string(),
    definitionId: z.string(),
    versionId: z.string(),
    version: z.string(),
    definitionHash: z.string(),
    rateSet: z.string(),
    hash: z.string().describe('sha256 over the canonical sealed content and prevHash'),
    prevHash: z.string().nullable(),
    createdAt: z.string(),
    groupBy: z.unknown().optional(),
    result: z.unknown().optional(),
  })
  .meta({ id: 'ReportSnapshot' });

/**
 * Sealed monthly snapshots: company-wide figures, so they are for whoever manages the
 * definitions (finance), not for every report reader.
 */
export function registerSnapshotRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Reports'];
  const access = { anyOf: ['manageReportDefinitions' as const] };

  r.get('/api/v1/snapshots', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'The sealed monthly snapshots, oldest first, and whether their hash chain holds',
      response: {
        200: z.object({
          data: z.array(snapshotSchema),
          chain: z.object({
            ok: z.boolean(),
            count: z.number(),
            head: z.string().nullable(),
            broken: z.unknown().optional(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({
        data: await listSnapshots(ctx.trx, ctx.actor.tenantId),
        chain: await verifyChain(ctx.trx, ctx.actor.tenantId),
      })),
  });

  r.get('/api/v1/snapshots/:id', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'A sealed snapshot with its rows, hash and prevHash',
      params: idParams,
      response: { 200: z.object({ data: snapshotSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const row = await loadSnapshot(ctx.trx, ctx.actor.tenantId, request.params.id);
        const data = presentSnapshot(row, true);
        const basis = await snapshotBasis(ctx.trx, ctx.actor.tenantId, row.version_id);
        return { data: scopeOfAccess(ctx.access).amountsVisible(basis) ? data : maskAmounts(data) };
      }),
  });

  r.get('/api/v1/snapshots/:id/restatement', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary:
        'The sealed month recomputed under another approved version, beside the sealed figures (the snapshot is not changed)',
      params: idParams,
      querystring: z.object({
        version: semverString.optional().describe('default: the newest approved version of the definition'),
      }),
      response: {
        200: z.object({
          data: z.object({
            snapshot: snapshotSchema,
            sealedTotals: z.unknown(),
            restatedTotals: z.unknown(),
            totalDelta: z.string(),
            differences: z.array(
              z.object({
                group: z.record(z.string(), z.string().nullable()),
                labels: z.record(z.string(), z.string().nullable()),
                sealedSum: z.string(),
                restatedSum: z.string(),
                delta: z.string(),
                sealedCount: z.number(),
                restatedCount: z.number(),
              }),
            ),
            stamp: stampSchema,
          }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const data = await restateSnapshot(ctx.trx, ctx.actor.tenantId, request.params.id, request.query.version);
        const scope = scopeOfAccess(ctx.access);
        const sealedBasis = await snapshotBasis(ctx.trx, ctx.actor.tenantId, data.snapshot.versionId);
        const restatedBasis = await snapshotBasis(ctx.trx, ctx.actor.tenantId, data.stamp.versionId);
        const visible = scope.amountsVisible(sealedBasis) && scope.amountsVisible(restatedBasis);
        return { data: visible ? data : maskAmounts(data) };
      }),
  });

  r.post('/api/v1/snapshots/seal', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'Seal a month now (what the monthly job does on the 1st); a month already sealed stays as it is',
      body: z.object({ month: z.string().regex(periodPattern, 'must be a month YYYY-MM') }),
      response: {
        201: z.object({ data: z.array(z.object({ id: z.string(), definitionId: z.string(), hash: z.string() })) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, (ctx) =>
        sealMonth(ctx.trx, ctx.actor.tenantId, request.body.month, ctx.actor.userId),
      );
      return reply.status(201).send({ data });
    },
  });
}
