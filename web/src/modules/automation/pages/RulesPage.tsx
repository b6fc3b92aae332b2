import type { HTMLAttributes } from 'react';
import { Button, Space, Table, type TableProps } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { ConfirmButton } from '../../../app/ui/ConfirmButton.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { useErrorText } from '../../../app/ui/describeError.ts';
import { showToast } from '../../../app/ui/toast.tsx';
import { useUserNames } from '../../users/api/users.ts';
import { automationKey, deleteRule, lastRunQuery, rulesQuery, updateRule, type Rule } from '../api/automation.ts';
import { AutomationPage } from '../components/AutomationPage.tsx';
import { RunStatusTag } from '../components/RunStatusTag.tsx';
import { triggerTopic } from '../components/rule-model.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';

function LastRun({ rule }: { rule: Rule }) {
  const { t } = useAutomationT();
  const format = useFormat();
  const last = useQuery(lastRunQuery(rule.id));
  if (last.isPending) return null;
  if (!last.data) return <span className="auto-muted">{t('rules.neverRun')}</span>;
  return (
    <Space size={4}>
      <RunStatusTag status={last.data.status} />
      <span className="auto-muted">{format.relative(last.data.startedAt)}</span>
    </Space>
  );
}

function RuleState({ rule }: { rule: Rule }) {
  const { t } = useAutomationT();
  if (rule.pausedAt)
    return (
      <div data-testid="rule-state" data-state="paused">
        <Tag tone="orange">{t('rules.paused')}</Tag>
        {rule.pausedReason && (
          <div className="auto-muted">{t('rules.pausedReason', { reason: rule.pausedReason })}</div>
        )}
      </div>
    );
  return (
    <span data-testid="rule-state" data-state={rule.enabled ? 'on' : 'off'}>
      <Tag tone={rule.enabled ? 'green' : 'grey'}>{rule.enabled ? t('rules.enabled') : t('rules.disabled')}</Tag>
    </span>
  );
}

/** 规则: every automation rule with its trigger, state, owner, version and last run; enable, pause, delete. */
export default function RulesPage() {
  const { t } = useAutomationT();
  const errorText = useErrorText();
  const names = useUserNames();
  const queryClient = useQueryClient();
  const rules = useQuery(rulesQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: automationKey });
  const toggle = useMutation({
    mutationFn: (rule: Rule) =>
      updateRule(rule.id, { enabled: !rule.enabled || !!rule.pausedAt, version: rule.version }),
    onSuccess: () => {
      showToast(t('rules.toggled'));
      void refresh();
    },
    onError: (error) => showToast(errorText(error, 'saveFailed'), 'error'),
  });
  const columns: TableProps<Rule>['columns'] = [
    {
      key: 'name',
      title: t('rules.name'),
      render: (_, r) => (
        <Link to={`/automation/rules/${r.id}`} aria-label={t('rules.open', { name: r.name })}>
          {r.name}
        </Link>
      ),
    },
    {
      key: 'trigger',
      title: t('rules.trigger'),
      render: (_, r) => (
        <>
          <div>{labelOf(t, 'triggerType', r.trigger.type)}</div>
          <code className="auto-muted">{triggerTopic(r.trigger)}</code>
        </>
      ),
    },
    { key: 'state', title: t('rules.state'), render: (_, r) => <RuleState rule={r} /> },
    { key: 'owner', title: t('rules.owner'), render: (_, r) => names.get(r.ownerId) ?? t('common.none') },
    { key: 'version', title: t('rules.version'), render: (_, r) => `v${r.version}` },
    { key: 'lastRun', title: t('rules.lastRun'), render: (_, r) => <LastRun rule={r} /> },
    {
      key: 'actions',
      title: t('rules.actions'),
      render: (_, r) => (
        <Space wrap>
          <Button
            size="small"
            onClick={() => toggle.mutate(r)}
            loading={toggle.isPending && toggle.variables?.id === r.id}
          >
            {r.pausedAt ? t('rules.resume') : r.enabled ? t('rules.disable') : t('rules.enable')}
          </Button>
          <Link to={`/automation/rules/${r.id}/runs`} aria-label={t('rules.historyOf', { name: r.name })}>
            {t('rules.history')}
          </Link>
          <ConfirmButton
            label={t('common.delete')}
            ariaLabel={t('rules.deleteOf', { name: r.name })}
            title={t('rules.deleteTitle', { name: r.name })}
            message={t('rules.deleteMessage')}
            confirmLabel={t('common.delete')}
            danger
            onConfirm={async () => {
              await deleteRule(r.id);
              showToast(t('rules.deleted'));
              await refresh();
            }}
          />
        </Space>
      ),
    },
  ];
  return (
    <AutomationPage
      title={t('tabs.rules')}
      intro={t('intro')}
      actions={
        <Button type="primary" onClick={() => navigate('/automation/rules/new')}>
          + {t('rules.new')}
        </Button>
      }
    >
      {rules.isError ? (
        <ErrorBlock error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Table<Rule>
          rowKey="id"
          columns={columns}
          dataSource={rules.data ?? []}
          loading={rules.isPending}
          locale={{ emptyText: <span className="auto-muted">{t('rules.empty')}</span> }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'rule-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </AutomationPage>
  );
}
