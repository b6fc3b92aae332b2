import { useState } from 'react';
import { App, Button, Switch, Table, type TableProps } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';
import { IntegrationsPage } from '../../integrations/components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { labelOf, useIntegrationsT } from '../../integrations/i18n/index.ts';
import { consistencyKey, findingsQuery, fixFinding, runScan, type ConsistencyFinding } from '../api/consistency.ts';
import { StepUpDialog } from '../components/StepUpDialog.tsx';

const recordPath: Record<string, string> = { customer: '/customers/' };

/** 数据一致性: the latest scan's findings, a suggested fix each, and the one-click fixes where safe. */
export default function ConsistencyPage() {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [merging, setMerging] = useState<ConsistencyFinding | null>(null);
  const findings = useQuery(findingsQuery(onlyOpen));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: consistencyKey });

  const scan = useMutation({
    mutationFn: runScan,
    onSuccess: (report) => {
      refresh();
      void message.success(t('consistency.scanned', { count: report.findings }));
    },
    onError: (error) => void message.error(errorText(error, 'saveFailed')),
  });
  const fix = useMutation({
    mutationFn: ({ finding, token }: { finding: ConsistencyFinding; token?: string }) => fixFinding(finding.id, token),
    onSuccess: () => {
      setMerging(null);
      refresh();
      void message.success(t('consistency.fixDone'));
    },
    onError: (error) => {
      setMerging(null);
      void message.error(errorText(error, 'saveFailed'));
    },
  });

  const startFix = (finding: ConsistencyFinding) =>
    modal.confirm({
      title: t('consistency.fix'),
      content: finding.fix === 'merge' ? t('consistency.confirmMerge') : t('consistency.confirmReassign'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => (finding.fix === 'merge' ? setMerging(finding) : fix.mutate({ finding })),
    });

  const columns: TableProps<ConsistencyFinding>['columns'] = [
    {
      key: 'check',
      title: t('consistency.check'),
      render: (_, f) => <strong>{labelOf(t, 'consistency.checks', f.check)}</strong>,
    },
    {
      key: 'records',
      title: t('consistency.records'),
      render: (_, f) => (
        <ul className="int-row-actions">
          {f.records.map((r) => {
            const base = f.recordType ? recordPath[f.recordType] : undefined;
            const text = r.title ?? r.id.slice(-8);
            return <li key={r.id}>{base ? <Link to={`${base}${r.id}`}>{text}</Link> : text}</li>;
          })}
          {f.recordCount > f.records.length && (
            <li className="int-muted">{t('consistency.more', { count: f.recordCount - f.records.length })}</li>
          )}
        </ul>
      ),
    },
    {
      key: 'suggestedFix',
      title: t('consistency.suggestedFix'),
      render: (_, f) => (
        <>
          <div>{labelOf(t, 'consistency.fixes', f.check)}</div>
          <div className="int-muted">{f.suggestedFix}</div>
        </>
      ),
    },
    {
      key: 'fix',
      title: t('common.actions'),
      render: (_, f) =>
        f.fixedAt ? (
          <Tag tone="green">{t('consistency.fixedAt', { at: format.dateTime(f.fixedAt) ?? '' })}</Tag>
        ) : f.fix ? (
          <Button
            size="small"
            type="primary"
            data-testid="finding-fix"
            loading={fix.isPending && fix.variables?.finding.id === f.id}
            onClick={() => startFix(f)}
          >
            {t('consistency.fix')}
          </Button>
        ) : null,
    },
  ];

  const report = findings.data?.report;
  return (
    <IntegrationsPage
      title={t('tabs.consistency')}
      intro={t('consistency.intro')}
      actions={
        <Button type="primary" loading={scan.isPending} onClick={() => scan.mutate()}>
          {scan.isPending ? t('consistency.scanning') : t('consistency.scan')}
        </Button>
      }
    >
      <p data-testid="consistency-report">
        {report
          ? t('consistency.report', { at: format.dateTime(report.createdAt) ?? '', count: report.findings })
          : findings.data && t('consistency.noReport')}
      </p>
      <div className="filters">
        <label className="int-row-actions">
          <Switch checked={onlyOpen} onChange={setOnlyOpen} /> {t('consistency.onlyOpen')}
        </label>
      </div>
      {findings.isError ? (
        <ErrorBlock error={findings.error} onRetry={() => void findings.refetch()} retrying={findings.isFetching} />
      ) : (
        <Table<ConsistencyFinding>
          rowKey="id"
          columns={columns}
          dataSource={findings.data?.data ?? []}
          loading={findings.isPending}
          locale={{ emptyText: <span className="int-muted">{t('consistency.empty')}</span> }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      )}
      {merging && (
        <StepUpDialog
          onClose={() => setMerging(null)}
          onVerified={(token) => fix.mutate({ finding: merging, token })}
        />
      )}
    </IntegrationsPage>
  );
}
