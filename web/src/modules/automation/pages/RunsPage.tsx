import { useState } from 'react';
import { Button, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { ruleQuery, runStatuses, runsQuery, type RunStatus } from '../api/automation.ts';
import { AutomationPage } from '../components/AutomationPage.tsx';
import { DryRunPanel } from '../components/DryRunPanel.tsx';
import { ManualRunPanel } from '../components/ManualRunPanel.tsx';
import { RunView } from '../components/RunView.tsx';
import { labelOf, useAutomationT } from '../i18n/index.ts';

/** 运行记录: a rule's runs, newest first, each in full; a rerun on failed runs; the dry-run panel. */
export default function RunsPage() {
  const { t } = useAutomationT();
  const { id = '' } = useParams<{ id: string }>();
  const [status, setStatus] = useState<RunStatus | undefined>();
  const rule = useQuery(ruleQuery(id));
  const runs = useQuery(runsQuery(id, status));
  const title = rule.data ? t('rules.historyOf', { name: rule.data.name }) : t('runs.title');
  return (
    <AutomationPage
      title={title}
      intro={t('runs.intro')}
      actions={
        <Space>
          <Link to={`/automation/rules/${id}`}>{t('runs.editRule')}</Link>
          <Button onClick={() => void runs.refetch()}>{t('common.refresh')}</Button>
        </Space>
      }
    >
      {rule.isError && <ErrorBlock error={rule.error} onRetry={() => void rule.refetch()} />}
      {rule.data?.trigger.type === 'manual' && <ManualRunPanel ruleId={id} />}
      <DryRunPanel ruleId={id} />
      <section aria-labelledby="auto-runs">
        <h2 id="auto-runs">{t('runs.title')}</h2>
        <Select<RunStatus | ''>
          aria-label={t('runs.filter')}
          style={{ minWidth: 180, marginBottom: 12 }}
          value={status ?? ''}
          onChange={(next) => setStatus(next || undefined)}
          options={[
            { value: '', label: t('runs.all') },
            ...runStatuses.map((s) => ({ value: s, label: labelOf(t, 'status', s) })),
          ]}
        />
        {runs.isError ? (
          <ErrorBlock error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data?.length === 0 ? (
          <p className="auto-muted" data-testid="runs-empty">
            {t('runs.empty')}
          </p>
        ) : (
          runs.data?.map((run) => <RunView key={run.id} run={run} />)
        )}
      </section>
    </AutomationPage>
  );
}
