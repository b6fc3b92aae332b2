import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../api/reports.ts';
import { chartSeries, chartValue, defaultPeriod, groupLabel } from './report-model.ts';

const row = (version: string, owner: string, name: string, sum: string) => ({
  version,
  from: '2026-01-01',
  to: '2026-06-30',
  group: { owner },
  labels: { owner: name },
  sum,
  count: 1,
});

describe('report model', () => {
  it('labels a row by its dimension labels, falling back to the key, and "total" without dimensions', () => {
    expect(
      groupLabel({ group: { owner: 'u1', month: '2026-04' }, labels: { owner: '张三' } }, ['owner', 'month'], 'T'),
    ).toBe('张三 / 2026-04');
    expect(groupLabel({ group: {}, labels: {} }, [], '合计')).toBe('合计');
  });

  it('charts one stacked series per version, a bar per group, masked figures without a bar', () => {
    const result = {
      rows: [row('1.0', 'u1', '张三', '100.50'), row('2.0', 'u1', '张三', '20'), row('2.0', 'u2', '李四', '***')],
      totals: {},
      measures: ['sum', 'count'],
      groupBy: ['owner'],
      segments: [],
    } as unknown as ReportResult;
    const chart = chartSeries(result, '合计');
    expect(chart.measure).toBe('sum');
    expect(chart.categories).toEqual(['张三', '李四']);
    expect(chart.series).toEqual([
      { name: 'V1.0', values: [100.5, null] },
      { name: 'V2.0', values: [20, null] },
    ]);
    expect(chart.cells[1]![1]?.group).toEqual({ owner: 'u2' });
    expect(chart.cells[0]![1]).toBeNull();
    expect(chartValue('***')).toBeNull();
  });

  it('defaults to the current year up to today', () => {
    expect(defaultPeriod(new Date(2026, 11, 1))).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });
});
