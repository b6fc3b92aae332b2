import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { asSystem } from '../../db/tenant-transaction.ts';

/**
 * An import whose worker died (its process ended, or lost the database for good) stays
 * `running` with no one running it. The import job saves progress — and its heartbeat,
 * `imports.heartbeat_at` — after every batch, seconds apart; one still `running` without a
 * heartbeat for `STALE_IMPORT_MINUTES` is marked `failed` with the reason in `lastError`, shown
 * on the import page and by `GET /imports/{id}`. Starting it again goes on from the stored rows
 * (their idempotency keys): nothing is applied twice. Should its worker still be alive after
 * all, its next batch saves progress and its end marks it finished.
 */
export const STALE_IMPORT_MINUTES = 15;

export const staleImportMessage = (minutes: number) =>
  `no progress for ${minutes} minutes: the import's worker stopped (its process ended or lost the database); ` +
  'start it again to go on from the rows already stored';

export interface StaleImport {
  tenantId: string;
  importId: string;
  processedRows: number;
}

/** Marks every stale running import failed (all companies, or one); returns them. */
export async function failStaleImports(
  database: Database,
  opts: { staleMinutes?: number; tenantId?: string } = {},
): Promise<StaleImport[]> {
  const minutes = opts.staleMinutes ?? STALE_IMPORT_MINUTES;
  const rows = await asSystem(database.owner, (trx) =>
    trx
      .updateTable('imports')
      .set({ status: 'failed', finished_at: sql<Date>`now()`, last_error: staleImportMessage(minutes) })
      .where('status', '=', 'running')
      .where(sql<boolean>`coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(mins => ${minutes})`)
      .$if(Boolean(opts.tenantId), (q) => q.where('tenant_id', '=', opts.tenantId!))
      .returning(['tenant_id', 'id', 'processed_rows'])
      .execute(),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, importId: r.id, processedRows: r.processed_rows }));
}
