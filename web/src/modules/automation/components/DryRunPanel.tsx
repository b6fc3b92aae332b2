import { useState } from 'react';
import { Button, InputNumber } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useFormat } from '../../../app/format/format.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { dryRunRule } from '../api/contract.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';
import { JsonView } from './AutomationPage.tsx';
import { Field } from './Field.tsx';
import { ConditionSteps } from './RunView.tsx';

/** 试运行: the rule against its latest matching events, what it would do; nothing is written. */
export function DryRunPanel({ ruleId }: { ruleId: string }) {
  const { t } = useAutomationT();
  const format = useFormat();
  const [limit, setLimit] = useState(20);
  const dryRun = useMutation({ mutationFn: () => dryRunRule(ruleId, limit) });
  return (
    <section className="auto-section" aria-labelledby="auto-dry-run" data-testid="dry-run">
      <h2 id="auto-dry-run">{t('dryRun.title')}</h2>
      <p className="auto-muted">{t('dryRun.intro')}</p>
      <div className="auto-row">
        <Field
          path="limit"
          label={t('dryRun.limit')}
          control={(a11y) => (
            <InputNumber {...a11y} min={1} max={100} precision={0} value={limit} onChange={(n) => setLimit(n ?? 20)} />
          )}
        />
        <Button
          onClick={() => dryRun.mutate()}
          loading={dryRun.isPending}
          style={{ alignSelf: 'flex-end', marginBottom: 12 }}
        >
          {t('dryRun.run')}
        </Button>
      </div>
      {dryRun.isError && <ErrorBlock error={dryRun.error} />}
      {dryRun.data && (
        <div data-testid="dry-run-results">
          <p>{t('dryRun.evaluated', { count: dryRun.data.evaluated })}</p>
          {dryRun.data.results.length === 0 && <p className="auto-muted">{t('dryRun.empty')}</p>}
          {dryRun.data.results.map((result) => (
            <article
              key={result.eventId}
              className="auto-run"
              data-testid="dry-run-result"
              data-matched={String(result.matched)}
            >
              <div className="auto-run__head">
                <strong>{result.matched ? `✓ ${t('runs.matched')}` : `✗ ${t('runs.notMatched')}`}</strong>
                <span className="auto-muted">{format.dateTime(result.occurredAt)}</span>
                {result.recordId && (
                  <span className="auto-muted">
                    {t('dryRun.record')} <code>{result.recordId}</code>
                  </span>
                )}
              </div>
              {result.conditions && <ConditionSteps steps={result.conditions.steps} />}
              {result.matched && result.actions.length > 0 && (
                <>
                  <h3>{t('dryRun.wouldDo')}</h3>
                  {result.actions.map((action, i) => (
                    <JsonView
                      key={i}
                      value={action.input}
                      summary={`${i + 1}. ${labelOf(t, 'actionType', action.type)}`}
                    />
                  ))}
                </>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
