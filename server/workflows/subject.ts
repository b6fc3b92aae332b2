import { sql } from 'kysely';
import type { followupSources } from '../../common/enums.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { presentRow } from '../resources/projection.ts';
import { resourceDb } from '../resources/resource-db.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';
import { inboundOf } from './inbound-triggers.ts';
import { flatten, triggerObject, triggerSpec } from './rule-fields.ts';
import type { Trigger } from './rule-schemas.ts';

/** What a rule run is about: the triggering record (or inbound event) with the values conditions see. */
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
  /** Values holding phone numbers (an inbound event's): masked in templates. */
  phones?: readonly string[];
  /** What a follow-up a rule records from this event says it came from (default: manual). */
  followupSource?: { source: (typeof followupSources)[number]; ref: string; occurredAt?: string };
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
  const inbound = inboundOf(trigger);
  if (inbound) {
    const subject = await inbound.load(trx, tenantId, payload);
    return subject && { ...subject, phones: inbound.phones };
  }
  if (trigger.type === 'schedule')
    return {
      recordType: 'schedule',
      recordId: '',
      values: { slot: payload.slot ?? null, firedAt: payload.firedAt ?? null },
      customerId: null,
      ownerId: null,
    };
  const id = typeof payload.id === 'string' ? payload.id : undefined;
  if (!id) return undefined;
  const [subject] = await loadRecordSubjects(trx, tenantId, trigger, [payload]);
  return subject;
}

/**
 * The records several events of one record trigger are about, in one read; in the order of
 * `payloads`, undefined where `loadSubject` gives undefined.
 */
async function loadRecordSubjects(
  trx: Trx,
  tenantId: string,
  trigger: Trigger,
  payloads: Array<Record<string, unknown>>,
): Promise<Array<Subject | undefined>> {
  const spec = triggerSpec(trigger)!;
  const object = triggerObject(trigger)!;
  const ids = payloads.map((payload) => (typeof payload.id === 'string' ? payload.id : undefined));
  const wanted = [...new Set(ids.filter((id) => id !== undefined))];
  const rows = wanted.length
    ? ((await resourceDb(trx)
        .selectFrom(spec.table)
        .selectAll()
        .where('tenant_id', '=', tenantId)
        // one statement text whatever the count (a prepared statement of its own per count otherwise)
        .where('id', '=', sql<string>`any(${wanted}::uuid[])`)
        .execute()) as Array<Record<string, unknown>>)
    : [];
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  const flat = (v: unknown) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>) : undefined);
  return payloads.map((payload, i) => {
    const id = ids[i];
    const row = id === undefined ? undefined : byId.get(id);
    if (!id || !row || ((trigger.type !== 'record' || trigger.on !== 'deleted') && row.deleted_at !== null))
      return undefined;
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
  });
}

/** `loadSubject` for several events of one trigger, in one read where the trigger's kind allows. */
export async function loadSubjects(
  trx: Trx,
  tenantId: string,
  trigger: Trigger,
  payloads: Array<Record<string, unknown>>,
): Promise<Array<Subject | undefined>> {
  const inbound = inboundOf(trigger);
  if (inbound?.loadMany) {
    const subjects = await inbound.loadMany(trx, tenantId, payloads);
    return subjects.map((subject) => subject && { ...subject, phones: inbound.phones });
  }
  if (!inbound && trigger.type !== 'schedule') return loadRecordSubjects(trx, tenantId, trigger, payloads);
  const subjects: Array<Subject | undefined> = [];
  for (const payload of payloads) subjects.push(await loadSubject(trx, tenantId, trigger, payload));
  return subjects;
}
