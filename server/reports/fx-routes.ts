import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currencies } from '../../common/enums.ts';
import { fieldError } from '../errors.ts';
import { dateString, errorResponses } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { listRates, parseRateFile, payloadHash, rateRow, storeRates } from './fx-rates.ts';

const rateSchema = z
  .object({
    id: z.string(),
    rateSet: z.string(),
    base: z.string(),
    quote: z.string(),
    rateDate: z.string(),
    rate: z.string().describe('1 base = rate quote'),
    source: z.string(),
    publishedAt: z.string().nullable(),
    fetchedAt: z.string(),
    payloadHash: z.string().nullable().describe('sha256 of the raw payload (upload or feed body) the rate came from'),
    reason: z.string().nullable(),
  })
  .meta({ id: 'FxRate' });

const rateSet = z.string().trim().min(1, 'is required').max(60);

/** Dated exchange rates per rate set, each with its source: manual entry (with a reason) and CSV/xlsx upload. */
export function registerFxRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const onRequest = authHook(db);
  const tags = ['Reports'];
  const manage = { anyOf: ['manageReportDefinitions' as const] };

  r.get('/api/v1/fx-rates', {
    config: { access: { object: 'report', action: 'read' } },
    onRequest,
    schema: {
      tags,
      summary: 'Exchange rates, newest date first',
      querystring: z.object({
        rateSet: rateSet.optional(),
        base: z.enum(currencies).optional(),
        quote: z.enum(currencies).optional(),
        from: dateString.optional(),
        to: dateString.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.object({ data: z.array(rateSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => ({ data: await listRates(ctx.trx, ctx.actor.tenantId, request.query) })),
  });

  r.post('/api/v1/fx-rates', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary: 'Enter rates by hand; a reason is required and kept with each rate',
      body: z.object({
        rateSet,
        source: z.string().trim().min(1).max(100).default('manual'),
        reason: z.string().trim().min(1, 'is required').max(500),
        rates: z.array(rateRow).min(1).max(500),
      }),
      response: { 201: z.object({ data: z.object({ stored: z.number() }) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const body = request.body;
      body.rates.forEach((rate, i) => {
        if (rate.base === rate.quote) throw fieldError(`rates.${i}.quote`, 'must differ from base');
      });
      const stored = await inTenant(db, request, (ctx) =>
        storeRates(
          ctx.trx,
          ctx.actor.tenantId,
          {
            rateSet: body.rateSet,
            source: body.source,
            reason: body.reason,
            createdBy: ctx.actor.userId,
            payloadHash: payloadHash(JSON.stringify(body.rates)),
          },
          body.rates,
        ),
      );
      return reply.status(201).send({ data: { stored } });
    },
  });

  r.post('/api/v1/fx-rates/import', {
    config: { access: manage },
    onRequest,
    schema: {
      tags,
      summary:
        'Import rates from a CSV or xlsx table (columns date, base, quote, rate[, publishedAt]); all rows or none',
      body: z.object({
        rateSet,
        source: z.string().trim().min(1, 'is required').max(100),
        format: z.enum(['csv', 'xlsx']),
        content: z.string().min(1, 'is required').describe('csv: the text; xlsx: the workbook as base64'),
        reason: z.string().trim().max(500).optional(),
      }),
      response: {
        201: z.object({ data: z.object({ stored: z.number(), payloadHash: z.string() }) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const bytes = body.format === 'csv' ? Buffer.from(body.content, 'utf8') : Buffer.from(body.content, 'base64');
      const rates = await parseRateFile(body.format, bytes);
      rates.forEach((rate, i) => {
        if (rate.base === rate.quote) throw fieldError(`content.rows.${i + 2}.quote`, 'must differ from base');
      });
      const hash = payloadHash(bytes);
      const stored = await inTenant(db, request, (ctx) =>
        storeRates(
          ctx.trx,
          ctx.actor.tenantId,
          {
            rateSet: body.rateSet,
            source: body.source,
            reason: body.reason ?? null,
            createdBy: ctx.actor.userId,
            payloadHash: hash,
          },
          rates,
        ),
      );
      return reply.status(201).send({ data: { stored, payloadHash: hash } });
    },
  });
}
