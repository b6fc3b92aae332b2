import { sql } from 'kysely';
import { sandboxEndsAt } from '../access/access-context.ts';
import { readSettings } from '../access/role-data.ts';
import { writeAuditAs } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant, type Trx } from '../db/tenant-transaction.ts';
import { errorInfo, silentLogger, type JobLogger } from '../jobs/boss.ts';
import type { RequestMeta } from '../resources/context.ts';

/** How far back a run looks for sandbox periods that ended (covers days the job did not run). */
export const SANDBOX_CLOSE_LOOKBACK_DAYS = 14;

export interface SandboxCloseOptions {
  now?: Date;
  /** Only this tenant (default: all). */
  tenantId?: string;
  logger?: JobLogger;
  signal?: AbortSignal;
}

const closeMeta: RequestMeta = { requestId: 'job:access.sandbox-close', ip: null, userAgent: null };
const DAY = 86_400_000;

/** The calendar date in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Writes the audit row of each new hire whose sandbox period has ended by itself (the hire date
 * plus the tenant's sandbox days), once: a period whose end is already in the user's audit trail
 * is skipped, and a per-tenant advisory lock keeps overlapping runs from writing it twice. A
 * sandbox an administrator ended early has its own row (sandbox.end by that administrator).
 * Periods that ended more than SANDBOX_CLOSE_LOOKBACK_DAYS ago are left alone.
 */
export interface SandboxCloseResult {
  /** Audit rows written (one per ended sandbox period). */
  audited: number;
  /** Tenants whose run failed (logged; the next run catches up within the look-back). */
  failed: number;
}

export async function auditEndedSandboxes(
  database: Database,
  opts: SandboxCloseOptions = {},
): Promise<SandboxCloseResult> {
  const { now = new Date(), tenantId, logger = silentLogger, signal } = opts;
  const tenants = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('tenants')
      .select(['id', 'settings'])
      .$if(Boolean(tenantId), (q) => q.where('id', '=', tenantId!))
      .orderBy('id')
      .execute(),
  );
  const result: SandboxCloseResult = { audited: 0, failed: 0 };
  for (const tenant of tenants) {
    if (signal?.aborted) break;
    const days = readSettings(tenant.settings ?? undefined).sandboxDays;
    if (days <= 0) continue;
    try {
      result.audited += await withTenant(database.db, tenant.id, (trx) => closeTenant(trx, tenant.id, days, now));
    } catch (error) {
      result.failed++;
      logger.error({ tenantId: tenant.id, err: errorInfo(error) }, 'ended sandboxes not audited');
    }
  }
  if (result.audited || result.failed) logger.info({ ...result }, 'ended sandboxes audited');
  return result;
}

async function closeTenant(trx: Trx, tenantId: string, days: number, now: Date) {
  await sql`select pg_advisory_xact_lock(hashtext(${`sandbox-close:${tenantId}`}))`.execute(trx);
  const earliest = new Date(now.getTime() - (days + SANDBOX_CLOSE_LOOKBACK_DAYS + 1) * DAY);
  const candidates = await trx
    .selectFrom('users')
    .select(['id', 'hire_date'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where('sandbox_ended_at', 'is', null)
    .where('hire_date', '>=', chinaDate(earliest))
    .where('hire_date', '<=', chinaDate(now))
    .execute();
  const ended = candidates
    .map((u) => ({ id: u.id, endedAt: sandboxEndsAt(String(u.hire_date), days) }))
    .filter((u) => u.endedAt <= now && u.endedAt.getTime() > now.getTime() - SANDBOX_CLOSE_LOOKBACK_DAYS * DAY);
  if (ended.length === 0) return 0;
  const audited = await trx
    .selectFrom('audit_log')
    .select(['record_id', sql<string>`changes->'sandboxEndedAt'->>'after'`.as('ended_at')])
    .where('tenant_id', '=', tenantId)
    .where('record_type', '=', 'user')
    .where(
      'record_id',
      'in',
      ended.map((u) => u.id),
    )
    .where('action', '=', 'sandbox.end')
    .execute();
  const done = new Set(audited.map((a) => `${a.record_id} ${a.ended_at}`));
  const entries = ended
    .filter((u) => !done.has(`${u.id} ${u.endedAt.toISOString()}`))
    .map((u) => ({
      action: 'sandbox.end',
      recordType: 'user',
      recordId: u.id,
      changes: { sandboxEndedAt: { before: null, after: u.endedAt.toISOString() } },
    }));
  await writeAuditAs(trx, tenantId, { id: null, name: 'system' }, closeMeta, entries);
  return entries.length;
}
