import type { HTMLAttributes } from 'react';
import { Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { definitionsQuery, type MetricDefinition } from '../api/reports.ts';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { labelOf, useReportsT } from '../i18n/index.ts';
import { currentVersion } from '../components/versions.ts';

/** 口径: every metric definition with its current version, basis and amount rule. */
export default function DefinitionsPage() {
  const { t } = useReportsT();
  const definitions = useQuery(definitionsQuery);
  const columns: TableProps<MetricDefinition>['columns'] = [
    {
      key: 'name',
      title: t('definitions.name'),
      render: (_, d) => (
        <Link to={`/reports/definitions/${d.id}`} aria-label={t('definitions.open', { name: d.name })}>
          {d.name}
        </Link>
      ),
    },
    { key: 'description', title: t('definitions.description'), render: (_, d) => d.description ?? t('common.none') },
    {
      key: 'latest',
      title: t('definitions.latest'),
      render: (_, d) => {
        const v = currentVersion(d);
        return v ? `V${v.semver}（${t('common.validFrom')} ${v.validFrom}）` : t('common.none');
      },
    },
    {
      key: 'basis',
      title: t('definitions.basis'),
      render: (_, d) => labelOf(t, 'basis', currentVersion(d)?.document.basis),
    },
    {
      key: 'amount',
      title: t('definitions.amount'),
      render: (_, d) => labelOf(t, 'amount', currentVersion(d)?.document.amount),
    },
    {
      key: 'target',
      title: t('definitions.target'),
      render: (_, d) => currentVersion(d)?.document.currency.target ?? t('common.none'),
    },
    { key: 'versions', title: t('definitions.versions'), render: (_, d) => d.versions.length },
  ];
  return (
    <ReportsPage title={t('tabs.definitions')} intro={t('definitions.intro')}>
      {definitions.isError ? (
        <ErrorBlock error={definitions.error} onRetry={() => void definitions.refetch()} />
      ) : (
        <Table<MetricDefinition>
          rowKey="id"
          columns={columns}
          dataSource={definitions.data ?? []}
          loading={definitions.isPending}
          locale={{ emptyText: <span className="rep-muted">{t('definitions.empty')}</span> }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'definition-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </ReportsPage>
  );
}
