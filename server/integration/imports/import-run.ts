import { sql, type Updateable } from 'kysely';
import type { Imports } from '../../db/schema.ts';
import type { Readable } from 'node:stream';
import { newId } from '../../../common/ids.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { runIntakeBatch } from '../intake-batch.ts';
import type { ScheduleRetry } from '../intake-process.ts';
import { readRows, type FileFormat, type FileRow } from './import-files.ts';
import { importKey, loadImport, type ImportRow } from './import-store.ts';

/**
 * Runs an import: reads the stored file row by row and, batch by batch, stores each row as an
 * intake record of the import channel (raw payload, idempotency key = file hash + row number)
 * and applies the batch through the intake pipeline (`runIntakeBatch`: mapping, matching,
 * merge policy, record commands, assignment; a failure retries with the channel's backoff or
 * becomes a dead letter with its reason and fields). Progress is saved after every batch.
 *
 * Re-running is safe at any point: a row whose key is already stored is not stored again, and
 * only rows still waiting for their first attempt are applied. A run cut off between storing and
 * applying a batch leaves those rows queued; the next run (pg-boss retries the job) or the intake
 * sweep applies them.
 */
export interface ImportJob {
  tenantId: string;
  importId: string;
}

export interface RunImportOptions {
  schedule?: ScheduleRetry;
  batchSize?: number;
  onProgress?: (processed: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Rows per transaction. Small on the embedded database: its one session is shared with the web
 * requests, which wait while a batch's transaction is open.
 */
export const defaultBatch = (database: Database) => (database.kind === 'postgres' ? 500 : 25);

export async function readStored(storage: FileStorage, key: string): Promise<Buffer> {
  const stream: Readable = await storage.read(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function storeBatch(database: Database, row: ImportRow, batch: FileRow[]) {
  return withTenant(database.db, row.tenant_id, async (trx) => {
    const keys = batch.map((r) => importKey(row.file_hash, r.rowNumber));
    const inserted = await trx
      .insertInto('intake_records')
      .values(
        batch.map((r, i) => ({
          tenant_id: row.tenant_id,
          id: newId(),
          channel_id: row.channel_id,
          idempotency_key: keys[i]!,
          payload: JSON.stringify(r.payload),
          content_type: row.file_format === 'csv' ? 'text/csv' : 'application/vnd.ms-excel',
          import_id: row.id,
          row_number: r.rowNumber,
        })),
      )
      .onConflict((c) => c.columns(['tenant_id', 'channel_id', 'idempotency_key']).doNothing())
      .returning(['id', 'idempotency_key'])
      .execute();
    const fresh = new Map(inserted.map((s) => [s.idempotency_key, s.id]));
    // keys stored before (a re-run, or the same file imported again): looked up only then
    const old = keys.filter((k) => !fresh.has(k));
    const stored = old.length
      ? await trx
          .selectFrom('intake_records')
          .select(['id', 'idempotency_key', 'import_id', 'status', 'attempts', 'next_attempt_at'])
          .where('tenant_id', '=', row.tenant_id)
          .where('channel_id', '=', row.channel_id)
          .where('idempotency_key', 'in', old)
          .execute()
      : [];
    const mine = new Map(stored.filter((s) => s.import_id === row.id).map((s) => [s.idempotency_key, s]));
    const pending: Array<{ intakeId: string; attempt: number }> = [];
    for (const key of keys) {
      const id = fresh.get(key);
      const s = mine.get(key);
      // rows waiting for their first attempt: new now, or stored by a run that was cut off
      if (id) pending.push({ intakeId: id, attempt: 0 });
      else if (s && s.status === 'queued' && s.attempts === 0 && s.next_attempt_at === null)
        pending.push({ intakeId: s.id, attempt: 0 });
    }
    return { repeated: stored.length - mine.size, pending };
  });
}

async function saveProgress(database: Database, row: ImportRow, fields: Updateable<Imports>) {
  await withTenant(database.db, row.tenant_id, (trx) =>
    trx
      .updateTable('imports')
      .set({ ...fields, heartbeat_at: sql`now()` }) // the stale-import sweep's sign of life (import-stale.ts)
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.id)
      .execute(),
  );
}

/**
 * A large import outruns autovacuum's statistics: a planner that still takes the customers table
 * for empty matches each batch by walking the company's rows instead of the unique indexes, and
 * every batch is slower than the last (20k rows into a fresh database: 29 s, against 12.6 s with
 * statistics). So the tables an import fills are analysed (as their owner) each time the import
 * has doubled the rows it wrote since the last time, from 2,000 rows on. Statistics only steer
 * plans: when the analyse is refused or fails, the import goes on.
 */
const importedTables = ['customers', 'contacts', 'channel_links', 'field_provenance', 'intake_records'] as const;
export const FIRST_ANALYSE_AT = 2000;

async function refreshStatistics(database: Database) {
  await sql`analyze ${sql.join(importedTables.map((table) => sql.table(table)))}`
    .execute(database.owner)
    .catch(() => undefined);
}

export interface ImportRunResult {
  processed: number;
  repeated: number;
  seconds: number;
}

/** Runs (or re-runs) one import to its end. Throws when the file cannot be read or the database fails. */
export async function runImport(
  database: Database,
  storage: FileStorage,
  job: ImportJob,
  opts: RunImportOptions = {},
): Promise<ImportRunResult> {
  const started = performance.now();
  const row = await withTenant(database.db, job.tenantId, async (trx) => {
    const found = await loadImport(trx, job.tenantId, job.importId);
    return trx
      .updateTable('imports')
      .set({
        status: 'running',
        started_at: sql`now()`,
        heartbeat_at: sql`now()`,
        finished_at: null,
        processed_rows: 0,
        repeated_rows: 0,
        last_error: null,
      })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', found.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  const batchSize = opts.batchSize ?? defaultBatch(database);
  let processed = 0;
  let repeated = 0;
  let analyseAt = FIRST_ANALYSE_AT;
  try {
    const data = await readStored(storage, row.storage_key);
    let batch: FileRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const stored = await storeBatch(database, row, batch);
      if (stored.pending.length) await runIntakeBatch(database, row.tenant_id, stored.pending, opts);
      processed += batch.length;
      repeated += stored.repeated;
      batch = [];
      if (processed >= analyseAt) {
        await refreshStatistics(database);
        analyseAt = processed * 2;
      }
      await saveProgress(database, row, { processed_rows: processed, repeated_rows: repeated });
      opts.onProgress?.(processed, row.total_rows);
    };
    for await (const fileRow of readRows(row.file_format as FileFormat, data)) {
      if (opts.signal?.aborted) throw new Error('the import was stopped; it goes on from the stored rows when re-run');
      batch.push(fileRow);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await saveProgress(database, row, { status: 'finished', finished_at: new Date(), total_rows: processed });
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    await saveProgress(database, row, { status: 'failed', finished_at: new Date(), last_error: message }).catch(
      () => undefined,
    );
    throw error;
  }
  return { processed, repeated, seconds: (performance.now() - started) / 1000 };
}
