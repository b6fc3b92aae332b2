import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { asSystem, withTenant } from '../../db/tenant-transaction.ts';
import { writeAuditAs } from '../../audit/audit.ts';
import { writeOutboxEvent } from '../../jobs/outbox.ts';

/**
 * An import whose worker died (its process ended, or lost the database for good) stays
 * `running` with no one running it. The import job saves progress — and its heartbeat,
 * `imports.heartbeat_at` — after every batch, seconds apart. The sweep finds each import still
 * `running` without a heartbeat for `STALE_IMPORT_MINUTES` and resumes it: queued again with an
 * `import.requested` event (its run goes on from the stored rows, by their idempotency keys, so
 * nothing is applied twice), audited as the system's `resume`. An import that has been resumed
 * `MAX_AUTO_RESUMES` times and stalls again is marked `failed` with the reason in `lastError`,
 * shown on the import page and by `GET /imports/{id}`, for a person to look at; starting it again
 * goes on from the stored rows too. Should its worker still be alive after all, its next batch
 * saves progress and its end marks it finished.
 */
export const STALE_IMPORT_MINUTES = 15;
export const MAX_AUTO_RESUMES = 2;
/** The topic `POST /imports/{id}/start` writes too (import-jobs.ts hands it to `import.run`). */
export const IMPORT_REQUESTED_TOPIC = 'import.requested';

export const staleImportMessage = (minutes: number) =>
  `no progress for ${minutes} minutes: the import's worker stopped (its process ended or lost the database); ` +
  `it was resumed ${MAX_AUTO_RESUMES} times and stalled again: start it again to go on from the rows already stored`;

export const resumedImportMessage = (minutes: number, resume: number) =>
  `no progress for ${minutes} minutes: the import's worker stopped; resumed automatically (${resume} of ` +
  `${MAX_AUTO_RESUMES}) from the rows already stored`;

export interface StaleImport {
  tenantId: string;
  importId: string;
  processedRows: number;
  action: 'resumed' | 'failed';
}

const systemActor = { id: null, name: 'system' };
const sweepMeta = { requestId: 'import-sweep', ip: null, userAgent: 'cairn import sweep' };
const stale = (minutes: number) =>
  sql<boolean>`coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(mins => ${minutes})`;

/** Resumes (or, past MAX_AUTO_RESUMES, fails) every stale running import, of all companies or one; returns them. */
export async function sweepStaleImports(
  database: Database,
  opts: { staleMinutes?: number; tenantId?: string } = {},
): Promise<StaleImport[]> {
  const minutes = opts.staleMinutes ?? STALE_IMPORT_MINUTES;
  const found = await asSystem(database.owner, (trx) =>
    trx
      .selectFrom('imports')
      .select(['tenant_id', 'id'])
      .where('status', '=', 'running')
      .where(stale(minutes))
      .$if(Boolean(opts.tenantId), (q) => q.where('tenant_id', '=', opts.tenantId!))
      .execute(),
  );
  const out: StaleImport[] = [];
  for (const { tenant_id: tenantId, id } of found) {
    const swept = await withTenant(database.db, tenantId, async (trx) => {
      const { resumes } = await trx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('resumes'))
        .where('tenant_id', '=', tenantId)
        .where('record_type', '=', 'import')
        .where('record_id', '=', id)
        .where('action', '=', 'resume')
        .executeTakeFirstOrThrow();
      const resume = Number(resumes) + 1;
      const action = resume <= MAX_AUTO_RESUMES ? ('resumed' as const) : ('failed' as const);
      // conditional on still being stale: a worker that came back meanwhile keeps its import
      const row = await trx
        .updateTable('imports')
        .set(
          action === 'resumed'
            ? { status: 'queued', last_error: resumedImportMessage(minutes, resume), finished_at: null }
            : { status: 'failed', finished_at: sql<Date>`now()`, last_error: staleImportMessage(minutes) },
        )
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where(stale(minutes))
        .returning(['processed_rows'])
        .executeTakeFirst();
      if (!row) return undefined;
      if (action === 'resumed') await writeOutboxEvent(trx, tenantId, IMPORT_REQUESTED_TOPIC, { importId: id });
      await writeAuditAs(trx, tenantId, systemActor, sweepMeta, [
        {
          action: action === 'resumed' ? 'resume' : 'fail',
          recordType: 'import',
          recordId: id,
          changes: { status: { before: 'running', after: action === 'resumed' ? 'queued' : 'failed' } },
        },
      ]);
      return { tenantId, importId: id, processedRows: row.processed_rows, action };
    });
    if (swept) out.push(swept);
  }
  return out;
}
