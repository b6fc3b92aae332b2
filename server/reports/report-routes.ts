import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { loadDefinition } from './definitions.ts';
import { reportWorkbook } from './report-export.ts';
import { presentReport, runReport } from './report-result.ts';
import { MASKED, runSegments, segmentsOf } from './report-run.ts';
import { drillBody, drillResultSchema, reportResultSchema, runBody } from './report-schemas.ts';
import { drillRecords } from './report-sql.ts';
import { scopeOfAccess } from './report-scope.ts';

const fx422 = {
  422: errorResponses[400].describe('FX_RATE_MISSING: details.missing lists each {date, currency} without a rate'),
};

/** Running a report, drilling into a cell and exporting it: always in the caller's data scope. */
export function registerReportRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Reports'];
  const access = { object: 'report' as const, action: 'read' as const };

  r.post('/api/v1/reports/run', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'Run a report under a metric definition, effective-dated per date, with its stamp',
      description:
        'Each date of [from, to] counts under the approved version valid on it (rows name their version), unless `version` or `restateUnder` names one. Only records in your data scope count (scoped before aggregation); amounts your field rules mask are ***.',
      body: runBody,
      response: { 200: z.object({ data: reportResultSchema }), ...errorResponses, ...fx422 },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, request.body.definitionId);
        return { data: await runReport(ctx.trx, scopeOfAccess(ctx.access), definition, request.body) };
      }),
  });

  r.post('/api/v1/reports/drill', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'The contracts, installments, payments or orders behind one cell of a report, in the same scope',
      body: drillBody,
      response: { 200: z.object({ data: drillResultSchema }), ...errorResponses, ...fx422 },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const body = request.body;
        const scope = scopeOfAccess(ctx.access);
        const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, body.definitionId);
        const segments = segmentsOf(definition, body);
        const groupBy = Object.keys(body.cell) as typeof body.groupBy;
        const results = await runSegments(ctx.trx, scope, segments, groupBy);
        const records = [];
        for (const segment of segments) {
          const doc = segment.version.document;
          const visible = scope.amountsVisible(doc.basis);
          const found = await drillRecords(ctx.trx, doc, scope, segment, body.cell, body.limit + 1 - records.length);
          records.push(
            ...found.map((rec) => ({
              ...rec,
              version: segment.version.semver,
              amount: visible ? rec.amount : MASKED,
              value: visible ? rec.value : MASKED,
            })),
          );
          if (records.length > body.limit) break;
        }
        const truncated = records.length > body.limit;
        const shown = records.slice(0, body.limit);
        const deals = new Map<string, { version: string; dealKey: string; records: number; value: Decimal | null }>();
        for (const rec of shown) {
          const key = `${rec.version}|${rec.dealKey}`;
          const deal = deals.get(key) ?? {
            version: rec.version,
            dealKey: rec.dealKey,
            records: 0,
            value: new Decimal(0),
          };
          deal.records += 1;
          deal.value = rec.value === MASKED || deal.value === null ? null : deal.value.plus(rec.value);
          deals.set(key, deal);
        }
        const report = presentReport(definition, body, groupBy, results, scope);
        return {
          data: {
            records: shown,
            deals: [...deals.values()].map((d) => ({ ...d, value: d.value ? d.value.toFixed(2) : MASKED })),
            truncated,
            stamp: report.stamp,
          },
        };
      }),
  });

  r.post('/api/v1/reports/export', {
    config: { access },
    onRequest,
    schema: {
      tags,
      summary: 'The report as an xlsx workbook, with its stamp under the table',
      description: 'Answers the workbook (200), or an error as /reports/run does (400, 403, 404, 422 FX_RATE_MISSING).',
      body: runBody,
    },
    handler: async (request, reply) => {
      const { report, name } = await inTenant(db, request, async (ctx) => {
        const definition = await loadDefinition(ctx.trx, ctx.actor.tenantId, request.body.definitionId);
        return {
          name: definition.name,
          report: await runReport(ctx.trx, scopeOfAccess(ctx.access), definition, request.body),
        };
      });
      const file = await reportWorkbook(name, report);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file);
    },
  });
}
