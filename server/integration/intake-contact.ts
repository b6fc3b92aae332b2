import type { CommandContext } from '../resources/context.ts';
import { createRecord, updateRecord } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import type { ChannelRow } from './channel-store.ts';
import { isEmptyValue, shouldWrite, type MergePolicy } from './merge-policy.ts';
import { loadProvenance } from './provenance.ts';
import { IntakeError, parseInput, recordProvenance, sameValue, type FieldChange } from './intake-values.ts';

/**
 * Contact fields as mapping targets (`contact.name`, `contact.mobile`, …): they set the
 * customer's primary contact, through the contact record commands as the channel's service
 * identity (grants, field rules, audit, outbox), with the same merge policy as the customer's
 * fields (per-field overrides keyed `contact.<field>`) and a provenance row per field written
 * (record type `contact`, field named as the contact resource names it).
 */
export const CONTACT_PREFIX = 'contact.';

/** Contact field → column of the contacts table. */
const contactColumns: Record<string, string> = {
  name: 'name',
  title: 'title',
  mobile: 'mobile',
  email: 'email',
  wecomId: 'wecom_id',
};

export const isContactTarget = (target: string) => target.startsWith(CONTACT_PREFIX);

/** Splits mapped values into the customer's and the primary contact's (keys without `contact.`). */
export function splitContactValues(values: Record<string, unknown>) {
  const customer: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values))
    if (isContactTarget(field)) contact[field.slice(CONTACT_PREFIX.length)] = value;
    else customer[field] = value;
  return { customer, contact };
}

/** The customer's primary contact (the oldest, should there be several), or undefined. */
async function primaryContact(ctx: CommandContext, customerId: string) {
  return (await ctx.trx
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('customer_id', '=', customerId)
    .where('is_primary', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()) as (Record<string, unknown> & { id: string; version: number }) | undefined;
}

export interface ContactApply {
  /** The contact written (or undefined when the payload carried no contact value). */
  contactId?: string;
  fields: FieldChange[];
}

/**
 * Creates or updates the primary contact of `customerId` from the contact part of a mapped
 * payload. No contact yet: one is created (as primary) from the non-empty values, which must
 * then include a name. A contact: each field is merged as the channel's policy says.
 */
export async function applyContactValues(
  ctx: CommandContext,
  channel: ChannelRow,
  intake: { id: string; sourceAt: Date },
  customerId: string,
  values: Record<string, unknown>,
  policy: MergePolicy,
): Promise<ContactApply> {
  if (Object.keys(values).length === 0) return { fields: [] };
  const spec = getResource('contacts');
  const current = await primaryContact(ctx, customerId);
  const record = (id: string) => ({ type: 'contact' as const, id });
  const asChanges = (fields: Record<string, unknown>, before: (field: string) => unknown) =>
    Object.entries(fields).map(([field, after]) => ({
      field: CONTACT_PREFIX + field,
      before: before(field),
      after,
    }));

  if (!current) {
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmptyValue(v)));
    if (Object.keys(given).length === 0) return { fields: [] };
    if (given.name === undefined)
      throw new IntakeError('validation', 'contact.name: is required to create the customer’s primary contact');
    const input = parseInput(spec.createSchema, { ...given, customerId, isPrimary: true }, CONTACT_PREFIX);
    const created = (await createRecord(ctx, spec, input)) as { id: string };
    await recordProvenance(ctx.trx, channel, intake.id, record(created.id), Object.keys(given), intake.sourceAt);
    return { contactId: created.id, fields: asChanges(given, () => null) };
  }

  const provenance = await loadProvenance(ctx.trx, channel.tenant_id, current.id, 'contact');
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const stored = current[contactColumns[field]!] ?? null;
    if (sameValue(CONTACT_PREFIX + field, stored, value)) continue;
    const incoming = { value, channelId: channel.id, channelKey: channel.key, at: intake.sourceAt };
    if (!shouldWrite(policy, CONTACT_PREFIX + field, stored, provenance.get(field), incoming)) continue;
    patch[field] = value;
  }
  if (Object.keys(patch).length === 0) return { contactId: current.id, fields: [] };
  const input = parseInput(spec.updateSchema, { ...patch, version: current.version }, CONTACT_PREFIX);
  await updateRecord(ctx, spec, current.id, input as Record<string, unknown> & { version: number });
  await recordProvenance(ctx.trx, channel, intake.id, record(current.id), Object.keys(patch), intake.sourceAt);
  return { contactId: current.id, fields: asChanges(patch, (field) => current[contactColumns[field]!] ?? null) };
}
