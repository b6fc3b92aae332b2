import type { HTMLAttributes } from 'react';
import { Button, Card, Table, type TableProps } from 'antd';
import { Link } from 'wouter';
import type { DrillResult } from '../api/reports.ts';
import { labelOf, useReportsT } from '../i18n/index.ts';
import { ErrorBlock } from './ReportsPage.tsx';
import { StampFooter } from './StampFooter.tsx';
import { MASKED } from './report-model.ts';

type DrillRecord = DrillResult['records'][number];

/** The contracts, installments, payments and orders behind one cell, in the same scope as the report. */
export function DrillPanel({
  group,
  result,
  error,
  loading,
  onClose,
}: {
  group: string;
  result: DrillResult | undefined;
  error: unknown;
  loading: boolean;
  onClose: () => void;
}) {
  const { t } = useReportsT();
  const masked = (v: string) => (v === MASKED ? t('common.masked') : v);
  const columns: TableProps<DrillRecord>['columns'] = [
    { key: 'version', title: t('common.version'), render: (_, r) => `V${r.version}` },
    { key: 'type', title: t('drill.recordType'), render: (_, r) => labelOf(t, 'drill.type', r.recordType) },
    { key: 'date', title: t('drill.date'), dataIndex: 'date' },
    {
      key: 'customer',
      title: t('drill.customer'),
      render: (_, r) =>
        r.customerId ? <Link to={`/customers/${r.customerId}`}>{r.customerId.slice(0, 8)}</Link> : t('common.none'),
    },
    { key: 'sku', title: t('drill.sku'), render: (_, r) => r.sku ?? t('common.none') },
    { key: 'currency', title: t('drill.currency'), dataIndex: 'currency' },
    { key: 'amount', title: t('drill.amount'), align: 'right', render: (_, r) => masked(r.amount) },
    { key: 'rate', title: t('drill.rate'), align: 'right', render: (_, r) => r.rate ?? t('common.none') },
    { key: 'value', title: t('drill.value'), align: 'right', render: (_, r) => masked(r.value) },
    { key: 'dealKey', title: t('drill.dealKey'), render: (_, r) => <span className="rep-hash">{r.dealKey}</span> },
  ];
  return (
    <Card
      className="rep-block"
      data-testid="drill-panel"
      title={<h2 className="rep-h2">{t('drill.title', { group })}</h2>}
      extra={
        <Button size="small" onClick={onClose}>
          {t('drill.close')}
        </Button>
      }
    >
      {error ? (
        <ErrorBlock error={error} />
      ) : (
        <>
          {result && <p>{t('drill.deals', { count: result.deals.length })}</p>}
          {result?.truncated && <p className="rep-muted">{t('drill.truncated', { count: result.records.length })}</p>}
          <Table<DrillRecord>
            rowKey={(r) => `${r.version}:${r.recordType}:${r.id}`}
            size="small"
            columns={columns}
            dataSource={result?.records ?? []}
            loading={loading}
            locale={{ emptyText: <span className="rep-muted">{t('drill.empty')}</span> }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={() => ({ 'data-testid': 'drill-record' }) as HTMLAttributes<HTMLElement>}
          />
          {result && <StampFooter stamp={result.stamp} testId="drill-stamp" />}
        </>
      )}
    </Card>
  );
}
