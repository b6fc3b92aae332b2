/** Pure helpers of the report page: row labels, chart series, measure values. */
import type { ReportResult, ReportRow } from '../api/reports.ts';

export const MASKED = '***';

/** A row's group as one label: the dimension labels the server sent (names, not ids), joined. */
export function groupLabel(
  row: Pick<ReportRow, 'group' | 'labels'>,
  groupBy: readonly string[],
  total: string,
): string {
  if (groupBy.length === 0) return total;
  return groupBy.map((d) => row.labels[d] ?? row.group[d] ?? '—').join(' / ');
}

/** A measure as a number for the chart; masked or missing figures are null (no bar). */
export function chartValue(value: string | number | undefined): number | null {
  if (value === undefined || value === MASKED) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The measure the chart draws: the sum when the definition has it, else its first measure. */
export const chartMeasure = (result: Pick<ReportResult, 'measures'>) =>
  result.measures.includes('sum') ? 'sum' : (result.measures[0] ?? 'sum');

/**
 * Categories are the distinct group labels in row order; one series per definition version, so a
 * period spanning two versions shows the split as stacked bars. `cells[s][c]` is the row behind a bar.
 */
export function chartSeries(result: ReportResult, total: string) {
  const measure = chartMeasure(result) as 'sum' | 'count' | 'distinctCustomers' | 'averageDealSize';
  const categories: string[] = [];
  const versions: string[] = [];
  for (const row of result.rows) {
    const label = groupLabel(row, result.groupBy, total);
    if (!categories.includes(label)) categories.push(label);
    if (!versions.includes(row.version)) versions.push(row.version);
  }
  const cells: Array<Array<ReportRow | null>> = versions.map(() => categories.map(() => null));
  for (const row of result.rows) {
    cells[versions.indexOf(row.version)]![categories.indexOf(groupLabel(row, result.groupBy, total))] = row;
  }
  const series = versions.map((version, s) => ({
    name: `V${version}`,
    values: cells[s]!.map((row) => (row ? chartValue(row[measure]) : null)),
  }));
  return { measure, categories, series, cells };
}

/** Today as YYYY-MM-DD in local time, and the first day of its year. */
export function defaultPeriod(now = new Date()): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const to = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return { from: `${now.getFullYear()}-01-01`, to };
}
