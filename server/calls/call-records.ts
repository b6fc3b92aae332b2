import { z } from 'zod';
import { newId } from '../../common/ids.ts';
import { maskPhone, toE164 } from '../../common/phone.ts';
import { parseAsBody, validationError } from '../errors.ts';
import { isoTimestamp } from '../http/common-schemas.ts';
import type { CommandContext } from '../resources/context.ts';
import { writeInboundEvent } from '../workflows/inbound-events.ts';
import { CALL_TOPIC } from '../workflows/inbound-topics.ts';

/**
 * Inbound call records (issue 12, "telephony call records"): a generic JSON record or a
 * Twilio-style status callback, normalised to one shape, matched to a customer by the
 * normalised phone number (the customer's main phone or a contact's mobile) and stored once per
 * call id and company. A stored record writes `call.received` to the outbox in the same
 * transaction; the automation queue runs the rules listening to it.
 */
export const callStatuses = ['answered', 'missed', 'busy', 'failed'] as const;

const phoneText = z.string().trim().min(1, 'is required').max(40);

export const callJsonSchema = z
  .object({
    callId: z.string().trim().min(1, 'is required').max(200),
    direction: z.enum(['inbound', 'outbound']),
    from: phoneText,
    to: phoneText,
    agentUserId: z.uuid().nullable().optional(),
    startedAt: isoTimestamp,
    talkSeconds: z.number().int().min(0).max(86_400),
    recordingUrl: z
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
      .nullable()
      .optional(),
    status: z.enum(callStatuses).optional().describe('Default: answered when talkSeconds > 0, else missed'),
  })
  .strict();

/** Twilio (also Telnyx/SignalWire style) status callback fields; only final statuses are records. */
const twilioStatus: Record<string, (typeof callStatuses)[number]> = {
  completed: 'answered',
  busy: 'busy',
  'no-answer': 'missed',
  canceled: 'missed',
  failed: 'failed',
};

export const twilioFormSchema = z.object({
  CallSid: z.string().trim().min(1, 'is required').max(200),
  CallStatus: z.enum(Object.keys(twilioStatus) as [string, ...string[]], {
    error: `must be a final call status: ${Object.keys(twilioStatus).join(', ')}`,
  }),
  CallDuration: z
    .string()
    .regex(/^\d{1,5}$/, 'must be whole seconds')
    .optional(),
  From: phoneText,
  To: phoneText,
  Direction: z.string().max(40).optional(),
  Timestamp: z.string().max(100).optional(),
  RecordingUrl: z.url().max(2000).optional(),
});

export interface CallRecordInput {
  callId: string;
  direction: 'inbound' | 'outbound';
  status: (typeof callStatuses)[number];
  from: string;
  to: string;
  agentUserId: string | null;
  startedAt: Date;
  talkSeconds: number;
  recordingUrl: string | null;
  format: 'json' | 'twilio';
}

export function callFromJson(body: unknown): CallRecordInput {
  const b = parseAsBody(callJsonSchema, body);
  return {
    callId: b.callId,
    direction: b.direction,
    status: b.status ?? (b.talkSeconds > 0 ? 'answered' : 'missed'),
    from: b.from,
    to: b.to,
    agentUserId: b.agentUserId ?? null,
    startedAt: new Date(b.startedAt),
    talkSeconds: b.talkSeconds,
    recordingUrl: b.recordingUrl ?? null,
    format: 'json',
  };
}

export function callFromTwilio(body: unknown, now = new Date()): CallRecordInput {
  const b = parseAsBody(twilioFormSchema, body);
  const status = twilioStatus[b.CallStatus]!;
  if (status === 'answered' && b.CallDuration === undefined)
    throw validationError([{ path: 'CallDuration', message: 'is required for a completed call' }]);
  const talkSeconds = Number(b.CallDuration ?? 0);
  const at = b.Timestamp ? Date.parse(b.Timestamp) : NaN;
  if (b.Timestamp && Number.isNaN(at)) throw validationError([{ path: 'Timestamp', message: 'is not a date' }]);
  const endedAt = Number.isNaN(at) ? now.getTime() : at;
  return {
    callId: b.CallSid,
    direction: (b.Direction ?? 'inbound').startsWith('outbound') ? 'outbound' : 'inbound',
    status,
    from: b.From,
    to: b.To,
    agentUserId: null,
    startedAt: new Date(endedAt - talkSeconds * 1000),
    talkSeconds,
    recordingUrl: b.RecordingUrl ?? null,
    format: 'twilio',
  };
}

