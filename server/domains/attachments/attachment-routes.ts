import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUuid } from '../../../common/ids.ts';
import { getRecord } from '../../resources/record-queries.ts';
import { outputSchema } from '../../resources/resource-routes.ts';
import type { AppServices } from '../../services.ts';
import { errorResponses, idParams } from '../../http/common-schemas.ts';
import { AppError, validationError } from '../../errors.ts';
import { authHook, inTenant } from '../../http/request-context.ts';
import { attachableTypes, attachmentSpec } from './attachment-spec.ts';
import { createAttachment, type AttachableType } from './attachment-upload.ts';
import { readUploadForm } from './upload-form.ts';

export function registerAttachmentRoutes(app: FastifyInstance, services: AppServices) {
  registerAttachmentVariantRoute(app, services);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = services.database;
  const tags = ['Attachments'];

  r.post('/api/v1/attachments', {
    config: { access: { object: 'attachment', action: 'create' } },
    preValidation: async (request) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send multipart/form-data with recordType, recordId and file');
    },
    onRequest: authHook(db),
    schema: {
      tags,
      summary: 'Upload a file and link it to a record',
      description: `multipart/form-data with fields recordType (${attachableTypes.join(', ')}), recordId, and one file part named "file". Limit: ${Math.round(services.config.uploadLimitBytes / 1048576)} MB.`,
      consumes: ['multipart/form-data'],
      // documents the form fields; the parts themselves are read and checked in the handler
      body: z
        .object({
          recordType: z.enum(attachableTypes),
          recordId: z.uuid(),
          file: z.string().meta({ format: 'binary' }),
        })
        .nullish(),
      response: {
        201: z.object({ data: outputSchema(attachmentSpec) }),
        413: errorResponses[400].describe('File too large'),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const { fields: form, file } = await readUploadForm(request, services.config.uploadLimitBytes);
      const fields = { recordType: form.get('recordType'), recordId: form.get('recordId') };
      const issues = [];
      if (!attachableTypes.includes(fields.recordType as AttachableType))
        issues.push({ path: 'recordType', message: `must be one of ${attachableTypes.join(', ')}` });
      if (!fields.recordId || !isUuid(fields.recordId))
        issues.push({ path: 'recordId', message: 'must be an id (UUID)' });
      if (!file) issues.push({ path: 'file', message: 'is required' });
      else if (file.data.length === 0) issues.push({ path: 'file', message: 'is empty' });
      if (issues.length) throw validationError(issues);
      const record = await inTenant(db, request, (ctx) =>
        createAttachment(ctx, services.storage, {
          recordType: fields.recordType as AttachableType,
          recordId: fields.recordId!,
          fileName: file!.name,
          mimeType: file!.mime,
          data: file!.data,
        }),
      );
      return reply.status(201).send({ data: record });
    },
  });

  r.get('/api/v1/attachments/:id/download', {
    config: { access: { object: 'attachment', action: 'read' } },
    onRequest: authHook(db),
    schema: { tags, summary: 'Download the file', params: idParams },
    handler: async (request, reply) => {
      const meta = await inTenant(db, request, async ({ trx, actor, access }) => {
        // the file name goes out as the caller sees it (field rules apply to it as to the record)
        const record = await getRecord(trx, access, attachmentSpec, request.params.id);
        const stored = await trx
          .selectFrom('attachments')
          .select(['mime_type', 'size_bytes', 'storage_key', 'sha256'])
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', request.params.id)
          .executeTakeFirstOrThrow();
        return { ...stored, name: typeof record.name === 'string' ? record.name : 'attachment' };
      });
      const stream = await services.storage.read(meta.storage_key).catch(() => {
        throw new AppError('NOT_FOUND', 'the file is missing from storage', { id: request.params.id });
      });
      const inline = /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/.test(meta.mime_type);
      return reply
        .header('content-type', meta.mime_type)
        .header('content-length', String(meta.size_bytes))
        .header('etag', `"${meta.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
        )
        .send(stream);
    },
  });
}

/** GET /api/v1/attachments/:id/variants/:variant: an image's WebP web or thumbnail variant, read as the file is. */
export function registerAttachmentVariantRoute(app: FastifyInstance, services: AppServices) {
  const { db } = services.database;
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/attachments/:id/variants/:variant', {
    config: { access: { object: 'attachment', action: 'read' } },
    onRequest: authHook(db),
    schema: {
      tags: ['Attachments'],
      summary: "An image's WebP variant: web (at most 2048 px) or thumb (256 px)",
      params: idParams.extend({ variant: z.enum(['web', 'thumb']) }),
    },
    handler: async (request, reply) => {
      const key = await inTenant(db, request, async ({ trx, actor, access }) => {
        await getRecord(trx, access, attachmentSpec, request.params.id);
        const stored = await trx
          .selectFrom('attachments')
          .select(['processing', 'variant_keys'])
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', request.params.id)
          .executeTakeFirstOrThrow();
        const keys = stored.variant_keys as Record<string, string> | null;
        if (stored.processing !== 'done' || !keys?.[request.params.variant])
          throw new AppError(
            'NOT_FOUND',
            `this attachment has no ${request.params.variant} variant (processing: ${stored.processing ?? 'not an image'})`,
            {
              id: request.params.id,
              processing: stored.processing,
            },
          );
        return keys[request.params.variant]!;
      });
      const stream = await services.storage.read(key).catch(() => {
        throw new AppError('NOT_FOUND', 'the file is missing from storage', { id: request.params.id });
      });
      return reply
        .header('content-type', 'image/webp')
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  });
}
