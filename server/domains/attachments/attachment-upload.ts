import { createHash } from 'node:crypto';
import { newId } from '../../../common/ids.ts';
import { writeAudit, diff } from '../../audit/audit.ts';
import type { CommandContext } from '../../resources/context.ts';
import { presentRow } from '../../resources/projection.ts';
import { presentById } from '../../resources/record-queries.ts';
import { authorize } from '../../access/authorize.ts';
import { fieldError } from '../../errors.ts';
import { writeOutboxEvent } from '../../jobs/outbox.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import type { attachableTypes } from './attachment-spec.ts';
import { attachmentSpec } from './attachment-spec.ts';
import { isConvertibleImage } from '../../image-variants/image-convert.ts';

const tableOf = {
  customer: 'customers',
  contact: 'contacts',
  opportunity: 'opportunities',
  followup: 'followups',
  contract: 'contracts',
  payment: 'payments',
  order: 'orders',
} as const;

export type AttachableType = (typeof attachableTypes)[number];

/** The customer a record belongs to: attachments inherit access and deletion from it. */
async function customerOf(ctx: CommandContext, recordType: AttachableType, recordId: string): Promise<string> {
  const table = tableOf[recordType];
  const row = await ctx.trx
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError('recordId', `is not a live ${recordType} of this company`);
  // Kysely types a row of a union of tables with all their columns: a customer has no
  // customer_id and a payment no customer_id either, so those two return before reading it.
  if (recordType === 'customer') return recordId;
  if (recordType === 'payment') {
    const contract = await ctx.trx
      .selectFrom('contracts')
      .select('customer_id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', row.contract_id)
      .executeTakeFirstOrThrow();
    return contract.customer_id;
  }
  return row.customer_id;
}

export interface UploadInput {
  recordType: AttachableType;
  recordId: string;
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/** Stores the bytes first, then the row; a failed transaction removes the stored file again. */
export async function createAttachment(ctx: CommandContext, storage: FileStorage, input: UploadInput) {
  const customerId = await customerOf(ctx, input.recordType, input.recordId);
  await authorize(ctx.trx, ctx.access, attachmentSpec, 'create', {
    draft: { customer_id: customerId, record_type: input.recordType, record_id: input.recordId },
  });
  const id = newId();
  const storageKey = `${ctx.actor.tenantId}/${new Date().toISOString().slice(0, 7)}/${id}`;
  await storage.put(storageKey, input.data);
  try {
    const row = await ctx.trx
      .insertInto('attachments')
      .values({
        id,
        tenant_id: ctx.actor.tenantId,
        record_type: input.recordType,
        record_id: input.recordId,
        customer_id: customerId,
        name: input.fileName,
        mime_type: input.mimeType,
        size_bytes: input.data.length,
        sha256: createHash('sha256').update(input.data).digest('hex'),
        storage_key: storageKey,
        // images get WebP variants in a job (server/image-variants), which the created event starts
        processing: isConvertibleImage(input.mimeType) ? 'pending' : null,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const record = presentRow(attachmentSpec, row);
    await writeAudit(ctx, [
      { action: 'create', recordType: 'attachment', recordId: id, changes: diff(undefined, record) },
    ]);
    await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, 'attachment.created', { id });
    return await presentById(ctx.trx, ctx.access, attachmentSpec, id);
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}
