import { useState, type HTMLAttributes } from 'react';
import { Input, Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useFormat } from '../../../app/format/format.ts';
import { usePermission } from '../../auth/permissions.ts';
import { ratesQuery, type FxRate } from '../api/reports.ts';
import { ImportRatesForm, ManualRateForm } from '../components/RateForms.tsx';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { useReportsT } from '../i18n/index.ts';

/** 汇率: dated rates with their source, manual entry with a reason, and CSV/xlsx import. */
export default function FxRatesPage() {
  const { t } = useReportsT();
  const format = useFormat();
  const can = usePermission();
  const [rateSet, setRateSet] = useState('');
  const rates = useQuery(ratesQuery(rateSet.trim() ? { rateSet: rateSet.trim() } : {}));
  const none = t('common.none');
  const columns: TableProps<FxRate>['columns'] = [
    { key: 'rateDate', title: t('rates.rateDate'), dataIndex: 'rateDate' },
    { key: 'pair', title: t('rates.pair'), render: (_, r) => `${r.base}/${r.quote}` },
    { key: 'rate', title: t('rates.rate'), dataIndex: 'rate', align: 'right' },
    { key: 'rateSet', title: t('rates.rateSet'), dataIndex: 'rateSet' },
    { key: 'source', title: t('rates.source'), dataIndex: 'source' },
    { key: 'publishedAt', title: t('rates.publishedAt'), render: (_, r) => format.dateTime(r.publishedAt) ?? none },
    { key: 'fetchedAt', title: t('rates.fetchedAt'), render: (_, r) => format.dateTime(r.fetchedAt) ?? none },
    { key: 'reason', title: t('rates.reason'), render: (_, r) => r.reason ?? none },
    {
      key: 'payloadHash',
      title: t('rates.payloadHash'),
      render: (_, r) => (r.payloadHash ? <span className="rep-hash">{r.payloadHash.slice(0, 12)}</span> : none),
    },
  ];
  const manages = can('manageReportDefinitions');
  return (
    <ReportsPage title={t('tabs.rates')} intro={t('rates.intro')}>
      {manages && <ManualRateForm />}
      {manages && <ImportRatesForm />}
      <div className="rep-form">
        <label>
          {t('rates.rateSet')}
          <Input
            allowClear
            placeholder={t('rates.allSets')}
            value={rateSet}
            onChange={(e) => setRateSet(e.target.value)}
            style={{ width: 220 }}
          />
        </label>
      </div>
      {rates.isError ? (
        <ErrorBlock error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <Table<FxRate>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rates.data ?? []}
          loading={rates.isPending}
          locale={{ emptyText: <span className="rep-muted">{t('rates.empty')}</span> }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'fx-rate-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </ReportsPage>
  );
}
