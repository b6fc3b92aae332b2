import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { writeAuditAs } from '../../audit/audit.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { channelByKey } from '../channel-lookup.ts';
import { loadServiceIdentity } from '../service-identity.ts';
import { dryRunSamples } from '../dry-run.ts';
import { describeFile, formatOf, readRows, type FileRow } from './import-files.ts';
import { createImport, importChannel, loadImport, presentImport } from './import-store.ts';
import { runImport } from './import-run.ts';

/**
 * `cairn import <file> --channel <key>`: the same import as the web page's, run in this process
 * with a progress callback — the file is stored, each row becomes an intake record keyed by the
 * file hash and row number, and batches go through the intake pipeline. `dryRun` runs every row
 * through mapping, matching and merging and rolls each back: nothing is stored.
 */
export interface ImportFileOptions {
  channel: string;
  tenant?: string;
  dryRun?: boolean;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportFileSummary {
  importId: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  review: number;
  repeated: number;
  /** Rows that failed (dead letters, or in a dry run: would fail), by reason. */
  deadByReason: Record<string, number>;
  retrying: number;
  seconds: number;
}

async function dryRunFile(
  database: Database,
  target: { tenantId: string; channelId: string },
  fileName: string,
  data: Buffer,
  opts: ImportFileOptions,
): Promise<ImportFileSummary> {
  const started = performance.now();
  const format = formatOf(fileName, data);
  const { rows: total } = await describeFile(format, data);
  const summary: ImportFileSummary = {
    importId: null,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    review: 0,
    repeated: 0,
    deadByReason: {},
    retrying: 0,
    seconds: 0,
  };
  let batch: FileRow[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    const results = await withTenant(database.db, target.tenantId, async (trx) => {
      const channel = await importChannel(trx, target.tenantId, target.channelId);
      const identity = await loadServiceIdentity(trx, target.tenantId, channel.service_user_id, `cli-${process.pid}`);
      const samples = rows.map((r) => ({ id: null, payload: r.payload, receivedAt: new Date() }));
      return dryRunSamples(trx, identity, channel, samples);
    });
    for (const result of results) {
      if (result.status === 'error') {
        const reason = result.reason ?? 'unknown';
        summary.deadByReason[reason] = (summary.deadByReason[reason] ?? 0) + 1;
      } else summary[result.status]++;
    }
    summary.rows += rows.length;
    opts.onProgress?.(summary.rows, total);
  };
  for await (const row of readRows(format, data)) {
    batch.push(row);
    if (batch.length >= (opts.batch ?? 500)) await flush();
  }
  if (batch.length || summary.rows === 0) await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export async function importFile(
  database: Database,
  storage: FileStorage,
  file: string,
  opts: ImportFileOptions,
): Promise<ImportFileSummary> {
  const channel = await channelByKey(database, opts.channel, { tenant: opts.tenant, kind: 'import' });
  const data = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const fileName = path.basename(file);
  const target = { tenantId: channel.tenant_id, channelId: channel.id };
  if (opts.dryRun) return dryRunFile(database, target, fileName, data, opts);
  const created = await withTenant(database.db, channel.tenant_id, async (trx) => {
    const owner = await importChannel(trx, channel.tenant_id, channel.id);
    const row = await createImport(trx, storage, {
      tenantId: channel.tenant_id,
      channel: owner,
      fileName,
      data,
      userId: null,
    });
    const meta = { requestId: `cli-${process.pid}`, ip: null, userAgent: 'cairn-cli import' };
    await writeAuditAs(trx, channel.tenant_id, { id: null, name: 'cli' }, meta, [
      {
        action: 'upload',
        recordType: 'import',
        recordId: row.id,
        changes: { fileName: { before: null, after: fileName }, rows: { before: null, after: row.total_rows } },
      },
    ]);
    return row;
  });
  const result = await runImport(
    database,
    storage,
    { tenantId: channel.tenant_id, importId: created.id },
    { batchSize: opts.batch, onProgress: opts.onProgress },
  );
  const out = await withTenant(database.db, channel.tenant_id, async (trx) =>
    presentImport(trx, await loadImport(trx, channel.tenant_id, created.id)),
  );
  return {
    importId: created.id,
    rows: result.processed,
    created: out.counts.created,
    updated: out.counts.updated,
    unchanged: out.counts.unchanged,
    review: out.counts.review,
    repeated: out.counts.repeated,
    deadByReason: out.deadByReason,
    retrying: out.counts.retrying,
    seconds: result.seconds,
  };
}
