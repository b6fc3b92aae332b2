import type { Trx } from '../db/tenant-transaction.ts';
import { presentRow } from '../resources/projection.ts';
import { resourceDb } from '../resources/resource-db.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';
import { flatten, triggerObject, triggerSpec } from './rule-fields.ts';
import type { Trigger } from './rule-schemas.ts';

/** What a rule run is about: the triggering record (or call) with the values conditions see. */
export interface Subject {
  spec?: ResourceSpec;
  recordType: string;
  /** Empty for a schedule run, which is about no record. */
  recordId: string;
  version?: number;
  values: Record<string, unknown>;
  before?: Record<string, unknown>;
  customerId: string | null;
  ownerId: string | null;
}

/** A call record as rules see it (rule-fields.ts `callFields`). */
export async function loadCallSubject(trx: Trx, tenantId: string, callRecordId: string): Promise<Subject | undefined> {
  const call = await trx
    .selectFrom('call_records')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', callRecordId)
    .executeTakeFirst();
  if (!call) return undefined;
  const owner = call.customer_id
    ? await trx
        .selectFrom('customers')
        .select('owner_id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', call.customer_id)
        .executeTakeFirst()
    : undefined;
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
    ownerId: owner?.owner_id ?? null,
  };
}

/**
 * The record an outbox event is about, read as stored (the rule's identity is checked when it
 * acts). A created or updated record that is gone by now gives undefined (the run is skipped).
 */
export async function loadSubject(
  trx: Trx,
  tenantId: string,
  trigger: Trigger,
  payload: Record<string, unknown>,
): Promise<Subject | undefined> {
  if (trigger.type === 'call') return loadCallSubject(trx, tenantId, String(payload.callRecordId ?? ''));
  if (trigger.type === 'schedule')
    return {
      recordType: 'schedule',
      recordId: '',
      values: { slot: payload.slot ?? null, firedAt: payload.firedAt ?? null },
      customerId: null,
      ownerId: null,
    };
  const spec = triggerSpec(trigger)!;
  const object = triggerObject(trigger)!;
  const id = typeof payload.id === 'string' ? payload.id : undefined;
  if (!id) return undefined;
  const row = (await resourceDb(trx)
    .selectFrom(spec.table)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row || ((trigger.type !== 'record' || trigger.on !== 'deleted') && row.deleted_at !== null)) return undefined;
  const flat = (v: unknown) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>) : undefined);
  const before = flat(payload.before);
  // the changed fields as the event left them: a later write (another rule's) does not change what this event was
  const after = flat(payload.after) ?? {};
  const owner = spec.access.owner ? row[spec.access.owner] : null;
  const customerId = object === 'customer' ? id : row.customer_id;
  return {
    spec,
    recordType: spec.recordType,
    recordId: id,
    version: row.version as number,
    values: { ...flatten(presentRow(spec, row)), ...after },
    before,
    customerId: typeof customerId === 'string' ? customerId : null,
    ownerId: typeof owner === 'string' ? owner : null,
  };
}
