import { z } from 'zod';
import { defineResource } from '../../resources/define-resource.ts';
import { requireStepUp } from '../../step-up/step-up-token.ts';

export const attachableTypes = [
  'customer',
  'contact',
  'opportunity',
  'followup',
  'contract',
  'payment',
  'order',
] as const;

/** Attachments are created by upload (POST /api/v1/attachments, multipart); the JSON API renames, lists and deletes. */
export const attachmentSpec = defineResource({
  path: 'attachments',
  recordType: 'attachment',
  table: 'attachments',
  tag: 'Attachments',
  titleField: 'name',
  access: { object: 'attachment', owner: 'created_by', inheritsFrom: 'customer' },
  fields: {
    recordType: { column: 'record_type', kind: 'text', filter: true, required: true },
    recordId: { column: 'record_id', kind: 'uuid', filter: true, required: true },
    customerId: { column: 'customer_id', kind: 'uuid', filter: true },
    name: {
      column: 'name',
      kind: 'text',
      filter: true,
      sort: true,
      required: true,
      // created by upload only: the JSON API renames
      update: z.string().trim().min(1, 'is required').max(255).optional(),
    },
    mimeType: { column: 'mime_type', kind: 'text', filter: true, required: true },
    sizeBytes: { column: 'size_bytes', kind: 'int', filter: true, sort: true, required: true },
    sha256: { column: 'sha256', kind: 'text', filter: true, required: true },
    storageKey: { column: 'storage_key', kind: 'text', internal: true },
    processing: {
      column: 'processing',
      kind: 'text',
      filter: true,
      description: 'Images only: pending, done or failed (the WebP variants are made in a job); null for other files',
    },
    processingError: { column: 'processing_error', kind: 'text', description: 'Why the image could not be converted' },
    variants: {
      column: 'variants',
      kind: 'json',
      description: 'Images only, once converted: {web: {url, width, height, bytes}, thumb: {…}}',
    },
    variantKeys: { column: 'variant_keys', kind: 'json', internal: true },
  },
  parent: { resource: 'customers', column: 'customer_id' },
  beforeDelete: (ctx) => requireStepUp(ctx, 'attachment.delete'),
  operations: { create: false },
});
