import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { fieldError } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { writeOutboxEvent } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';

/**
 * What an outbound channel hears. Each event type comes from an outbox topic written in the
 * business transaction (record-commands.ts writes `payment.created` and `customer.updated`;
 * the contract spec writes `contract.signed` when a contract becomes active), so the event
 * exists exactly when the change does. The body's `data` is read when the event is fanned out
 * to the channels and stored with each delivery: every attempt sends the same bytes.
 */
export const outboundEventTypes = ['contract.signed', 'payment.received', 'customer.updated'] as const;
export type OutboundEventType = (typeof outboundEventTypes)[number];

/** Outbox topic → the event type a receiver sees. */
export const outboundTopics: Readonly<Record<string, OutboundEventType>> = {
  'contract.signed': 'contract.signed',
  'payment.created': 'payment.received',
  'customer.updated': 'customer.updated',
};

export const CONTRACT_SIGNED_TOPIC = 'contract.signed';

/** An outbound channel's config: where to POST, which events, how long to wait for an answer. */
export const outboundConfigSchema = z.object({
  url: z
    .string()
    .url('must be an http(s) URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  events: z.array(z.enum(outboundEventTypes)).min(1).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).optional(),
});
export type OutboundConfig = z.infer<typeof outboundConfigSchema>;

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Save-time check of an outbound channel (400 naming the field): a target URL, known events,
 * and the realtime trigger — scheduled outbound delivery does not exist, and a realtime channel
 * must never quietly turn into a polling one.
 */
export function checkOutboundChannel(kind: string, trigger: string, config: unknown) {
  if (kind !== 'outbound') return;
  if (trigger !== 'realtime')
    throw fieldError('trigger', 'an outbound channel is realtime: each outbox event is delivered as it happens');
  const parsed = outboundConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fieldError(['config', ...issue.path].join('.'), issue.message);
  }
}

export const eventsOf = (config: Record<string, unknown>): readonly OutboundEventType[] => {
  const parsed = outboundConfigSchema.safeParse(config);
  return parsed.success && parsed.data.events ? parsed.data.events : outboundEventTypes;
};

/*
 * contract.signed: a contract is signed when it becomes active (created active, or moved from
 * draft to active). toColumns sees the stored status, afterWrite the written row; the flag
 * passes between them per command context (a command writes its records one after another).
 */
const becomingActive = new WeakMap<CommandContext, boolean>();

export function noteContractStatus(ctx: CommandContext, before: string | undefined, after: string | undefined) {
  becomingActive.set(ctx, after === 'active' && before !== 'active');
}

export async function emitContractSigned(ctx: CommandContext, row: { id: string; status: string }) {
  const signing = becomingActive.get(ctx) === true;
  becomingActive.delete(ctx);
  if (signing && row.status === 'active')
    await writeOutboxEvent(ctx.trx, ctx.actor.tenantId, CONTRACT_SIGNED_TOPIC, { id: row.id });
}

/** The record an event is about, as the finance system reads it (money as decimal strings). */
async function eventData(trx: Trx, tenantId: string, type: OutboundEventType, payload: Record<string, unknown>) {
  const id = String(payload.id ?? '');
  if (type === 'contract.signed') {
    const c = await trx
      .selectFrom('contracts')
      .select(['id', 'number', 'title', 'customer_id', 'signed_date', 'start_date', 'end_date', 'currency'])
      .select([sql<string>`amount_incl_tax::text`.as('amount'), sql<string>`tax_rate::text`.as('tax_rate'), 'status'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return c
      ? {
          contractId: c.id,
          number: c.number,
          title: c.title,
          customerId: c.customer_id,
          signedDate: c.signed_date,
          startDate: c.start_date,
          endDate: c.end_date,
          currency: c.currency,
          amountInclTax: c.amount,
          taxRate: c.tax_rate,
          status: c.status,
        }
      : { contractId: id };
  }
  if (type === 'payment.received') {
    const p = await trx
      .selectFrom('payments')
      .innerJoin('contracts', (j) =>
        j.onRef('contracts.tenant_id', '=', 'payments.tenant_id').onRef('contracts.id', '=', 'payments.contract_id'),
      )
      .select(['payments.id', 'payments.contract_id', 'contracts.number', 'contracts.customer_id'])
      .select(['payments.currency', 'payments.received_date', 'payments.method', 'payments.reference'])
      .select(sql<string>`payments.amount::text`.as('amount'))
      .where('payments.tenant_id', '=', tenantId)
      .where('payments.id', '=', id)
      .executeTakeFirst();
    return p
      ? {
          paymentId: p.id,
          contractId: p.contract_id,
          contractNumber: p.number,
          customerId: p.customer_id,
          amount: p.amount,
          currency: p.currency,
          receivedDate: p.received_date,
          method: p.method,
          reference: p.reference,
        }
      : { paymentId: id };
  }
  const c = await trx
    .selectFrom('customers')
    .select(['id', 'name', 'short_name', 'credit_code', 'main_phone_e164', 'region', 'industry', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  const fields = Array.isArray(payload.fields) ? payload.fields : [];
  return c
    ? {
        customerId: c.id,
        name: c.name,
        shortName: c.short_name,
        creditCode: c.credit_code,
        mainPhone: c.main_phone_e164,
        region: c.region,
        industry: c.industry,
        status: c.status,
        changedFields: fields,
      }
    : { customerId: id, changedFields: fields };
}

export interface FannedOut {
  deliveryId: string;
  tenantId: string;
  attempt: number;
}

/**
 * One outbox event → one delivery per subscribed outbound channel of its company. The delivery
 * key is (channel, event id): a repeated job (at-least-once queue) inserts nothing new.
 * Returns the deliveries created now, whose first attempt the caller sends in the same transaction.
 */
export async function fanOutEvent(
  trx: Trx,
  event: { eventId: string; tenantId: string; topic: string; createdAt: string; payload: Record<string, unknown> },
): Promise<FannedOut[]> {
  const type = outboundTopics[event.topic];
  if (!type) return [];
  const channels = (
    await trx
      .selectFrom('channels')
      .select(['id', 'config'])
      .where('tenant_id', '=', event.tenantId)
      .where('kind', '=', 'outbound')
      .where('trigger', '=', 'realtime')
      .where('deleted_at', 'is', null)
      .execute()
  ).filter((c) => eventsOf(c.config).includes(type));
  if (channels.length === 0) return [];
  const body = {
    id: event.eventId,
    type,
    occurredAt: event.createdAt,
    data: await eventData(trx, event.tenantId, type, event.payload),
  };
  const created = await trx
    .insertInto('outbound_deliveries')
    .values(
      channels.map((c) => ({
        tenant_id: event.tenantId,
        id: newId(),
        channel_id: c.id,
        event_id: event.eventId,
        event_type: type,
        occurred_at: new Date(event.createdAt),
        body: JSON.stringify(body),
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'channel_id', 'event_id']).doNothing())
    .returning(['id'])
    .execute();
  return created.map((d) => ({ deliveryId: d.id, tenantId: event.tenantId, attempt: 0 }));
}
