import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { AccessContext } from '../access/access-context.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Actor, CommandContext } from '../resources/context.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { AppError, notFound } from '../errors.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { exportRows, type PreparedExport } from './export-request.ts';
import { renderExport, watermarkFor } from './export-render.ts';
import { riskyDenial } from '../audit/denial-audit.ts';
import { failure, success, type Outcome } from '../db/outcome.ts';

export const EXPORT_FILE_HOURS = 24;

export interface StoredExport {
  id: string;
  fileName: string;
  rowCount: number;
  expiresAt: string;
  watermark: string;
  download: string;
}

/**
 * Renders an approved export as the requester sees the data (their scope and field rules),
 * watermarked with their name and the time, into storage: one download, within 24 hours.
 */
export async function storeExportFile(
  trx: Trx,
  storage: FileStorage,
  job: { requester: Actor; access: AccessContext; prepared: PreparedExport; approvalId: string; generatedBy: string },
): Promise<StoredExport> {
  const at = new Date();
  const table = await exportRows(trx, job.access, job.prepared);
  const watermark = watermarkFor(job.requester, at);
  const file = await renderExport(table, job.prepared.request.format, watermark, at);
  const id = newId();
  const storageKey = `${job.requester.tenantId}/exports/${id}`;
  await storage.put(storageKey, file.data);
  const row = await trx
    .insertInto('export_files')
    .values({
      id,
      tenant_id: job.requester.tenantId,
      approval_id: job.approvalId,
      requested_by: job.requester.userId,
      storage_key: storageKey,
      file_name: file.fileName,
      mime_type: file.mimeType,
      row_count: table.rows.length,
      watermark: watermark.text,
      expires_at: sql<Date>`now() + make_interval(hours => ${EXPORT_FILE_HOURS})`,
      created_by: job.generatedBy,
      updated_by: job.generatedBy,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return {
    id,
    fileName: file.fileName,
    rowCount: table.rows.length,
    expiresAt: row.expires_at.toISOString(),
    watermark: watermark.text,
    download: `/api/v1/exports/${id}/download`,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

export interface TakenExport {
  data: Buffer;
  fileName: string;
  mimeType: string;
  storageKey: string;
}

/** The one download of an export file, by its requester; afterwards, or after 24 h, 410 GONE. */
export async function takeExportFile(
  ctx: CommandContext,
  storage: FileStorage,
  id: string,
): Promise<Outcome<TakenExport>> {
  const row = await ctx.trx
    .selectFrom('export_files')
    .selectAll()
    .select(sql<boolean>`expires_at > now()`.as('live'))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.requested_by !== ctx.actor.userId) {
    // another user's export does not exist for you
    throw riskyDenial(notFound('export file', id), 'export.download', { id });
  }
  const refuse = async (reason: string, message: string, details: Record<string, unknown>) => {
    await writeAudit(ctx, [
      {
        action: 'export.download-refused',
        recordType: 'export_file',
        recordId: id,
        changes: { reason: { before: null, after: reason } },
      },
    ]);
    return failure<TakenExport>(new AppError('GONE', message, { id, ...details }));
  };
  if (row.downloaded_at)
    return refuse(
      'already downloaded',
      'this export file was already downloaded; export files are one-time — request a new export',
      { downloadedAt: row.downloaded_at.toISOString() },
    );
  // a row the sweep marked deleted is an expired file whose bytes are already gone
  if (!row.live || row.deleted_at) {
    await storage.delete(row.storage_key).catch(() => undefined);
    return refuse(
      'expired',
      `this export file expired ${EXPORT_FILE_HOURS} hours after it was generated; request a new export`,
      { expiresAt: row.expires_at.toISOString() },
    );
  }
  const data = await storage
    .read(row.storage_key)
    .then(readAll)
    .catch(() => undefined);
  if (!data) return refuse('missing from storage', 'the export file is no longer in storage; request a new export', {});
  await ctx.trx
    .updateTable('export_files')
    .set({ downloaded_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, updated_by: ctx.actor.userId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, [
    {
      action: 'export.downloaded',
      recordType: 'export_file',
      recordId: id,
      changes: {
        fileName: { before: null, after: row.file_name },
        rowCount: { before: null, after: row.row_count },
        watermark: { before: null, after: row.watermark },
      },
    },
  ]);
  return success({ data, fileName: row.file_name, mimeType: row.mime_type, storageKey: row.storage_key });
}
