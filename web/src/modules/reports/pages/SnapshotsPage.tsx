import type { HTMLAttributes } from 'react';
import { Alert, Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { definitionsQuery, snapshotsQuery, type Snapshot } from '../api/reports.ts';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { useReportsT } from '../i18n/index.ts';

const short = (hash: string | null | undefined) => (hash ? hash.slice(0, 16) : null);

/** 月结快照: sealed months, newest first, with their hash, the previous hash and whether the chain holds. */
export default function SnapshotsPage() {
  const { t } = useReportsT();
  const format = useFormat();
  const snapshots = useQuery(snapshotsQuery);
  const definitions = useQuery(definitionsQuery);
  const nameOf = (id: string) => definitions.data?.find((d) => d.id === id)?.name ?? id.slice(0, 8);
  const chain = snapshots.data?.chain;
  const rows = [...(snapshots.data?.data ?? [])].reverse();
  const columns: TableProps<Snapshot>['columns'] = [
    { key: 'period', title: t('snapshots.period'), dataIndex: 'period' },
    { key: 'definition', title: t('snapshots.definition'), render: (_, s) => nameOf(s.definitionId) },
    { key: 'version', title: t('common.version'), render: (_, s) => `V${s.version}` },
    {
      key: 'hash',
      title: t('common.hash'),
      render: (_, s) => (
        <span className="rep-hash" title={s.hash}>
          {short(s.hash)}
        </span>
      ),
    },
    {
      key: 'prevHash',
      title: t('snapshots.prevHash'),
      render: (_, s) =>
        s.prevHash ? (
          <span className="rep-hash" title={s.prevHash}>
            {short(s.prevHash)}
          </span>
        ) : (
          t('common.none')
        ),
    },
    { key: 'sealedAt', title: t('snapshots.sealedAt'), render: (_, s) => format.dateTime(s.createdAt) },
    {
      key: 'restate',
      title: t('common.actions'),
      render: (_, s) => (
        <Link
          to={`/reports/snapshots/${s.id}`}
          aria-label={t('snapshots.restateOne', { period: s.period, name: nameOf(s.definitionId) })}
        >
          {t('snapshots.restate')}
        </Link>
      ),
    },
  ];
  return (
    <ReportsPage title={t('tabs.snapshots')} intro={t('snapshots.intro')}>
      {chain && (
        <Alert
          className="rep-block"
          type={chain.ok ? 'success' : 'error'}
          showIcon
          data-testid="snapshot-chain"
          message={
            chain.ok
              ? t('snapshots.chainOk', { count: chain.count, head: short(chain.head) ?? t('common.none') })
              : t('snapshots.chainBroken', { broken: JSON.stringify(chain.broken) })
          }
        />
      )}
      {snapshots.isError ? (
        <ErrorBlock error={snapshots.error} onRetry={() => void snapshots.refetch()} />
      ) : (
        <Table<Snapshot>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={snapshots.isPending}
          locale={{ emptyText: <span className="rep-muted">{t('snapshots.empty')}</span> }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'snapshot-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </ReportsPage>
  );
}
