import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { tenantSettingDefaults } from '../../common/tenant-settings.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { JobLogger, JobRunner } from '../jobs/boss.ts';
import type { OutboxJob, TopicQueues } from '../jobs/outbox.ts';
import type { QueueSpec } from '../jobs/queues.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { convertImage, ImageRefused } from './image-convert.ts';

/**
 * Every attachment's `attachment.created` event reaches `attachment.images`; the job converts the
 * pending images. One worker per instance keeps the CPU-bound conversions bounded; a conversion
 * that crashes is retried, an image sharp refuses is marked failed with the reason (its original
 * stays), and a retry of a finished one changes nothing.
 */
export const imageQueueName = 'attachment.images';
export const imageQueues: QueueSpec[] = [
  { name: imageQueueName, retryLimit: 3, retryDelay: 20, retryBackoff: true, expireInSeconds: 10 * 60 },
];
export const imageTopicQueues: TopicQueues = { 'attachment.created': [imageQueueName] };

export interface ImageJob {
  tenantId: string;
  attachmentId: string;
}

type QueuedImage = Partial<ImageJob> & Partial<OutboxJob>;
const jobOf = (data: QueuedImage): ImageJob => ({
  tenantId: data.tenantId!,
  attachmentId: data.attachmentId ?? (data.payload as { id?: string } | undefined)?.id ?? '',
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type ImageOutcome = 'converted' | 'failed' | 'skipped';

/** Converts one pending image attachment: its WebP variants stored, the row updated. */
export async function convertAttachmentImage(
  database: Database,
  storage: FileStorage,
  job: ImageJob,
): Promise<ImageOutcome> {
  const { db } = database;
  const found = await withTenant(db, job.tenantId, async (trx) => ({
    row: await trx
      .selectFrom('attachments')
      .select(['id', 'storage_key', 'processing'])
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.attachmentId)
      .executeTakeFirst(),
    settings: (await trx.selectFrom('tenants').select('settings').where('id', '=', job.tenantId).executeTakeFirst())
      ?.settings as Record<string, unknown> | undefined,
  }));
  const row = found.row;
  if (!row || row.processing !== 'pending') return 'skipped';
  const keepOriginal =
    typeof found.settings?.keepImageOriginals === 'boolean'
      ? found.settings.keepImageOriginals
      : tenantSettingDefaults.keepImageOriginals;
  let converted;
  try {
    converted = await convertImage(await bytesOf(await storage.read(row.storage_key)));
  } catch (error) {
    if (!(error instanceof ImageRefused)) throw error;
    await withTenant(db, job.tenantId, (trx) =>
      trx
        .updateTable('attachments')
        .set({ processing: 'failed', processing_error: error.message })
        .where('tenant_id', '=', job.tenantId)
        .where('id', '=', row.id)
        .where('processing', '=', 'pending')
        .execute(),
    );
    return 'failed';
  }
  const keys = { web: `${row.storage_key}.web.webp`, thumb: `${row.storage_key}.thumb.webp` };
  await storage.put(keys.web, converted.web.data);
  await storage.put(keys.thumb, converted.thumb.data);
  const url = (variant: string) => `/api/v1/attachments/${row.id}/variants/${variant}`;
  const describe = (variant: 'web' | 'thumb') => ({
    url: url(variant),
    width: converted[variant].width,
    height: converted[variant].height,
    bytes: converted[variant].data.length,
  });
  const web = converted.web.data;
  const updated = await withTenant(db, job.tenantId, (trx) =>
    trx
      .updateTable('attachments')
      .set({
        processing: 'done',
        processing_error: null,
        variants: JSON.stringify({ kind: converted.kind, web: describe('web'), thumb: describe('thumb') }),
        variant_keys: JSON.stringify(keys),
        // without the tenant's say-so the original goes: the web variant becomes the file
        ...(keepOriginal
          ? {}
          : {
              storage_key: keys.web,
              mime_type: 'image/webp',
              size_bytes: web.length,
              sha256: createHash('sha256').update(web).digest('hex'),
            }),
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', row.id)
      .where('processing', '=', 'pending')
      .executeTakeFirst(),
  );
  if (!keepOriginal && Number(updated.numUpdatedRows) === 1) await storage.delete(row.storage_key);
  return 'converted';
}

export async function registerImageJobs(
  runner: JobRunner,
  database: Database,
  storage: FileStorage,
  logger: JobLogger,
) {
  for (const spec of imageQueues) await runner.ensureQueue(spec);
  await runner.work<QueuedImage>(imageQueueName, async (job) => {
    const outcome = await convertAttachmentImage(database, storage, jobOf(job.data));
    if (outcome === 'failed') logger.warn({ attachmentId: jobOf(job.data).attachmentId }, 'image not converted');
    return { outcome };
  });
}
