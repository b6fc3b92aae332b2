import type { Trx } from '../db/tenant-transaction.ts';
import { allFields } from '../resources/list-query.ts';
import { inboundOf } from './inbound-triggers.ts';
import { findResourceByType } from '../resources/registry.ts';
import type { FieldKind, ResourceSpec } from '../resources/resource-spec.ts';
import type { Trigger } from './rule-schemas.ts';

/** What a condition may compare a field's value with. */
export type ValueKind = 'text' | 'uuid' | 'number' | 'time' | 'bool' | 'list' | 'json';

const kindOf: Record<FieldKind, ValueKind> = {
  text: 'text',
  uuid: 'uuid',
  int: 'number',
  decimal: 'number',
  date: 'time',
  timestamp: 'time',
  bool: 'bool',
  textArray: 'list',
  json: 'json',
};

const customKind: Record<string, ValueKind> = {
  number: 'number',
  money: 'number',
  date: 'time',
  multiSelect: 'list',
};

/** What a schedule trigger's run sees: the slot it fires for. */
export const scheduleFields: Record<string, ValueKind> = { slot: 'time', firedAt: 'time' };

/** The record type a trigger is about (record, relative-time and manual triggers), if any. */
export function triggerObject(trigger: Trigger): string | undefined {
  return trigger.type === 'record' || trigger.type === 'relative' || trigger.type === 'manual'
    ? trigger.object
    : undefined;
}

export function triggerSpec(trigger: Trigger): ResourceSpec | undefined {
  const object = triggerObject(trigger);
  return object ? findResourceByType(object) : undefined;
}

/**
 * The fields a rule with this trigger may name: the resource's presented fields plus its custom
 * fields defined in this company (`custom.<key>`), or an inbound event's fields (inbound-triggers.ts).
 */
export async function fieldsFor(trx: Trx, tenantId: string, trigger: Trigger): Promise<Map<string, ValueKind>> {
  const inbound = inboundOf(trigger);
  if (inbound) return new Map(Object.entries(inbound.fields));
  if (trigger.type === 'schedule') return new Map(Object.entries(scheduleFields));
  const spec = triggerSpec(trigger);
  if (!spec) throw new Error(`no resource for record type ${triggerObject(trigger)}`);
  const fields = new Map<string, ValueKind>();
  for (const [name, field] of Object.entries(allFields(spec)))
    if (!field.internal) fields.set(name, kindOf[field.kind]);
  if (spec.customObject) {
    const defs = await trx
      .selectFrom('custom_fields')
      .select(['key', 'type'])
      .where('tenant_id', '=', tenantId)
      .where('object_type', '=', spec.customObject)
      .where('deleted_at', 'is', null)
      .execute();
    for (const d of defs) fields.set(`custom.${d.key}`, customKind[d.type] ?? 'text');
  }
  return fields;
}

/** A presented record (or call) flattened to the names conditions use (`custom.<key>`). */
export function flatten(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const custom = record.custom;
  if (custom && typeof custom === 'object' && !Array.isArray(custom)) {
    for (const [k, v] of Object.entries(custom as Record<string, unknown>)) out[`custom.${k}`] = v;
  }
  delete out.custom;
  return out;
}
