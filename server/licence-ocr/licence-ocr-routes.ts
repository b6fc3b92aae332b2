import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { readUploadForm } from '../domains/attachments/upload-form.ts';
import { AppError, fieldError } from '../errors.ts';
import { errorResponses } from '../http/common-schemas.ts';
import { authHook } from '../http/request-context.ts';
import type { AppServices } from '../services.ts';
import { licenceOcrProvider } from './licence-ocr-provider.ts';

/** Licence photos larger than this are refused before they go to the provider. */
export const LICENCE_IMAGE_LIMIT_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/bmp'];

const fieldsSchema = z
  .object({
    name: z.string().nullable(),
    creditCode: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    address: z.string().nullable(),
    confidence: z.number().describe('0–1'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'BusinessLicenceFields' });

export function registerLicenceOcrRoutes(app: FastifyInstance, services: AppServices, db: Kysely<DB>) {
  const provider = licenceOcrProvider(services.config.ocr);
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/ocr/business-licence', {
    // reading a licence fills a new customer's fields: those who may create customers
    config: { access: { object: 'customer', action: 'create' } },
    onRequest: authHook(db),
    schema: {
      tags: ['Customers'],
      summary: 'Read a business licence photo: name, credit code, legal representative and address, to confirm',
      description:
        'multipart/form-data with one file part named "file" (JPEG, PNG, WebP, HEIC or BMP, at most 10 MB). Nothing is stored. 503 OCR_NOT_CONFIGURED when no provider is set up.',
      consumes: ['multipart/form-data'],
      body: z.object({ file: z.string().meta({ format: 'binary' }) }).nullish(),
      response: { 200: z.object({ data: fieldsSchema }), ...errorResponses },
    },
    handler: async (request) => {
      const { file } = await readUploadForm(request, LICENCE_IMAGE_LIMIT_BYTES);
      if (!file || file.data.length === 0) throw fieldError('file', 'is required: a photo of the business licence');
      const mimeType = file.mime.split(';')[0]!.trim().toLowerCase();
      if (!IMAGE_TYPES.includes(mimeType))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `a licence photo must be an image (${IMAGE_TYPES.join(', ')})`, {
          field: 'file',
          mimeType,
        });
      if (!provider)
        throw new AppError('OCR_NOT_CONFIGURED', 'licence scanning is not set up on this server; type the fields', {});
      return { data: await provider.read({ data: file.data, mimeType }) };
    },
  });
}