/** The customer a number belongs to: its main phone or one of its contacts' mobiles, when exactly one customer has it. */
export async function matchCustomer(ctx: CommandContext, number: string) {
  const e164 = toE164(number);
  if (!e164) return { e164: null, customerId: null, contactId: null, note: 'not a valid phone number' };
  const tenant = ctx.actor.tenantId;
  const customers = await ctx.trx
    .selectFrom('customers')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('main_phone_e164', '=', e164)
    .where('deleted_at', 'is', null)
    .execute();
  const contacts = await ctx.trx
    .selectFrom('contacts')
    .select(['id', 'customer_id'])
    .where('tenant_id', '=', tenant)
    .where('mobile_e164', '=', e164)
    .where('deleted_at', 'is', null)
    .execute();
  const ids = new Set([...customers.map((c) => c.id), ...contacts.map((c) => c.customer_id)]);
  if (ids.size === 0)
    return { e164, customerId: null, contactId: null, note: 'no customer or contact has this number' };
  if (ids.size > 1) return { e164, customerId: null, contactId: null, note: `${ids.size} customers have this number` };
  const [customerId] = [...ids] as [string];
  const viaContact = contacts.filter((c) => c.customer_id === customerId);
  return { e164, customerId, contactId: viaContact.length === 1 ? viaContact[0]!.id : null, note: null };
}

/** Stores a call once per call id; a repeat answers the stored record and writes nothing. */
export async function receiveCall(ctx: CommandContext, call: CallRecordInput, raw: unknown) {
  const tenant = ctx.actor.tenantId;
  if (call.agentUserId) {
    const agent = await ctx.trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenant)
      .where('id', '=', call.agentUserId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!agent) throw validationError([{ path: 'agentUserId', message: 'is not a user of this company' }]);
  }
  const match = await matchCustomer(ctx, call.direction === 'inbound' ? call.from : call.to);
  const id = newId();
  const inserted = await ctx.trx
    .insertInto('call_records')
    .values({
      tenant_id: tenant,
      id,
      call_id: call.callId,
      direction: call.direction,
      status: call.status,
      from_number: call.from,
      to_number: call.to,
      customer_number_e164: match.e164,
      agent_user_id: call.agentUserId,
      started_at: call.startedAt,
      talk_seconds: call.talkSeconds,
      recording_url: call.recordingUrl,
      customer_id: match.customerId,
      contact_id: match.contactId,
      match_note: match.note,
      format: call.format,
      raw: JSON.stringify(raw),
      received_by: ctx.actor.userId,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'call_id']).doNothing())
    .returning(['id', 'customer_id'])
    .executeTakeFirst();
  if (inserted) {
    await writeInboundEvent(ctx, CALL_TOPIC, { callRecordId: id, callId: call.callId });
    return { id, callId: call.callId, duplicate: false, customerId: inserted.customer_id, matchNote: match.note };
  }
  const existing = await ctx.trx
    .selectFrom('call_records')
    .select(['id', 'customer_id', 'match_note'])
    .where('tenant_id', '=', tenant)
    .where('call_id', '=', call.callId)
    .executeTakeFirstOrThrow();
  return {
    id: existing.id,
    callId: call.callId,
    duplicate: true,
    customerId: existing.customer_id,
    matchNote: existing.match_note,
  };
}

export const callRecordOutput = z
  .object({
    id: z.string(),
    callId: z.string(),
    direction: z.string(),
    status: z.string(),
    from: z.string().describe('Masked: 138****1234'),
    to: z.string().describe('Masked'),
    agentUserId: z.string().nullable(),
    startedAt: z.string(),
    talkSeconds: z.number(),
    hasRecording: z.boolean(),
    customerId: z.string().nullable(),
    contactId: z.string().nullable(),
    matchNote: z.string().nullable(),
    followupId: z.string().nullable(),
    format: z.string(),
    receivedAt: z.string(),
  })
  .meta({ id: 'CallRecord' });

export async function listCalls(ctx: CommandContext, opts: { matched?: boolean; limit: number }) {
  const rows = await ctx.trx
    .selectFrom('call_records')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .$if(opts.matched !== undefined, (q) => q.where('customer_id', opts.matched ? 'is not' : 'is', null))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    callId: r.call_id,
    direction: r.direction,
    status: r.status,
    from: maskPhone(r.from_number),
    to: maskPhone(r.to_number),
    agentUserId: r.agent_user_id,
    startedAt: r.started_at.toISOString(),
    talkSeconds: r.talk_seconds,
    hasRecording: r.recording_url !== null,
    customerId: r.customer_id,
    contactId: r.contact_id,
    matchNote: r.match_note,
    followupId: r.followup_id,
    format: r.format,
    receivedAt: r.received_at.toISOString(),
  }));
}
