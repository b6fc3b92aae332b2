import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { tenantSettingDefaults } from '../../common/tenant-settings.ts';
import type { Database } from '../db/database.ts';
import type { TenantSettings } from '../db/column-types.ts';
import { asSystem, withTenant, type Trx } from '../db/tenant-transaction.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { loadBatchTables, type BatchTable } from '../jobs/batch-tables.ts';
import { errorInfo, silentLogger, type JobLogger } from '../jobs/boss.ts';

export const defaultRetentionDays = tenantSettingDefaults.recycleRetentionDays;

export interface PurgeOptions {
  now?: Date;
  /** Only this tenant (default: all). */
  tenantId?: string;
  logger?: JobLogger;
  /** Stops between entries when aborted (the job runner is shutting down). */
  signal?: AbortSignal;
}

export interface PurgeResult {
  /** Recycle-bin entries removed (expired ones and those whose record went with a parent). */
  purged: number;
  /** Attachment files deleted from storage. */
  files: number;
  /** Entries that could not be purged (logged; they stay for the next run). */
  failed: number;
}

export function retentionDays(settings: TenantSettings | null | undefined): number {
  const days = settings?.recycleRetentionDays;
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : defaultRetentionDays;
}

/**
 * Hard-deletes what has sat in the recycle bin longer than the tenant's retention: every row of
 * the entry's delete batch, its attachments' files, the entry itself, plus an audit row. Each
 * entry is its own tenant transaction (RLS applies; a bad entry does not block the others; on
 * PGlite the single session is never held for long). Files are deleted after the commit, so a
 * rollback never leaves rows pointing at missing files; a crash in between leaves stray files.
 */
export async function purgeExpiredRecycleBin(
  database: Database,
  storage: FileStorage,
  opts: PurgeOptions = {},
): Promise<PurgeResult> {
  const { now = new Date(), tenantId, logger = silentLogger, signal } = opts;
  const tenants = await asSystem(database.db, (trx) => {
    let query = trx.selectFrom('tenants').select(['id', 'settings']).orderBy('id');
    if (tenantId) query = query.where('id', '=', tenantId);
    return query.execute();
  });
  const tables = await loadBatchTables(database.db);
  const total: PurgeResult = { purged: 0, files: 0, failed: 0 };
  for (const tenant of tenants) {
    if (signal?.aborted) break;
    const cutoff = new Date(now.getTime() - retentionDays(tenant.settings) * 86_400_000);
    const result = await purgeTenant({ database, storage, tables, logger, signal }, tenant.id, cutoff);
    total.purged += result.purged;
    total.files += result.files;
    total.failed += result.failed;
    if (result.purged || result.failed) logger.info({ tenantId: tenant.id, ...result }, 'recycle bin purged');
  }
  return total;
}

interface PurgeRun {
  database: Database;
  storage: FileStorage;
  tables: BatchTable[];
  logger: JobLogger;
  signal?: AbortSignal;
}

async function purgeTenant({ database, storage, tables, logger, signal }: PurgeRun, tenantId: string, cutoff: Date) {
  const result: PurgeResult = { purged: 0, files: 0, failed: 0 };
  const purge = async (entryIds: string[], expiredBefore: Date | null) => {
    for (const entryId of entryIds) {
      if (signal?.aborted) return;
      try {
        const { entries, keys } = await withTenant(database.db, tenantId, (trx) =>
          purgeEntry(trx, tables, tenantId, entryId, expiredBefore),
        );
        result.purged += entries;
        result.files += await deleteFiles(storage, keys, logger);
      } catch (error) {
        result.failed++;
        logger.error({ tenantId, entryId, err: errorInfo(error) }, 'recycle bin entry not purged');
      }
    }
  };

  const expired = await withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('recycle_bin')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', '<', cutoff)
      .orderBy('deleted_at')
      .execute(),
  );
  await purge(
    expired.map((e) => e.id),
    cutoff,
  );
  // Entries whose record is already gone: it was deleted on its own first (own batch), then
  // removed by a foreign-key cascade when its parent's batch was purged. Purge the rest of it.
  const orphans = await withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('recycle_bin as rb')
      .select('rb.id')
      .where('rb.tenant_id', '=', tenantId)
      .where(sql<boolean>`not ${recordExists(tables)}`)
      .execute(),
  );
  await purge(
    orphans.map((e) => e.id),
    null,
  );
  return result;
}

