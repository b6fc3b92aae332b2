import { use, useState } from 'react';
import { Button, Dropdown } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AntdScope } from '../../../app/antd/AntdScope.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { manualRulesQuery, runManually, type ManualRule } from '../api/contract.ts';
import { loadAutomationMessages } from '../i18n/catalog.ts';
import { labelOf, useAutomationT, type AutomationT } from '../i18n/index.ts';
import './manual-rules.css';

interface ManualRuleMenuProps {
  /** The record type (customer, opportunity …). */
  object: string;
  /** The records the chosen rule runs on: the record on its page, or a list selection. */
  recordIds: string[];
  /** After a run: the caller refreshes what the rule may have changed. */
  onDone?: () => void;
}

const refusals = new Set(['not_found', 'forbidden']);

/** "2 条成功，1 条无权修改": the run's outcomes counted by status, in the order they first came. */
function summarise(t: AutomationT, statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .map(([status, count]) =>
      t('buttons.part', {
        count,
        status: refusals.has(status) ? t(`buttons.${status}` as 'buttons.forbidden') : labelOf(t, 'status', status),
      }),
    )
    .join(t('common.listSeparator'));
}

/**
 * 自动化 ▾: the manual rules this user may start on records of a type, as a menu. Choosing one runs
 * it on the given records (each its own run, as the rule's identity) and says what happened.
 * Shows nothing when there is no such rule. Loaded lazily with the automation messages.
 */
export default function ManualRuleMenu({ object, recordIds, onDone }: ManualRuleMenuProps) {
  use(loadAutomationMessages());
  const { t } = useAutomationT();
  const queryClient = useQueryClient();
  const rules = useQuery(manualRulesQuery(object));
  const [outcome, setOutcome] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (rule: ManualRule) => runManually(rule.id, recordIds),
    onMutate: (rule) => setOutcome(t('buttons.running', { name: rule.name })),
    onSuccess: (results, rule) => {
      setOutcome(
        t('buttons.done', {
          name: rule.name,
          summary: summarise(
            t,
            results.map((r) => r.status),
          ),
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['automation'] });
      onDone?.();
    },
    onError: () => setOutcome(null),
  });
  if (!rules.data?.length) return null;
  return (
    <AntdScope>
      <span className="manual-rules" data-testid="manual-rules">
        <Dropdown
          trigger={['click']}
          disabled={recordIds.length === 0 || run.isPending}
          menu={{
            items: rules.data.map((rule) => ({ key: rule.id, label: rule.name })),
            onClick: ({ key }) => {
              const rule = rules.data.find((r) => r.id === key);
              if (rule) run.mutate(rule);
            },
          }}
        >
          <Button loading={run.isPending}>
            {t('buttons.run')} <span aria-hidden="true">▾</span>
          </Button>
        </Dropdown>
        <span role="status" className="manual-rules__outcome">
          {outcome}
        </span>
        {run.isError && <ErrorBlock error={run.error} />}
      </span>
    </AntdScope>
  );
}
