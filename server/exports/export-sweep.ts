import { sql } from 'kysely';
import { writeAuditAs } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { errorInfo, silentLogger, type JobLogger } from '../jobs/boss.ts';
import type { RequestMeta } from '../resources/context.ts';
import type { FileStorage } from '../storage/file-storage.ts';

export interface SweepOptions {
  /** Only this tenant (default: all). */
  tenantId?: string;
  logger?: JobLogger;
  /** Stops between tenants when aborted (the job runner is shutting down). */
  signal?: AbortSignal;
}

export interface SweepResult {
  /** Expired export files removed from storage. */
  removed: number;
  /** Tenants whose sweep failed (logged; their files are taken by the next run). */
  failed: number;
}

const sweepMeta: RequestMeta = { requestId: 'job:exports.sweep', ip: null, userAgent: null };

/**
 * Removes export files that expired without being downloaded: the file leaves storage, the row
 * is marked deleted (a later download still answers 410 "expired") and an audit row records it.
 * Each tenant is one transaction over rows locked with SKIP LOCKED, so runs that overlap never
 * take the same file twice; deleting a file that is already gone is harmless, so a run that
 * rolls back after deleting files is simply completed by the next one.
 */
export async function sweepExpiredExports(
  database: Database,
  storage: FileStorage,
  opts: SweepOptions = {},
): Promise<SweepResult> {
  const { tenantId, logger = silentLogger, signal } = opts;
  const tenants = await asSystem(database.db, (trx) =>
    trx
      .selectFrom('export_files')
      .select('tenant_id')
      .distinct()
      .where('deleted_at', 'is', null)
      .where('downloaded_at', 'is', null)
      .where('expires_at', '<=', sql<Date>`now()`)
      .$if(Boolean(tenantId), (q) => q.where('tenant_id', '=', tenantId!))
      .execute(),
  );
  const result: SweepResult = { removed: 0, failed: 0 };
  for (const { tenant_id: tenant } of tenants) {
    if (signal?.aborted) break;
    try {
      result.removed += await withTenant(database.db, tenant, async (trx) => {
        const expired = await trx
          .selectFrom('export_files')
          .select(['id', 'storage_key', 'file_name', 'expires_at'])
          .where('tenant_id', '=', tenant)
          .where('deleted_at', 'is', null)
          .where('downloaded_at', 'is', null)
          .where('expires_at', '<=', sql<Date>`now()`)
          .forUpdate()
          .skipLocked()
          .execute();
        if (expired.length === 0) return 0;
        for (const file of expired) await storage.delete(file.storage_key);
        await trx
          .updateTable('export_files')
          .set({ deleted_at: sql`now()`, updated_at: sql`now()`, updated_by: null, version: sql`version + 1` })
          .where('tenant_id', '=', tenant)
          .where(
            'id',
            'in',
            expired.map((f) => f.id),
          )
          .execute();
        await writeAuditAs(
          trx,
          tenant,
          { id: null, name: 'system' },
          sweepMeta,
          expired.map((f) => ({
            action: 'export.expired',
            recordType: 'export_file',
            recordId: f.id,
            changes: {
              fileName: { before: f.file_name, after: null },
              expiresAt: { before: f.expires_at.toISOString(), after: null },
            },
          })),
        );
        return expired.length;
      });
    } catch (error) {
      result.failed++;
      logger.error({ tenantId: tenant, err: errorInfo(error) }, 'expired export files not removed');
    }
  }
  if (result.removed || result.failed) logger.info({ ...result }, 'expired export files swept');
  return result;
}
