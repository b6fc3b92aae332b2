/**
 * The report's bar chart. ECharts is imported piece by piece (core, the bar chart, grid, tooltip,
 * legend and the SVG renderer) so the chunk holds only what this chart draws; it loads with the
 * desk-only report page, never with a phone route.
 */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { getInstanceByDom, init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface ChartSeries {
  name: string;
  /** One value per category; null where the figure is masked or absent. */
  values: Array<number | null>;
}

export function ReportChart({
  label,
  categories,
  series,
  onSelect,
}: {
  /** What the chart shows, for screen readers (the table beside it holds the same figures). */
  label: string;
  categories: string[];
  series: ChartSeries[];
  onSelect?: (category: number, series: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number') select.current?.(params.dataIndex, params.seriesIndex ?? 0);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = getInstanceByDom(el);
    if (!chart) return;
    const option: Option = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 72, right: 16, top: series.length > 1 ? 32 : 16, bottom: 48 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ type: 'bar', name: s.name, stack: 'total', data: s.values, cursor: 'pointer' })),
    };
    chart.setOption(option, true);
  }, [categories, series]);

  return <div ref={box} className="rep-chart" role="img" aria-label={label} data-testid="report-chart" />;
}
