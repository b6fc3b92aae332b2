import type { Trx } from '../../db/tenant-transaction.ts';
import { csvCell } from '../../exports/export-render.ts';
import type { ImportRow } from './import-store.ts';

/** One line of an import's error report: the row as the spreadsheet numbers it, the field, why. */
export interface ImportErrorLine {
  row: number;
  field: string;
  reason: string;
  message: string;
  status: 'dead' | 'retrying';
}

/**
 * The rows of an import that failed — dead letters, and rows waiting for a retry — one line per
 * field at fault (the mapping's or validation's fields), or one line for the row when the failure
 * is not about a field (permission, conflict, a lost connection).
 */
export async function importErrors(trx: Trx, row: ImportRow, limit = 100_000): Promise<ImportErrorLine[]> {
  const failed = await trx
    .selectFrom('intake_records')
    .select(['row_number', 'status', 'reason', 'last_error', 'error_fields'])
    .where('tenant_id', '=', row.tenant_id)
    .where('import_id', '=', row.id)
    .where((eb) => eb.or([eb('status', '=', 'dead'), eb.and([eb('status', '=', 'queued'), eb('attempts', '>', 0)])]))
    .orderBy('row_number')
    .limit(limit)
    .execute();
  return failed.flatMap((f) => {
    const base = {
      row: f.row_number ?? 0,
      reason: f.reason ?? 'unknown',
      status: f.status === 'dead' ? ('dead' as const) : ('retrying' as const),
    };
    const fields = (f.error_fields ?? []) as Array<{ path?: unknown; message?: unknown }>;
    if (fields.length === 0) return [{ ...base, field: '', message: f.last_error ?? '' }];
    return fields.map((issue) => ({ ...base, field: String(issue.path ?? ''), message: String(issue.message ?? '') }));
  });
}

/** The error report as CSV (UTF-8 with BOM, so Excel opens it): row, field, reason, status, message. */
export function errorReportCsv(lines: ImportErrorLine[]): Buffer {
  const text = [
    ['row', 'field', 'reason', 'status', 'message'].join(','),
    ...lines.map((l) => [l.row, l.field, l.reason, l.status, l.message].map(csvCell).join(',')),
  ].join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