/** True when some business row has the id of recycle_bin `rb`'s record (UUIDv7s are unique across tables). */
const recordExists = (tables: BatchTable[]) =>
  sql`(${sql.join(
    tables.map(
      (t) =>
        sql`exists (select 1 from ${sql.table(t.name)} x where x.tenant_id = rb.tenant_id and x.id = rb.record_id)`,
    ),
    sql` or `,
  )})`;

async function purgeEntry(
  trx: Trx,
  tables: BatchTable[],
  tenantId: string,
  entryId: string,
  expiredBefore: Date | null,
) {
  let query = trx.selectFrom('recycle_bin').selectAll().where('tenant_id', '=', tenantId).where('id', '=', entryId);
  if (expiredBefore) query = query.where('deleted_at', '<', expiredBefore);
  const entry = await query.forUpdate().executeTakeFirst(); // restoreRecord locks the entry too
  if (!entry) return { entries: 0, keys: [] }; // restored or purged meanwhile
  const batch = entry.batch_id;
  const inBatch = sql`r.tenant_id = ${tenantId} and r.delete_batch_id = ${batch} and r.deleted_at is not null`;
  const keys = new Set<string>();

  // Attachments of records in the batch that are not themselves in it (a foreign-key cascade
  // through customer_id would otherwise remove them without us seeing their files).
  const batchIds = sql.join(
    tables.map((t) => sql`select r.id from ${sql.table(t.name)} r where ${inBatch}`),
    sql` union all `,
  );
  if (tables.some((t) => t.name === 'attachments')) {
    const linked = await sql<{ storage_key: string }>`
      delete from attachments a
      where a.tenant_id = ${tenantId} and (a.record_id in (${batchIds}) or a.customer_id in (${batchIds}))
      returning a.storage_key`.execute(trx);
    for (const row of linked.rows) keys.add(row.storage_key);
  }
  for (const table of tables) {
    if (table.hasStorageKey) {
      const removed = await sql<{
        storage_key: string;
      }>`delete from ${sql.table(table.name)} r where ${inBatch} returning r.storage_key`.execute(trx);
      for (const row of removed.rows) keys.add(row.storage_key);
    } else {
      await sql`delete from ${sql.table(table.name)} r where ${inBatch}`.execute(trx);
    }
  }

  // A file may be shared with rows that remain (the same content uploaded twice): keep it then.
  for (const table of tables.filter((t) => t.hasStorageKey)) {
    if (keys.size === 0) break;
    const kept = await sql<{ storage_key: string }>`
      select storage_key from ${sql.table(table.name)} where tenant_id = ${tenantId} and storage_key in (${sql.join([...keys])})`.execute(
      trx,
    );
    for (const row of kept.rows) keys.delete(row.storage_key);
  }

  const gone = await trx
    .deleteFrom('recycle_bin')
    .where('tenant_id', '=', tenantId)
    .where('batch_id', '=', batch)
    .returning(['record_type', 'record_id'])
    .execute();
  await trx
    .insertInto('audit_log')
    .values(
      gone.map((g) => ({
        tenant_id: tenantId,
        id: newId(),
        actor_id: null,
        actor_name: 'system',
        action: 'purge',
        record_type: g.record_type,
        record_id: g.record_id,
        changes: '{}',
      })),
    )
    .execute();
  return { entries: gone.length, keys: [...keys] };
}

async function deleteFiles(storage: FileStorage, keys: string[], logger: JobLogger): Promise<number> {
  let deleted = 0;
  for (const key of keys) {
    try {
      await storage.delete(key);
      deleted++;
    } catch (error) {
      logger.warn({ storageKey: key, err: errorInfo(error) }, 'attachment file not deleted');
    }
  }
  return deleted;
}
