import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { consistencyChecks, runCheck, type ConsistencyCheck } from './checks.ts';

export type ScanTrigger = 'cli' | 'api' | 'schedule';

export interface ScanProgress {
  tenantId: string;
  /** Checks done so far out of `total` for this company. */
  done: number;
  total: number;
  check: ConsistencyCheck;
}

export interface ScanReport {
  reportId: string;
  tenantId: string;
  findings: number;
  byCheck: Record<ConsistencyCheck, number>;
}

/**
 * Runs every check for one company and writes the report with its findings in one transaction:
 * a report is either complete or absent, never half written. `startedBy` is the user who asked
 * (null for the CLI and the schedule).
 */
export async function scanTenant(
  database: Database,
  tenantId: string,
  trigger: ScanTrigger,
  opts: { startedBy?: string | null; onProgress?: (p: ScanProgress) => void } = {},
): Promise<ScanReport> {
  return withTenant(database.db, tenantId, (trx) => scanInTransaction(trx, tenantId, trigger, opts));
}

/** The same inside the caller's tenant transaction (the API's). */
export async function scanInTransaction(
  trx: Trx,
  tenantId: string,
  trigger: ScanTrigger,
  opts: { startedBy?: string | null; onProgress?: (p: ScanProgress) => void } = {},
): Promise<ScanReport> {
  const reportId = newId();
  await trx
    .insertInto('consistency_reports')
    .values({ id: reportId, tenant_id: tenantId, trigger, created_by: opts.startedBy ?? null })
    .execute();
  const byCheck = Object.fromEntries(consistencyChecks.map((c) => [c, 0])) as Record<ConsistencyCheck, number>;
  let done = 0;
  for (const check of consistencyChecks) {
    const findings = await runCheck[check](trx, tenantId);
    byCheck[check] = findings.length;
    for (let i = 0; i < findings.length; i += 500) {
      await trx
        .insertInto('consistency_findings')
        .values(
          findings.slice(i, i + 500).map((f) => ({
            id: newId(),
            tenant_id: tenantId,
            report_id: reportId,
            check_name: f.check,
            record_type: f.recordType,
            record_ids: f.recordIds,
            detail: JSON.stringify(f.detail),
            suggested_fix: f.suggestedFix,
            fix_kind: f.fixKind,
            created_by: opts.startedBy ?? null,
          })),
        )
        .execute();
    }
    opts.onProgress?.({ tenantId, done: ++done, total: consistencyChecks.length, check });
  }
  const total = Object.values(byCheck).reduce((a, b) => a + b, 0);
  await trx
    .updateTable('consistency_reports')
    .set({ status: 'done', finished_at: sql`now()`, summary: JSON.stringify({ findings: total, byCheck }) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reportId)
    .execute();
  return { reportId, tenantId, findings: total, byCheck };
}

/** Scans every company (or those given), one after another. */
export async function scanAll(
  database: Database,
  trigger: ScanTrigger,
  opts: { tenantIds?: string[]; onProgress?: (p: ScanProgress) => void } = {},
): Promise<ScanReport[]> {
  const tenantIds =
    opts.tenantIds ??
    (await database.owner.selectFrom('tenants').select('id').orderBy('created_at').execute()).map((t) => t.id);
  const reports: ScanReport[] = [];
  for (const tenantId of tenantIds) reports.push(await scanTenant(database, tenantId, trigger, opts));
  return reports;
}
