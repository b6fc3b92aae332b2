import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { authorize } from '../access/authorize.ts';
import { writeAudit, type FieldChanges } from '../audit/audit.ts';
import { fieldError, notFound } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { getResource } from '../resources/registry.ts';
import { loadLive } from '../resources/scope.ts';

/**
 * The links of WeCom external contacts (external userid) to customers and their contacts, which
 * the sidebar finds a chat's customer by. Linking or unlinking is an update of the customer (its
 * record rules apply) and is audited; a link is read through the customer.
 */
export const externalContactBody = z
  .object({
    customerId: z.uuid(),
    contactId: z.uuid().nullable().optional().describe("One of the customer's contacts"),
    name: z.string().trim().min(1, 'is required').max(100).nullable().optional().describe('The name in WeCom'),
  })
  .strict();

export const externalContactOutput = z
  .object({
    externalUserId: z.string(),
    customerId: z.string(),
    contactId: z.string().nullable(),
    name: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WecomExternalContact' });

type Row = {
  external_userid: string;
  customer_id: string;
  contact_id: string | null;
  name: string | null;
  updated_at: Date;
};
const present = (r: Row) => ({
  externalUserId: r.external_userid,
  customerId: r.customer_id,
  contactId: r.contact_id,
  name: r.name,
  updatedAt: r.updated_at.toISOString(),
});
const columns = ['external_userid', 'customer_id', 'contact_id', 'name', 'updated_at'] as const;

async function liveLink(ctx: CommandContext, externalUserId: string) {
  return ctx.trx
    .selectFrom('wecom_external_contacts')
    .select(columns)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('external_userid', '=', externalUserId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

async function requireCustomerUpdate(ctx: CommandContext, customerId: string) {
  await authorize(ctx.trx, ctx.access, getResource('customers'), 'update', { id: customerId });
}

/** Links (or re-links) an external contact to a customer and optionally one of its contacts. */
export async function linkExternalContact(
  ctx: CommandContext,
  externalUserId: string,
  body: z.infer<typeof externalContactBody>,
) {
  const customer = await loadLive(ctx, getResource('customers'), body.customerId);
  if (!customer) throw fieldError('customerId', 'is not a customer of this company');
  await requireCustomerUpdate(ctx, body.customerId);
  if (body.contactId) {
    const contact = await loadLive(ctx, getResource('contacts'), body.contactId);
    if (!contact || contact.customer_id !== body.customerId)
      throw fieldError('contactId', 'is not a contact of this customer');
  }
  const before = await liveLink(ctx, externalUserId);
  // moving a link away from a customer is an update of that customer too
  if (before && before.customer_id !== body.customerId) await requireCustomerUpdate(ctx, before.customer_id);
  const values = { customer_id: body.customerId, contact_id: body.contactId ?? null, name: body.name ?? null };
  const row = await ctx.trx
    .insertInto('wecom_external_contacts')
    .values({
      tenant_id: ctx.actor.tenantId,
      id: newId(),
      external_userid: externalUserId,
      ...values,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'external_userid']).doUpdateSet({
        ...values,
        deleted_at: null,
        delete_batch_id: null,
        updated_by: ctx.actor.userId,
        updated_at: sql<Date>`now()`,
        version: sql<number>`wecom_external_contacts.version + 1`,
      }),
    )
    .returning(['id', ...columns])
    .executeTakeFirstOrThrow();
  const after = present(row);
  const changes: FieldChanges = {};
  for (const key of ['customerId', 'contactId', 'name'] as const) {
    const was = before ? present(before)[key] : null;
    if (was !== after[key]) changes[key] = { before: was, after: after[key] };
  }
  await writeAudit(ctx, [
    { action: before ? 'update' : 'create', recordType: 'wecomExternalContact', recordId: row.id, changes },
  ]);
  return after;
}

/** Unlinks an external contact (the link is kept, deleted, for the audit trail). */
export async function unlinkExternalContact(ctx: CommandContext, externalUserId: string) {
  const link = await liveLink(ctx, externalUserId);
  if (!link) throw notFound('wecomExternalContact', externalUserId);
  await requireCustomerUpdate(ctx, link.customer_id);
  const row = await ctx.trx
    .updateTable('wecom_external_contacts')
    .set({
      deleted_at: sql<Date>`now()`,
      updated_by: ctx.actor.userId,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('external_userid', '=', externalUserId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(ctx, [
    {
      action: 'delete',
      recordType: 'wecomExternalContact',
      recordId: row.id,
      changes: { customerId: { before: link.customer_id, after: null } },
    },
  ]);
}

/** The external contacts linked to a customer the caller may read. */
export async function listExternalContacts(ctx: CommandContext, customerId: string) {
  await authorize(ctx.trx, ctx.access, getResource('customers'), 'read', { id: customerId });
  const rows = await ctx.trx
    .selectFrom('wecom_external_contacts')
    .select(columns)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .orderBy('external_userid')
    .execute();
  return rows.map(present);
}
