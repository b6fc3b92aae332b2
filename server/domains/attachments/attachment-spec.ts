import { z } from 'zod';
import { registerResource } from '../../resources/registry.ts';
import type { ResourceSpec } from '../../resources/resource-spec.ts';
import { versionField } from '../../http/common-schemas.ts';
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
export const attachmentSpec: ResourceSpec = registerResource({
  path: 'attachments',
  recordType: 'attachment',
  table: 'attachments',
  tag: 'Attachments',
  titleField: 'name',
  fields: {
    recordType: { column: 'record_type', kind: 'text', filter: true, required: true },
    recordId: { column: 'record_id', kind: 'uuid', filter: true, required: true },
    customerId: { column: 'customer_id', kind: 'uuid', filter: true },
    name: { column: 'name', kind: 'text', filter: true, sort: true, required: true },
    mimeType: { column: 'mime_type', kind: 'text', filter: true, required: true },
    sizeBytes: { column: 'size_bytes', kind: 'int', filter: true, sort: true, required: true },
    sha256: { column: 'sha256', kind: 'text', filter: true, required: true },
    storageKey: { column: 'storage_key', kind: 'text', internal: true },
  },
  createSchema: z.object({}),
  updateSchema: z
    .object({ name: z.string().trim().min(1, 'is required').max(255).optional(), version: versionField })
    .meta({ id: 'AttachmentUpdate' }),
  parent: { resource: 'customers', column: 'customer_id' },
  toColumns: async (_ctx, input) => (input.name !== undefined ? { name: input.name } : {}),
  beforeDelete: (ctx) => requireStepUp(ctx, 'attachment.delete'),
  operations: { create: false },
});
