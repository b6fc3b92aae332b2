import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../../common/ids.ts';
import type { Trx } from '../../db/tenant-transaction.ts';
import type { Imports } from '../../db/schema.ts';
import { fieldError, notFound } from '../../errors.ts';
import type { FileStorage } from '../../storage/file-storage.ts';
import { loadChannel, type ChannelRow } from '../channel-store.ts';
import type { MappingRule } from '../mapping.ts';
import { describeFile, formatOf, type FileFormat } from './import-files.ts';

/**
 * An imported file: stored as uploaded (its sha256 names it), described once (header, row
 * count), then run as a background job. Each row becomes an intake record of the import
 * channel with the idempotency key `import:<file sha256>:<row number>`, so importing the same
 * file again — or re-running one — applies nothing twice. Progress and outcome counts are read
 * from those records while the job runs.
 */
export type ImportRow = Selectable<Imports>;

export const importStatuses = ['uploaded', 'queued', 'running', 'finished', 'failed'] as const;

const countsSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  review: z.number(),
  dead: z.number(),
  retrying: z.number().describe('Failed once, waiting for a retry'),
  queued: z.number(),
  repeated: z.number().describe('Rows an earlier import of the same file already stored: not applied again'),
});

export const importSchema = z
  .object({
    id: z.string(),
    channelId: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    fileHash: z.string().describe('sha256 of the file; with the row number, the idempotency key of each row'),
    sizeBytes: z.number(),
    columns: z.array(z.string()),
    status: z.enum(importStatuses),
    progress: z.object({
      totalRows: z.number(),
      processedRows: z.number(),
      percent: z.number().describe('0–100'),
      rowsPerSecond: z.number(),
      errors: z.number().describe('Rows failed so far: dead letters and rows waiting for a retry'),
    }),
    counts: countsSchema,
    deadByReason: z.record(z.string(), z.number()),
    mappingWarnings: z.array(z.string()).describe('Mapping sources that are not columns of this file, and the like'),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Import' });

export type ImportOut = z.infer<typeof importSchema>;

export const importKey = (fileHash: string, rowNumber: number) => `import:${fileHash}:${rowNumber}`;

export async function loadImport(trx: Trx, tenantId: string, id: string): Promise<ImportRow> {
  const row = await trx
    .selectFrom('imports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('import', id);
  return row;
}

export async function importChannel(trx: Trx, tenantId: string, channelId: string): Promise<ChannelRow> {
  const channel = await loadChannel(trx, tenantId, channelId);
  if (channel.kind !== 'import') throw fieldError('channelId', `is a ${channel.kind} channel, not an import channel`);
  return channel;
}

/** Stores the file and its description; the import waits for `start`. */
export async function createImport(
  trx: Trx,
  storage: FileStorage,
  input: { tenantId: string; channel: ChannelRow; fileName: string; data: Buffer; userId: string | null },
): Promise<ImportRow> {
  const format: FileFormat = formatOf(input.fileName, input.data);
  const { columns, rows } = await describeFile(format, input.data);
  const id = newId();
  const fileHash = createHash('sha256').update(input.data).digest('hex');
  const storageKey = `imports/${input.tenantId}/${id}.${format}`;
  await storage.put(storageKey, input.data);
  return trx
    .insertInto('imports')
    .values({
      tenant_id: input.tenantId,
      id,
      channel_id: input.channel.id,
      file_name: input.fileName,
      file_format: format,
      file_hash: fileHash,
      size_bytes: input.data.length,
      storage_key: storageKey,
      columns: JSON.stringify(columns),
      total_rows: rows,
      created_by: input.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Outcome counts of an import's rows, live from its intake records. */
export async function importCounts(trx: Trx, row: ImportRow) {
  const groups = await trx
    .selectFrom('intake_records')
    .select(['status', 'reason', sql<boolean>`attempts > 0`.as('failed_once'), sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', row.tenant_id)
    .where('import_id', '=', row.id)
    .groupBy(['status', 'reason', sql`attempts > 0`])
    .execute();
  const counts = { created: 0, updated: 0, unchanged: 0, review: 0, dead: 0, retrying: 0, queued: 0 };
  const deadByReason: Record<string, number> = {};
  for (const g of groups) {
    if (g.status === 'dead') {
      counts.dead += g.n;
      deadByReason[g.reason ?? 'unknown'] = (deadByReason[g.reason ?? 'unknown'] ?? 0) + g.n;
    } else if (g.status === 'queued') counts[g.failed_once ? 'retrying' : 'queued'] += g.n;
    else if (g.status in counts) counts[g.status as keyof typeof counts] += g.n;
  }
  return { counts: { ...counts, repeated: row.repeated_rows }, deadByReason };
}

/** Mapping sources the file has no column for (a rule that would read nothing from every row). */
export function mappingWarnings(channel: ChannelRow, columns: string[]): string[] {
  const known = new Set(columns);
  const rules = channel.mapping as unknown as MappingRule[];
  const warnings = rules
    .filter((rule) => !known.has(rule.source.replace(/^\$\./, '')))
    .map((rule) => `mapping source "${rule.source}" (→ ${rule.target}) is not a column of this file`);
  if (rules.length === 0) warnings.push('the channel has no mapping yet: map the columns before starting');
  return warnings;
}

export async function presentImport(trx: Trx, row: ImportRow, channel?: ChannelRow): Promise<ImportOut> {
  const { counts, deadByReason } = await importCounts(trx, row);
  const seconds = row.started_at
    ? Math.max(0.001, ((row.finished_at ?? new Date()).getTime() - row.started_at.getTime()) / 1000)
    : 0;
  const percent = row.total_rows ? Math.min(100, Math.floor((row.processed_rows / row.total_rows) * 100)) : 100;
  const owner = channel ?? (await loadChannel(trx, row.tenant_id, row.channel_id).catch(() => undefined));
  return {
    id: row.id,
    channelId: row.channel_id,
    fileName: row.file_name,
    format: row.file_format as FileFormat,
    fileHash: row.file_hash,
    sizeBytes: Number(row.size_bytes),
    columns: row.columns,
    status: row.status as ImportOut['status'],
    progress: {
      totalRows: row.total_rows,
      processedRows: row.processed_rows,
      percent: row.status === 'finished' ? 100 : percent,
      rowsPerSecond: seconds ? Math.round(row.processed_rows / seconds) : 0,
      errors: counts.dead + counts.retrying,
    },
    counts,
    deadByReason,
    mappingWarnings: owner ? mappingWarnings(owner, row.columns) : [],
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
  };
}
