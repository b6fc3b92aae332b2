import ExcelJS from 'exceljs';
import type { ReportResult } from './report-result.ts';

const measureTitles: Record<string, string> = {
  sum: '金额 Amount',
  count: '笔数 Deals',
  distinctCustomers: '客户数 Customers',
  averageDealSize: '平均单笔 Average deal',
};

const dimensionTitles: Record<string, string> = {
  owner: '负责人 Owner',
  department: '部门 Department',
  region: '地区 Region',
  industry: '行业 Industry',
  product: '产品 Product',
  month: '月份 Month',
  quarter: '季度 Quarter',
};

/** One sheet: the rows as the caller saw them, the totals, then the stamp lines (definition, hash, rates, time). */
export async function reportWorkbook(name: string, report: ReportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cairn CRM';
  const sheet = workbook.addWorksheet(name.slice(0, 31) || 'report');
  const header = [
    '口径版本 Version',
    ...report.groupBy.map((g) => dimensionTitles[g] ?? g),
    ...report.measures.map((m) => measureTitles[m] ?? m),
  ];
  sheet.addRow(header).font = { bold: true };
  for (const row of report.rows) {
    const values = row as unknown as Record<string, unknown>;
    sheet.addRow([
      `V${row.version}`,
      ...report.groupBy.map((g) => row.labels[g] ?? row.group[g] ?? '—'),
      ...report.measures.map((m) => cell(values[m])),
    ]);
  }
  const totals = report.totals as Record<string, unknown>;
  sheet.addRow(['合计 Total', ...report.groupBy.map(() => ''), ...report.measures.map((m) => cell(totals[m]))]).font = {
    bold: true,
  };
  sheet.addRow([]);
  const stamp = report.stamp;
  for (const line of [
    stamp.text,
    `口径哈希 Definition hash: ${stamp.hash}`,
    `汇率来源 Rate sources: ${
      stamp.rateSources
        .map((s) => `${s.rateSet} / ${s.source} ${s.currency}→${s.quote} ${s.firstRateDate}…${s.lastRateDate}`)
        .join('; ') || '—'
    }`,
    `计算时间 Computed at: ${stamp.computedAt}`,
  ])
    sheet.addRow([line]).font = { italic: true };
  sheet.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Amounts stay exact decimal text in the sheet (never converted to floating point). */
const cell = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'number' ? value : String(value);
