import type { Trx } from '../db/tenant-transaction.ts';
import type { Setter } from './merge-policy.ts';

/**
 * Who last set each field of a customer or contact: a channel (from `field_provenance`, written
 * with every intake write) or a person (the newest audit entry that changed the field, when it
 * is newer than the channel's write). Custom fields are named `custom.<key>`.
 */
export interface FieldSetter extends Setter {
  field: string;
  source: 'channel' | 'user';
  userId: string | null;
  userName: string | null;
  intakeId: string | null;
  /** When the value was written (for a channel, `at` is the source's own time). */
  setAt: Date;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields one audit change entry touched (custom values are compared key by key). */
function touched(changes: Record<string, { before: unknown; after: unknown }>): string[] {
  const fields: string[] = [];
  for (const [name, change] of Object.entries(changes)) {
    if (name !== 'custom') {
      fields.push(name);
      continue;
    }
    const before = (change.before ?? {}) as Record<string, unknown>;
    const after = (change.after ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (!same(before[key], after[key])) fields.push(`custom.${key}`);
  }
  return fields;
}

export async function loadProvenance(
  trx: Trx,
  tenantId: string,
  recordId: string,
  recordType: 'customer' | 'contact' = 'customer',
): Promise<Map<string, FieldSetter>> {
  const result = new Map<string, FieldSetter>();
  const rows = await trx
    .selectFrom('field_provenance')
    .leftJoin('channels', (j) =>
      j
        .onRef('channels.tenant_id', '=', 'field_provenance.tenant_id')
        .onRef('channels.id', '=', 'field_provenance.channel_id'),
    )
    .select([
      'field_provenance.field',
      'field_provenance.channel_id',
      'field_provenance.intake_id',
      'field_provenance.source_at',
      'field_provenance.set_at',
      'channels.key',
      'channels.service_user_id',
    ])
    .where('field_provenance.tenant_id', '=', tenantId)
    .where('field_provenance.record_type', '=', recordType)
    .where('field_provenance.record_id', '=', recordId)
    .execute();
  for (const r of rows)
    result.set(r.field, {
      field: r.field,
      source: 'channel',
      channelId: r.channel_id,
      channelKey: r.key,
      userId: r.service_user_id,
      userName: null,
      intakeId: r.intake_id,
      at: r.source_at ?? r.set_at,
      setAt: r.set_at,
    });
  const entries = await trx
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_name', 'occurred_at', 'changes'])
    .where('tenant_id', '=', tenantId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('action', 'in', ['create', 'update', 'restore', 'merge'])
    .orderBy('occurred_at', 'desc')
    .limit(200)
    .execute();
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const field of touched(entry.changes)) {
      if (seen.has(field)) continue;
      seen.add(field);
      const channel = result.get(field);
      // the channel's own write happens in the same transaction as its audit entry (same now())
      if (channel && channel.setAt.getTime() >= entry.occurred_at.getTime()) continue;
      result.set(field, {
        field,
        source: 'user',
        channelId: null,
        channelKey: null,
        userId: entry.actor_id,
        userName: entry.actor_name,
        intakeId: null,
        at: entry.occurred_at,
        setAt: entry.occurred_at,
      });
    }
  }
  return result;
}
