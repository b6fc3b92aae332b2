import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import { AppError, fieldError, notFound, parseAsBody } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecord } from '../resources/record-commands.ts';
import { presentById } from '../resources/record-queries.ts';
import { getResource } from '../resources/registry.ts';
import { setFollowupSourceRef } from '../domains/followups/followup-source.ts';
import { writeInboundEvent } from '../workflows/inbound-events.ts';
import { WECOM_FILE_SENT_TOPIC } from '../workflows/inbound-topics.ts';

/**
 * The WeCom sidebar's data: the customer a WeCom external contact (external userid) belongs to
 * — an explicit mapping (`wecom_external_contacts`), else a contact whose `wecomId` it is — with
 * its lite card, recent follow-ups and files, all read through the rep's access plan; and the
 * follow-up snapshot of a file sent into the chat (status 已发方案).
 */
const externalUserId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a WeCom external userid');
export const externalUserIdParam = externalUserId;

const LITE_FIELDS = ['id', 'name', 'level', 'status', 'industry', 'region', 'ownerId', 'lastFollowupAt', 'version'];

async function customerOf(ctx: CommandContext, id: string) {
  const tenant = ctx.actor.tenantId;
  const mapped = await ctx.trx
    .selectFrom('wecom_external_contacts')
    .select(['customer_id', 'contact_id'])
    .where('tenant_id', '=', tenant)
    .where('external_userid', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (mapped) return { customerId: mapped.customer_id, contactId: mapped.contact_id };
  const contacts = await ctx.trx
    .selectFrom('contacts')
    .select(['id', 'customer_id'])
    .where('tenant_id', '=', tenant)
    .where('wecom_id', '=', id)
    .where('deleted_at', 'is', null)
    .limit(2)
    .execute();
  return contacts.length === 1 ? { customerId: contacts[0]!.customer_id, contactId: contacts[0]!.id } : undefined;
}

/**
 * Each record of `ids`, in order, as the rep's access plan presents it, shaped by `shape`: a record
 * the rep may not read, or one `shape` turns down (undefined), is left out.
 */
async function presentEach<T>(
  ctx: CommandContext,
  resource: string,
  ids: ReadonlyArray<{ id: string }>,
  shape: (record: Record<string, unknown>, id: string) => T | undefined,
): Promise<T[]> {
  const spec = getResource(resource);
  const shaped: T[] = [];
  for (const { id } of ids) {
    const record = await presentById(ctx.trx, ctx.access, spec, id).catch(() => undefined);
    const item = record && shape(record, id);
    if (item) shaped.push(item);
  }
  return shaped;
}

export async function sidebarContact(ctx: CommandContext, externalId: string) {
  const match = await customerOf(ctx, externalId);
  if (!match) throw notFound('wecom_contact', externalId);
  const customers = getResource('customers');
  await authorize(ctx.trx, ctx.access, customers, 'read', { id: match.customerId });
  const full = await presentById(ctx.trx, ctx.access, customers, match.customerId);
  const card = Object.fromEntries(LITE_FIELDS.filter((f) => f in full).map((f) => [f, full[f]]));
  const followupIds = await ctx.trx
    .selectFrom('followups')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', match.customerId)
    .where('deleted_at', 'is', null)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(5)
    .execute();
  const followups = await presentEach(ctx, 'followups', followupIds, (f) => ({
    id: f.id,
    status: f.status ?? null,
    kind: f.kind ?? null,
    content: f.content ?? null,
    occurredAt: f.occurredAt ?? null,
  }));
  const fileIds = await ctx.trx
    .selectFrom('attachments')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', match.customerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  // file names and types pass through the rep's field view like any attachment
  const files = await presentEach(ctx, 'attachments', fileIds, (a, id) =>
    typeof a.name === 'string'
      ? { id, name: a.name, mimeType: typeof a.mimeType === 'string' ? a.mimeType : null }
      : undefined,
  );
  return {
    externalUserId: externalId,
    contactId: match.contactId,
    customer: card,
    followups,
    files,
  };
}

export const sentFileBody = z
  .object({
    externalUserId,
    fileName: z.string().trim().min(1, 'is required').max(255),
    attachmentId: z.uuid().optional(),
    chatId: z.string().trim().max(200).optional().describe('The WeCom chat (group chat id), when known'),
    chatName: z.string().trim().max(200).optional(),
  })
  .strict();

/**
 * A file sent into the chat becomes a follow-up snapshot: file name, time, the chat, status 已发方案
 * (its source the attachment, when one of the customer's files was sent), and an inbound event
 * rules with an `imFileSent` trigger hear, in the same transaction.
 */
export async function recordSentFile(ctx: CommandContext, body: z.infer<typeof sentFileBody>) {
  const match = await customerOf(ctx, body.externalUserId);
  if (!match) throw fieldError('externalUserId', 'is not linked to a customer');
  if (body.attachmentId) {
    const a = await ctx.trx
      .selectFrom('attachments')
      .select('customer_id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', body.attachmentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!a || a.customer_id !== match.customerId) throw fieldError('attachmentId', 'is not a file of this customer');
  }
  const at = new Date();
  const chat = body.chatName || body.chatId || `外部联系人 ${body.externalUserId}`;
  const spec = getResource('followups');
  const input = parseAsBody(spec.createSchema, {
    customerId: match.customerId,
    kind: 'im',
    status: 'proposal_sent',
    source: 'im',
    occurredAt: at.toISOString(),
    content: `已发方案：${body.fileName}\n时间：${at.toISOString()}\n会话：企业微信 ${chat}`,
  });
  const created = (await createRecord(ctx, spec, input)) as Record<string, unknown>;
  if (!created.id) throw new AppError('INTERNAL', 'the follow-up was not created');
  const followupId = String(created.id);
  if (body.attachmentId) await setFollowupSourceRef(ctx, followupId, body.attachmentId);
  const sent = { followupId, customerId: match.customerId, fileName: body.fileName, sentAt: at.toISOString(), chat };
  await writeInboundEvent(ctx, WECOM_FILE_SENT_TOPIC, {
    ...sent,
    contactId: match.contactId,
    externalUserId: body.externalUserId,
    attachmentId: body.attachmentId ?? null,
    sentBy: ctx.actor.userId,
  });
  return sent;
}
