import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '../../errors.ts';

/**
 * Reading an uploaded file as rows: CSV (UTF-8, with or without BOM, or the GB18030 that Excel
 * writes on Chinese Windows) through csv-parse, XLSX (the first worksheet) through exceljs's
 * streaming reader. The first row names the columns; each later row becomes one payload
 * `{column: text}`, numbered as a spreadsheet shows it (the header is row 1). Cells are text:
 * what a mapping rule reads from a file is what the person typed.
 */
export type FileFormat = 'csv' | 'xlsx';

export interface FileRow {
  rowNumber: number;
  payload: Record<string, string>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The file's format from its name and first bytes; anything else is refused with 415. */
export function formatOf(fileName: string, data: Buffer): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const zipped = data.subarray(0, 4).equals(ZIP_MAGIC);
  if (ext === 'xlsx' || (ext !== 'csv' && zipped)) {
    if (!zipped) throw fieldError('file', 'is named .xlsx but is not an Excel workbook');
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt' || ext === undefined) return 'csv';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `cannot import .${ext} files: save it as .csv or .xlsx`, {
    fields: [{ path: 'file', message: 'must be a .csv or .xlsx file' }],
  });
}

/** CSV text: UTF-8 when it is valid UTF-8, else GB18030 (Excel's "CSV" on Chinese Windows). */
export function decodeCsv(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Column names from a header row: trimmed, blanks named column_N, repeats suffixed _2, _3 … */
export function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees: numbers plainly, dates as YYYY-MM-DD[ HH:mm:ss], formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // Excel stores wall-clock times; exceljs hands them over as that wall clock in UTC
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value as string);
}

function toPayload(columns: string[], cells: string[]): Record<string, string> {
  const payload: Record<string, string> = {};
  columns.forEach((column, i) => (payload[column] = cells[i] ?? ''));
  return payload;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

async function* csvRows(data: Buffer): AsyncGenerator<string[]> {
  const parser = Readable.from([decodeCsv(data)]).pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }),
  );
  for await (const record of parser) yield record as string[];
}

async function* xlsxRows(data: Buffer): AsyncGenerator<{ number: number; cells: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
      yield { number: row.number, cells: Array.from(values, cellText) };
    }
    return; // the first worksheet only
  }
}

/** Every row of the file after the header, in order; `columns` is set once the header is read. */
export async function* readRows(
  format: FileFormat,
  data: Buffer,
  header: { columns?: string[] } = {},
): AsyncGenerator<FileRow> {
  try {
    if (format === 'csv') {
      let index = 0;
      for await (const cells of csvRows(data)) {
        index++;
        if (!header.columns) header.columns = columnNames(cells);
        else if (!isBlank(cells)) yield { rowNumber: index, payload: toPayload(header.columns, cells) };
      }
    } else {
      for await (const { number, cells } of xlsxRows(data)) {
        if (!header.columns) {
          if (isBlank(cells)) continue;
          header.columns = columnNames(cells);
        } else if (!isBlank(cells)) yield { rowNumber: number, payload: toPayload(header.columns, cells) };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fieldError('file', `cannot be read as ${format.toUpperCase()}: ${(error as Error).message}`);
  }
}

/** The header and the number of data rows (read once at upload; refuses a file without a header). */
export async function describeFile(format: FileFormat, data: Buffer): Promise<{ columns: string[]; rows: number }> {
  const header: { columns?: string[] } = {};
  let rows = 0;
  for await (const _row of readRows(format, data, header)) rows++;
  if (!header.columns?.length) throw fieldError('file', 'has no header row naming its columns');
  return { columns: header.columns, rows };
}
