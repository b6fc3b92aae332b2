import { lazy, Suspense, useMemo, useState, type HTMLAttributes } from 'react';
import { App, Button, Empty, Input, Select, Table, type TableProps } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  definitionsQuery,
  dimensions,
  drillReport,
  exportReport,
  reportQuery,
  type Dimension,
  type ReportRequest,
  type ReportRow,
} from '../api/reports.ts';
import { DrillPanel } from '../components/DrillPanel.tsx';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { StampFooter } from '../components/StampFooter.tsx';
import { MASKED, chartSeries, defaultPeriod, groupLabel } from '../components/report-model.ts';
import { labelOf, useReportsT } from '../i18n/index.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';

// ECharts comes in its own chunk, after the form and the table.
const ReportChart = lazy(() => import('../components/ReportChart.tsx').then((m) => ({ default: m.ReportChart })));

type Measure = 'sum' | 'count' | 'distinctCustomers' | 'averageDealSize';
const rowKey = (row: ReportRow) => `${row.version}|${JSON.stringify(row.group)}`;

/** 报表: run a definition over a period, chart and table with the stamp, drill into a cell, export to xlsx. */
export default function ReportPage() {
  const { t } = useReportsT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const definitions = useQuery(definitionsQuery);
  const [form, setForm] = useState<ReportRequest & { groupBy: Dimension[] }>(() => ({
    definitionId: '',
    ...defaultPeriod(),
    groupBy: [],
  }));
  const [request, setRequest] = useState<ReportRequest | null>(null);
  const report = useQuery(reportQuery(request));
  const [drillGroup, setDrillGroup] = useState<string | null>(null);
  const drill = useMutation({ mutationFn: drillReport });
  const exporting = useMutation({
    mutationFn: (body: ReportRequest) => exportReport(body, 'report.xlsx'),
    onSuccess: (name) => void message.success(t('run.exported', { name })),
    onError: (error) => void message.error(`${t('run.exportFailed')}: ${errorText(error)}`),
  });

  const list = definitions.data ?? [];
  const definitionId = form.definitionId || list[0]?.id || '';
  const definition = list.find((d) => d.id === definitionId);
  const approved = (definition?.versions ?? []).filter((v) => v.status === 'approved');
  const total = t('run.total');
  const result = report.data;
  const chart = useMemo(() => (result ? chartSeries(result, total) : null), [result, total]);

  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = () => {
    if (!definitionId) return;
    drill.reset();
    setDrillGroup(null);
    setRequest({
      definitionId,
      from: form.from,
      to: form.to,
      groupBy: form.groupBy.length ? form.groupBy : undefined,
      ...(form.version ? { version: form.version } : {}),
      ...(form.restateUnder ? { restateUnder: form.restateUnder } : {}),
    });
  };
  const openDrill = (row: ReportRow) => {
    if (!request || !result) return;
    setDrillGroup(groupLabel(row, result.groupBy, total));
    drill.mutate({ ...request, cell: row.group });
  };

  const measures = (result?.measures ?? []) as Measure[];
  const show = (v: string | number | undefined) =>
    v === undefined ? t('common.none') : v === MASKED ? t('common.masked') : String(v);
  const columns: TableProps<ReportRow>['columns'] = result
    ? [
        ...(result.groupBy.length
          ? result.groupBy.map((d) => ({
              key: d,
              title: labelOf(t, 'dimension', d),
              render: (_: unknown, r: ReportRow) => r.labels[d] ?? r.group[d] ?? t('common.none'),
            }))
          : [{ key: 'group', title: t('run.group'), render: () => total }]),
        { key: 'version', title: t('common.version'), render: (_, r) => `V${r.version}` },
        ...measures.map((m) => ({
          key: m,
          title: labelOf(t, 'measure', m),
          align: 'right' as const,
          render: (_: unknown, r: ReportRow) =>
            m === 'sum' && r[m] !== MASKED ? (
              <button
                type="button"
                className="rep-cell"
                data-testid="drill-cell"
                aria-label={t('run.drillCell', { group: `${groupLabel(r, result.groupBy, total)} V${r.version}` })}
                onClick={() => openDrill(r)}
              >
                {show(r[m])}
              </button>
            ) : (
              show(r[m])
            ),
        })),
      ]
    : [];

  return (
    <ReportsPage
      title={t('tabs.run')}
      intro={t('run.intro')}
      actions={
        <Button
          disabled={!request || !result}
          loading={exporting.isPending}
          onClick={() => request && exporting.mutate(request)}
          data-testid="report-export"
        >
          {t('run.export')}
        </Button>
      }
    >
      <form
        className="rep-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          {t('run.definition')}
          <Select
            virtual={false}
            aria-label={t('run.definition')}
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 220 }}
            loading={definitions.isPending}
            value={definitionId || undefined}
            options={list.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(value: string) => set({ definitionId: value, version: undefined, restateUnder: undefined })}
          />
        </label>
        <label>
          {t('run.version')}
          <Select
            virtual={false}
            aria-label={t('run.version')}
            style={{ minWidth: 180 }}
            value={form.version ?? ''}
            options={[
              { value: '', label: t('run.byDate') },
              ...approved.map((v) => ({ value: v.semver, label: `V${v.semver} (${v.validFrom})` })),
            ]}
            onChange={(value: string) => set({ version: value || undefined })}
          />
        </label>
        <label>
          {t('run.from')}
          <Input type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} required />
        </label>
        <label>
          {t('run.to')}
          <Input type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} required />
        </label>
        <label>
          {t('run.groupBy')}
          <Select
            virtual={false}
            mode="multiple"
            aria-label={t('run.groupBy')}
            style={{ minWidth: 200 }}
            maxCount={4}
            value={form.groupBy}
            options={dimensions.map((d) => ({ value: d, label: labelOf(t, 'dimension', d) }))}
            onChange={(value: Dimension[]) => set({ groupBy: value })}
          />
        </label>
        <label>
          {t('run.restateUnder')}
          <Select
            virtual={false}
            aria-label={t('run.restateUnder')}
            style={{ minWidth: 160 }}
            value={form.restateUnder ?? ''}
            options={[
              { value: '', label: t('run.noRestate') },
              ...approved.map((v) => ({ value: v.semver, label: `V${v.semver}` })),
            ]}
            onChange={(value: string) => set({ restateUnder: value || undefined })}
          />
        </label>
        <Button type="primary" htmlType="submit" disabled={!definitionId} loading={report.isFetching}>
          {t('run.submit')}
        </Button>
      </form>
      {definitions.isError && <ErrorBlock error={definitions.error} onRetry={() => void definitions.refetch()} />}
      {report.isError && <ErrorBlock error={report.error} onRetry={() => void report.refetch()} />}
      {!request && <p className="rep-muted">{t('run.choose')}</p>}
      {result && chart && (
        <section aria-labelledby="report-result-title" data-testid="report-result">
          <h2 id="report-result-title" className="rep-h2">
            {definition?.name ?? result.stamp.definitionName}
          </h2>
          {result.segments.length > 1 && (
            <p data-testid="report-split">
              {t('run.split', {
                count: result.segments.length,
                versions: result.segments.map((s) => `V${s.version} ${s.from} ~ ${s.to}`).join('，'),
              })}
            </p>
          )}
          {result.segments.flatMap((s) =>
            s.substitutions.slice(0, 5).map((sub) => (
              <p key={`${s.version}:${sub.currency}:${sub.date}`} className="rep-muted">
                {t('run.substitution', { date: sub.date, currency: sub.currency, used: sub.usedRateDate })}
              </p>
            )),
          )}
          {result.rows.length === 0 ? (
            <Empty description={t('run.empty')} />
          ) : (
            <>
              <p className="rep-muted">{t('run.drillHint')}</p>
              <Suspense fallback={<div className="rep-chart" />}>
                <ReportChart
                  label={t('run.chart', {
                    name: result.stamp.definitionName,
                    measure: labelOf(t, 'measure', chart.measure),
                    groups: chart.categories.join('、'),
                  })}
                  categories={chart.categories}
                  series={chart.series}
                  onSelect={(c, s) => {
                    const row = chart.cells[s]?.[c];
                    if (row) openDrill(row);
                  }}
                />
              </Suspense>
              <StampFooter stamp={result.stamp} testId="chart-stamp" />
            </>
          )}
          <Table<ReportRow>
            rowKey={rowKey}
            size="small"
            columns={columns}
            dataSource={result.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={() => ({ 'data-testid': 'report-row' }) as HTMLAttributes<HTMLElement>}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={Math.max(result.groupBy.length, 1) + 1}>
                  <strong>{total}</strong>
                </Table.Summary.Cell>
                {measures.map((m, i) => (
                  <Table.Summary.Cell key={m} index={i + 2} align="right">
                    <strong>{show(result.totals[m])}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
          <StampFooter stamp={result.stamp} testId="report-stamp" />
        </section>
      )}
      {drillGroup !== null && (
        <DrillPanel
          group={drillGroup}
          result={drill.data}
          error={drill.error}
          loading={drill.isPending}
          onClose={() => {
            setDrillGroup(null);
            drill.reset();
          }}
        />
      )}
    </ReportsPage>
  );
}
