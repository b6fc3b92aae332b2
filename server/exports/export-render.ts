import ExcelJS from 'exceljs';
import type { ExportTable } from './export-request.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface Watermark {
  /** Who asked for the export and when, e.g. `导出人: 王建国（manager） 时间: 2025-03-01 14:05:09 (UTC+8)`. */
  text: string;
  /** The per-row mark: name and time. */
  mark: string;
}

export interface RenderedExport {
  data: Buffer;
  mimeType: string;
  fileName: string;
}

/** Shanghai wall-clock time, e.g. 2025-03-01 14:05:09. */
const shanghai = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export function watermarkFor(requester: { displayName: string; username: string }, at: Date): Watermark {
  const time = `${shanghai(at)} (UTC+8)`;
  return {
    text: `导出人: ${requester.displayName}（${requester.username}） 时间: ${time}`,
    mark: `${requester.displayName} ${shanghai(at)}`,
  };
}

/** One cell as text: lists joined, money as "amount currency", nothing as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === 'string' && typeof money.currency === 'string')
      return `${money.amount} ${money.currency}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Keeps spreadsheet programs from running cell text as a formula (phone numbers like +86… stay as they are). */
const defuse = (text: string) => (/^[=@\t\r]/.test(text) || /^[+-][^\d\s]/.test(text) ? `'${text}` : text);

export function csvCell(value: unknown): string {
  const text = defuse(cellText(value));
  return /[",\r\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM (Excel opens it correctly); a first comment line and a watermark column. */
export function renderCsv(table: ExportTable, watermark: Watermark): Buffer {
  const lines = [`# ${watermark.text}`, [...table.header, '水印'].map(csvCell).join(',')];
  for (const row of table.rows) lines.push([...row, watermark.mark].map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A first watermark row above the header, the mark in the page header and in the workbook properties. */
export async function renderXlsx(table: ExportTable, watermark: Watermark, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cairn CRM';
  workbook.lastModifiedBy = watermark.mark;
  workbook.created = at;
  workbook.modified = at;
  workbook.title = '客户导出';
  workbook.subject = watermark.text;
  workbook.description = watermark.text;
  workbook.keywords = 'Cairn export watermark';
  const sheet = workbook.addWorksheet('客户', {
    headerFooter: { oddHeader: `&L${watermark.text.replace(/&/g, '&&')}`, oddFooter: '&L&P / &N' },
  });
  const width = Math.max(table.header.length, 1);
  sheet.addRow([watermark.text]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).font = { italic: true, color: { argb: 'FF888888' } };
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(cellText));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderExport(
  table: ExportTable,
  format: ExportFormat,
  watermark: Watermark,
  at: Date,
): Promise<RenderedExport> {
  const stamp = shanghai(at).replace(/[-: ]/g, '').slice(0, 12);
  if (format === 'xlsx') {
    return {
      data: await renderXlsx(table, watermark, at),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `customers-${stamp}.xlsx`,
    };
  }
  return { data: renderCsv(table, watermark), mimeType: 'text/csv; charset=utf-8', fileName: `customers-${stamp}.csv` };
}
