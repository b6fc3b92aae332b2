import { newId } from '../../common/ids.ts';
import type { AuditContext, RequestMeta } from '../resources/context.ts';
import type { Trx } from '../db/tenant-transaction.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'login' | 'logout' | (string & {});
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId: string;
  changes: FieldChanges;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-level before/after of two presented records (only changed fields). */
export function diff(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): FieldChanges {
  const changes: FieldChanges = {};
  const skip = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (skip.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (!same(b, a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/** Appends audit rows in the caller's transaction, so no change exists without its record. */
export async function writeAudit(ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  const { actor, meta } = ctx;
  await writeAuditAs(ctx.trx, actor.tenantId, { id: actor.userId, name: actor.displayName }, meta, entries);
}

/** The same for actors that are not signed-in users: the CLI, jobs (`id` null, a name such as "cli"). */
export async function writeAuditAs(
  trx: Trx,
  tenantId: string,
  actor: { id: string | null; name: string },
  meta: RequestMeta,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  for (let i = 0; i < entries.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(auditRows(tenantId, actor, meta, entries.slice(i, i + 500)))
      .execute();
  }
}

/** The audit_log rows of `entries`, for an insert of its own or one joined with another write. */
export function auditRows(
  tenantId: string,
  actor: { id: string | null; name: string },
  meta: RequestMeta,
  entries: AuditEntry[],
) {
  return entries.map((e) => ({
    tenant_id: tenantId,
    id: newId(),
    actor_id: actor.id,
    actor_name: actor.name,
    action: e.action,
    record_type: e.recordType,
    record_id: e.recordId,
    changes: JSON.stringify(e.changes),
    request_id: meta.requestId,
    ip: meta.ip,
    user_agent: meta.userAgent,
  }));
}
