import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUuid } from '../../../common/ids.ts';
import type { AppServices } from '../../services.ts';
import { writeAudit } from '../../audit/audit.ts';
import { AppError, validationError } from '../../errors.ts';
import { errorResponses, idParams } from '../../http/common-schemas.ts';
import { authHook, inTenant } from '../../http/request-context.ts';
import { writeOutboxEvent } from '../../jobs/outbox.ts';
import { readUploadForm } from '../../domains/attachments/upload-form.ts';
import { loadServiceIdentity } from '../service-identity.ts';
import { dryRunSamples } from '../dry-run.ts';
import { readRows, type FileFormat, type FileRow } from './import-files.ts';
import { IMPORT_REQUESTED_TOPIC } from './import-jobs.ts';
import { errorReportCsv, importErrors } from './import-report.ts';
import { readStored } from './import-run.ts';
import {
  createImport,
  importChannel,
  importSchema,
  loadImport,
  mappingWarnings,
  presentImport,
} from './import-store.ts';

const access = { access: { anyOf: ['manageIntegrations' as const] } };
const tags = ['Imports'];
const issue = z.object({ path: z.string(), message: z.string() });

const previewRow = z.object({
  row: z.number().describe('Row number as the spreadsheet shows it (the header is row 1)'),
  status: z.enum(['created', 'updated', 'unchanged', 'review', 'error']),
  recordId: z.string().nullable(),
  candidates: z.array(z.string()).optional(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  reason: z.string().nullable(),
  errors: z.array(z.string()),
  fieldErrors: z.array(issue),
});

/** File imports: upload, dry-run preview, start (a pg-boss job), progress, error report. */
export function registerImportRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const authenticate = authHook(db);

  r.post('/api/v1/imports', {
    config: access,
    onRequest: authenticate,
    preValidation: async (request) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send multipart/form-data with channelId and file');
    },
    schema: {
      tags,
      summary: 'Upload a CSV or XLSX file to an import channel; answers its columns and row count',
      description: `multipart/form-data: channelId (an import channel) and one file part named "file" (.csv in UTF-8 or GB18030, or .xlsx: the first worksheet; the first row names the columns). Limit: ${Math.round(services.config.uploadLimitBytes / 1048576)} MB.`,
      consumes: ['multipart/form-data'],
      body: z.object({ channelId: z.uuid(), file: z.string().meta({ format: 'binary' }) }).nullish(),
      response: { 201: z.object({ data: importSchema }), 413: errorResponses[400], ...errorResponses },
    },
    handler: async (request, reply) => {
      const { fields, file } = await readUploadForm(request, services.config.uploadLimitBytes);
      const channelId = fields.get('channelId');
      const issues = [];
      if (!channelId || !isUuid(channelId)) issues.push({ path: 'channelId', message: 'must be an id (UUID)' });
      if (!file) issues.push({ path: 'file', message: 'is required' });
      else if (file.data.length === 0) issues.push({ path: 'file', message: 'is empty' });
      if (issues.length) throw validationError(issues);
      const data = await inTenant(db, request, async (ctx) => {
        const channel = await importChannel(ctx.trx, ctx.actor.tenantId, channelId!);
        const row = await createImport(ctx.trx, services.storage, {
          tenantId: ctx.actor.tenantId,
          channel,
          fileName: file!.name,
          data: file!.data,
          userId: ctx.actor.userId,
        });
        await writeAudit(ctx, [
          {
            action: 'upload',
            recordType: 'import',
            recordId: row.id,
            changes: {
              fileName: { before: null, after: row.file_name },
              rows: { before: null, after: row.total_rows },
            },
          },
        ]);
        return presentImport(ctx.trx, row, channel);
      });
      return reply.status(201).send({ data });
    },
  });

  r.get('/api/v1/imports', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'Recent imports, newest first',
      querystring: z.object({
        channelId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ data: z.array(importSchema) }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => {
        const rows = await trx
          .selectFrom('imports')
          .selectAll()
          .where('tenant_id', '=', actor.tenantId)
          .$if(Boolean(request.query.channelId), (q) => q.where('channel_id', '=', request.query.channelId!))
          .orderBy('created_at', 'desc')
          .limit(request.query.limit)
          .execute();
        const data = [];
        for (const row of rows) data.push(await presentImport(trx, row));
        return { data };
      }),
  });

  r.get('/api/v1/imports/:id', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'An import with its progress (percent, rows per second, errors so far) and outcome counts',
      params: idParams,
      response: { 200: z.object({ data: importSchema }), ...errorResponses },
    },
    handler: (request) =>
      inTenant(db, request, async ({ trx, actor }) => ({
        data: await presentImport(trx, await loadImport(trx, actor.tenantId, request.params.id)),
      })),
  });

  r.post('/api/v1/imports/:id/dry-run', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: "Preview the file's first rows through the channel's mapping, matching and merge policy; writes nothing",
      params: idParams,
      body: z.object({ limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }),
      response: {
        200: z.object({
          data: z.object({
            rows: z.array(previewRow),
            summary: z.record(z.enum(['created', 'updated', 'unchanged', 'review', 'error']), z.number()),
            problems: z.array(z.string()).describe("What the channel's service identity lacks"),
            mappingWarnings: z.array(z.string()),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: (request) =>
      inTenant(db, request, async (ctx) => {
        const row = await loadImport(ctx.trx, ctx.actor.tenantId, request.params.id);
        const channel = await importChannel(ctx.trx, ctx.actor.tenantId, row.channel_id);
        const data = await readStored(services.storage, row.storage_key);
        const rows: FileRow[] = [];
        for await (const fileRow of readRows(row.file_format as FileFormat, data)) {
          rows.push(fileRow);
          if (rows.length >= request.body.limit) break;
        }
        const identity = await loadServiceIdentity(
          ctx.trx,
          ctx.actor.tenantId,
          channel.service_user_id,
          ctx.meta.requestId,
        );
        const results = await dryRunSamples(
          ctx.trx,
          identity,
          channel,
          rows.map((fileRow) => ({ id: null, payload: fileRow.payload, receivedAt: new Date() })),
          ctx.access,
        );
        const summary = { created: 0, updated: 0, unchanged: 0, review: 0, error: 0 };
        for (const result of results) summary[result.status]++;
        return {
          data: {
            rows: results.map((result, i) => ({ row: rows[i]!.rowNumber, ...result })),
            summary,
            problems: identity.problems,
            mappingWarnings: mappingWarnings(channel, row.columns),
          },
        };
      }),
  });

  r.post('/api/v1/imports/:id/start', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary:
        'Run the import as a background job (again after it finished: rows already applied are not applied twice)',
      params: idParams,
      response: { 202: z.object({ data: importSchema }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const data = await inTenant(db, request, async (ctx) => {
        const row = await loadImport(ctx.trx, ctx.actor.tenantId, request.params.id);
        const channel = await importChannel(ctx.trx, ctx.actor.tenantId, row.channel_id);
        if (row.status === 'queued' || row.status === 'running')
          throw new AppError('CONFLICT', `the import is already ${row.status}`, { status: row.status });
        const queued = await ctx.trx
          .updateTable('imports')
          .set({ status: 'queued', last_error: null, finished_at: null })
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, IMPORT_REQUESTED_TOPIC, { importId: row.id });
        await writeAudit(ctx, [
          {
            action: 'start',
            recordType: 'import',
            recordId: row.id,
            changes: { status: { before: row.status, after: 'queued' } },
          },
        ]);
        return presentImport(ctx.trx, queued, channel);
      });
      return reply.status(202).send({ data });
    },
  });

  r.get('/api/v1/imports/:id/error-report', {
    config: access,
    onRequest: authenticate,
    schema: {
      tags,
      summary: 'The error report as CSV: row number, field, reason, status (dead or retrying), message',
      params: idParams,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const { row, lines } = await inTenant(db, request, async ({ trx, actor }) => {
        const found = await loadImport(trx, actor.tenantId, request.params.id);
        return { row: found, lines: await importErrors(trx, found) };
      });
      const name = `${row.file_name.replace(/\.[^.]+$/, '')}-errors.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(errorReportCsv(lines));
    },
  });
}
