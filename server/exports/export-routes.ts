import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { writeAudit } from '../audit/audit.ts';
import type { AppServices } from '../services.ts';
import { errorResponses, idParams } from '../http/common-schemas.ts';
import { authHook, inTenant } from '../http/request-context.ts';
import { readDatabase } from '../db/replica.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { approvalSchema, presentApproval } from '../approvals/approval-model.ts';
import { requestPhoneExport } from '../approvals/approval-requests.ts';
import { EXPORT_FILE_HOURS, takeExportFile } from './export-files.ts';
import { renderExport, watermarkFor } from './export-render.ts';
import { assertMayRequestPhones, exportRequestSchema, exportRows, prepareExport } from './export-request.ts';
import { settle } from '../db/outcome.ts';

const disposition = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Documents a file answer; the bytes are sent as they are (Fastify does not serialise buffers). */
const fileResponse = z.any().describe('The file: CSV (UTF-8) or XLSX, as an attachment');

export function registerExportRoutes(app: FastifyInstance, services: AppServices) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Export'];

  r.post('/api/v1/customers/export', {
    onRequest: authHook(db),
    config: { access: { object: 'customer', action: 'export' }, riskyOperation: 'customer.export' },
    schema: {
      tags,
      summary: 'Export customers as CSV or XLSX',
      description: `Rows are limited to your export scope and shown with your field rules, watermarked with your name and the time. Without phone numbers the file comes back at once (200). With phone numbers (mainPhone, phone custom fields) only CRM administrators may ask, and the answer is 202 with a pending export approval; once another approver of exports approves, the file is waiting at /api/v1/exports/{id}/download — one download, within ${EXPORT_FILE_HOURS} hours.`,
      body: exportRequestSchema.extend({
        reason: z.string().trim().max(1000).optional().describe('Why you need phone numbers (shown to the approver)'),
      }),
      response: {
        200: fileResponse,
        202: z.object({ data: approvalSchema }).describe('Pending approval (export with phone numbers)'),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const { reason, ...body } = request.body;
      const reader = await readDatabase(request, db);
      const outcome = await inTenant(db, request, async (ctx) => {
        const prepared = prepareExport(ctx.access, body);
        if (prepared.phoneFields.length > 0) {
          assertMayRequestPhones(ctx.access, prepared);
          return { pending: await requestPhoneExport(ctx, body, prepared, reason ?? null) };
        }
        const at = new Date();
        // the rows from the replica when it has the session's writes; the audit on the primary
        const table =
          reader === db
            ? await exportRows(ctx.trx, ctx.access, prepared)
            : await withTenant(reader, ctx.actor.tenantId, (trx) => exportRows(trx, ctx.access, prepared));
        const watermark = watermarkFor(ctx.actor, at);
        const file = await renderExport(table, body.format, watermark, at);
        await writeAudit(ctx, [
          {
            action: 'export.direct',
            recordType: 'export',
            recordId: newId(),
            changes: {
              object: { before: null, after: 'customer' },
              fields: { before: null, after: prepared.fields },
              filter: { before: null, after: body.filter ?? null },
              format: { before: null, after: body.format },
              rowCount: { before: null, after: table.rows.length },
              watermark: { before: null, after: watermark.text },
            },
          },
        ]);
        return { file, rows: table.rows.length };
      });
      if (outcome.pending) return reply.status(202).send({ data: presentApproval(outcome.pending) });
      return reply
        .header('content-type', outcome.file!.mimeType)
        .header('content-disposition', disposition(outcome.file!.fileName))
        .header('x-export-rows', String(outcome.rows))
        .header('cache-control', 'no-store')
        .send(outcome.file!.data);
    },
  });

  r.get('/api/v1/exports/:id/download', {
    onRequest: authHook(db),
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Download an approved export (once, by the requester)',
      description: `410 GONE after the first download or ${EXPORT_FILE_HOURS} hours after generation.`,
      params: idParams,
      response: {
        200: fileResponse,
        410: errorResponses[404].describe('Already downloaded or expired'),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = settle(
        await inTenant(db, request, (ctx) => takeExportFile(ctx, services.storage, request.params.id)),
      );
      // one-time: the bytes go once the download is recorded
      await services.storage
        .delete(file.storageKey)
        .catch((error: Error) => request.log.warn({ err: error }, 'could not remove a downloaded export file'));
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', disposition(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  });
}
