import { useState, type HTMLAttributes } from 'react';
import { Descriptions, Select, Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { definitionQuery, restatementQuery, type Restatement } from '../api/reports.ts';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { StampFooter } from '../components/StampFooter.tsx';
import { MASKED } from '../components/report-model.ts';
import { useReportsT } from '../i18n/index.ts';

type Difference = Restatement['differences'][number];

const sign = (delta: string) =>
  delta.startsWith('-') ? 'rep-delta--down' : delta === '0.00' || delta === '0' ? '' : 'rep-delta--up';

/** A sealed month recomputed under another approved version, beside the sealed figures; the snapshot never changes. */
export default function RestatementPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useReportsT();
  const [version, setVersion] = useState('');
  const restatement = useQuery(restatementQuery(id, version || undefined));
  const data = restatement.data;
  const definition = useQuery({ ...definitionQuery(data?.snapshot.definitionId ?? ''), enabled: !!data });
  const approved = (definition.data?.versions ?? []).filter((v) => v.status === 'approved');
  const masked = (v: string) => (v === MASKED ? t('common.masked') : v);
  const sealedVersion = data?.snapshot.version ?? '';
  const restatedVersion = data?.stamp.version ?? '';
  const columns: TableProps<Difference>['columns'] = [
    {
      key: 'group',
      title: t('run.group'),
      render: (_, d) =>
        Object.keys(d.group).length
          ? Object.keys(d.group)
              .map((k) => d.labels[k] ?? d.group[k] ?? t('common.none'))
              .join(' / ')
          : t('run.total'),
    },
    {
      key: 'sealed',
      title: t('restatement.sealed', { version: sealedVersion }),
      align: 'right',
      render: (_, d) => masked(d.sealedSum),
    },
    {
      key: 'restated',
      title: t('restatement.restated', { version: restatedVersion }),
      align: 'right',
      render: (_, d) => masked(d.restatedSum),
    },
    {
      key: 'delta',
      title: t('restatement.delta'),
      align: 'right',
      render: (_, d) => <span className={sign(d.delta)}>{masked(d.delta)}</span>,
    },
    { key: 'sealedCount', title: t('restatement.sealedCount'), align: 'right', dataIndex: 'sealedCount' },
    { key: 'restatedCount', title: t('restatement.restatedCount'), align: 'right', dataIndex: 'restatedCount' },
  ];
  const totals = (value: unknown) => {
    const sum = (value as { sum?: string | number } | null)?.sum;
    return sum === undefined ? t('common.none') : masked(String(sum));
  };
  return (
    <ReportsPage
      title={data ? t('restatement.title', { period: data.snapshot.period }) : t('tabs.snapshots')}
      intro={t('restatement.intro')}
      actions={<Link to="/reports/snapshots">{t('common.back')}</Link>}
    >
      <div className="rep-form">
        <label>
          {t('restatement.under')}
          <Select
            virtual={false}
            aria-label={t('restatement.under')}
            style={{ minWidth: 220 }}
            value={version}
            options={[
              { value: '', label: t('restatement.newest') },
              ...approved.map((v) => ({ value: v.semver, label: `V${v.semver} (${v.validFrom})` })),
            ]}
            onChange={(value: string) => setVersion(value)}
          />
        </label>
      </div>
      {restatement.isError && <ErrorBlock error={restatement.error} onRetry={() => void restatement.refetch()} />}
      {data && (
        <>
          <Descriptions
            className="rep-block"
            size="small"
            column={3}
            items={[
              {
                key: 'sealed',
                label: t('restatement.sealed', { version: sealedVersion }),
                children: totals(data.sealedTotals),
              },
              {
                key: 'restated',
                label: t('restatement.restated', { version: restatedVersion }),
                children: totals(data.restatedTotals),
              },
              {
                key: 'delta',
                label: t('restatement.delta'),
                children: (
                  <span data-testid="restatement-delta">
                    {t('restatement.totalDelta', { delta: masked(data.totalDelta) })}
                  </span>
                ),
              },
              {
                key: 'hash',
                label: t('common.hash'),
                children: <span className="rep-hash">{data.snapshot.hash}</span>,
              },
            ]}
          />
          <Table<Difference>
            rowKey={(d) => JSON.stringify(d.group)}
            size="small"
            columns={columns}
            dataSource={data.differences}
            locale={{ emptyText: <span className="rep-muted">{t('restatement.empty')}</span> }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={() => ({ 'data-testid': 'restatement-row' }) as HTMLAttributes<HTMLElement>}
          />
          <StampFooter stamp={data.stamp} />
        </>
      )}
    </ReportsPage>
  );
}
