import { sql } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import type { Subject } from './subject.ts';

/**
 * What a rule run triggered by an inbound event sees (the field lists are in inbound-triggers.ts).
 * The event's facts come from the stored row the event names (a call record, a transcript, an
 * intake record) or, for a file sent from the WeCom sidebar, from the event itself.
 */

const iso = (v: Date | null | undefined) => (v ? v.toISOString() : null);
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** The owner of a customer (null: no customer, or none set). */
async function ownerOf(trx: Trx, tenantId: string, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const row = await trx
    .selectFrom('customers')
    .select('owner_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

/** Call records (payload `callRecordId`), with their customers' owners, in one read; in the order of `payloads`. */
export async function loadCallSubjects(trx: Trx, tenantId: string, payloads: Array<Record<string, unknown>>) {
  const ids = payloads.map((payload) => String(payload.callRecordId ?? ''));
  const calls = await trx
    .selectFrom('call_records')
    .leftJoin('customers', (j) =>
      j
        .onRef('customers.tenant_id', '=', 'call_records.tenant_id')
        .onRef('customers.id', '=', 'call_records.customer_id'),
    )
    .selectAll('call_records')
    .select('customers.owner_id')
    .where('call_records.tenant_id', '=', tenantId)
    .where('call_records.id', '=', sql<string>`any(${[...new Set(ids)]}::uuid[])`)
    .execute();
  const byId = new Map(calls.map((call) => [call.id, call]));
  return ids.map((id) => {
    const call = byId.get(id);
    if (!call) return undefined;
    return {
      recordType: 'call',
      recordId: call.id,
      values: {
        callId: call.call_id,
        direction: call.direction,
        status: call.status,
        from: call.from_number,
        to: call.to_number,
        agentUserId: call.agent_user_id,
        startedAt: call.started_at.toISOString(),
        talkSeconds: call.talk_seconds,
        recordingUrl: call.recording_url,
        customerId: call.customer_id,
        contactId: call.contact_id,
        matched: call.customer_id !== null,
      },
      customerId: call.customer_id,
      ownerId: call.owner_id ?? null,
      followupSource: { source: 'call', ref: call.call_id, occurredAt: call.started_at.toISOString() },
    } satisfies Subject;
  });
}

/** A call record (payload `callRecordId`). */
export async function loadCallSubject(trx: Trx, tenantId: string, payload: Record<string, unknown>) {
  const [subject] = await loadCallSubjects(trx, tenantId, [payload]);
  return subject;
}

/** A file sent into a WeCom chat from the sidebar: the event carries the snapshot (its follow-up is the record). */
export async function loadFileSentSubject(trx: Trx, tenantId: string, payload: Record<string, unknown>) {
  const followupId = text(payload.followupId);
  const customerId = text(payload.customerId);
  if (!followupId || !customerId) return undefined;
  return {
    recordType: 'followup',
    recordId: followupId,
    values: {
      followupId,
      customerId,
      contactId: text(payload.contactId),
      externalUserId: text(payload.externalUserId),
      fileName: text(payload.fileName),
      attachmentId: text(payload.attachmentId),
      chat: text(payload.chat),
      sentAt: text(payload.sentAt),
      sentBy: text(payload.sentBy),
    },
    customerId,
    ownerId: await ownerOf(trx, tenantId, customerId),
  } satisfies Subject;
}

/** A processed meeting transcript (payload `transcriptId`) and the follow-up it was recorded as. */
export async function loadTranscriptSubject(trx: Trx, tenantId: string, payload: Record<string, unknown>) {
  const t = await trx
    .selectFrom('transcripts')
    .leftJoin('followups', (j) =>
      j
        .onRef('followups.tenant_id', '=', 'transcripts.tenant_id')
        .onRef('followups.id', '=', 'transcripts.followup_id'),
    )
    .select([
      'transcripts.id',
      'transcripts.status',
      'transcripts.customer_id',
      'transcripts.followup_id',
      'transcripts.opportunity_id',
      'transcripts.source',
      'transcripts.utterances',
      'transcripts.received_at',
      'transcripts.processed_at',
      'followups.objections',
    ])
    .where('transcripts.tenant_id', '=', tenantId)
    .where('transcripts.id', '=', String(payload.transcriptId ?? ''))
    .executeTakeFirst();
  if (!t || t.status !== 'processed' || !t.followup_id) return undefined;
  const objections = Array.isArray(t.objections) ? (t.objections as Array<{ kind?: unknown }>) : [];
  return {
    recordType: 'followup',
    recordId: t.followup_id,
    values: {
      transcriptId: t.id,
      followupId: t.followup_id,
      customerId: t.customer_id,
      opportunityId: t.opportunity_id,
      objections: [...new Set(objections.map((o) => String(o.kind)))],
      objectionCount: objections.length,
      utterances: Array.isArray(t.utterances) ? t.utterances.length : 0,
      source: t.source,
      receivedAt: iso(t.received_at),
      processedAt: iso(t.processed_at),
    },
    customerId: t.customer_id,
    ownerId: await ownerOf(trx, tenantId, t.customer_id),
  } satisfies Subject;
}

/** An applied intake record (payload `intakeId`): the customer it created or updated. */
export async function loadIntakeSubject(trx: Trx, tenantId: string, payload: Record<string, unknown>) {
  const row = await trx
    .selectFrom('intake_records')
    .innerJoin('channels', (j) =>
      j
        .onRef('channels.tenant_id', '=', 'intake_records.tenant_id')
        .onRef('channels.id', '=', 'intake_records.channel_id'),
    )
    .select([
      'intake_records.id',
      'intake_records.status',
      'intake_records.record_type',
      'intake_records.record_id',
      'intake_records.received_at',
      'intake_records.processed_at',
      'channels.id as channel_id',
      'channels.key as channel_key',
    ])
    .where('intake_records.tenant_id', '=', tenantId)
    .where('intake_records.id', '=', String(payload.intakeId ?? ''))
    .executeTakeFirst();
  if (!row || !row.record_id || (row.status !== 'created' && row.status !== 'updated')) return undefined;
  const customerId = row.record_type === 'customer' ? row.record_id : null;
  return {
    recordType: row.record_type ?? 'customer',
    recordId: row.record_id,
    values: {
      intakeId: row.id,
      channelId: row.channel_id,
      channelKey: row.channel_key,
      status: row.status,
      recordType: row.record_type,
      recordId: row.record_id,
      customerId,
      contactId: text(payload.contactId),
      receivedAt: iso(row.received_at),
      processedAt: iso(row.processed_at),
    },
    customerId,
    ownerId: await ownerOf(trx, tenantId, customerId),
  } satisfies Subject;
}
