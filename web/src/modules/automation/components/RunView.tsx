import { Button, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFormat } from '../../../app/format/format.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';
import { showToast } from '../../../app/ui/toast.tsx';
import { automationKey, type ConditionStep, type Run } from '../api/automation.ts';
import { rerunRun } from '../api/contract.ts';
import { labelOf, useAutomationT } from '../i18n/index.ts';
import { JsonView } from './AutomationPage.tsx';
import { RunStatusTag } from './RunStatusTag.tsx';

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** Each condition node's result, with the value a leaf saw. */
export function ConditionSteps({ steps }: { steps: ConditionStep[] }) {
  const { t } = useAutomationT();
  return (
    <table data-testid="condition-steps">
      <thead>
        <tr>
          <th scope="col">{t('runs.node')}</th>
          <th scope="col">{t('runs.actual')}</th>
          <th scope="col">{t('runs.result')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.path} data-testid="condition-step" data-result={String(step.result)}>
            <td>
              <code>{step.path}</code> {labelOf(t, 'op', step.op)} {step.field && <code>{step.field}</code>}
            </td>
            <td>
              <code>{show(step.actual)}</code>
            </td>
            <td>{step.result ? `✓ ${t('runs.matched')}` : `✗ ${t('runs.notMatched')}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One run: status, event, trigger payload, condition results, each action's input/output/timing/error. */
export function RunView({ run }: { run: Run }) {
  const { t } = useAutomationT();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const rerun = useMutation({
    mutationFn: () => rerunRun(run.ruleId, run.id),
    onSuccess: (next) => {
      showToast(t('runs.rerunDone', { status: labelOf(t, 'status', next.status) }));
      void queryClient.invalidateQueries({ queryKey: automationKey });
    },
    onError: (error) => showToast(errorText(error, 'saveFailed'), 'error'),
  });
  return (
    <article className="auto-run" data-testid="run" data-status={run.status} aria-label={run.topic}>
      <div className="auto-run__head">
        <RunStatusTag status={run.status} />
        <strong>{run.topic}</strong>
        <span className="auto-muted">{format.dateTime(run.startedAt)}</span>
        <span className="auto-muted">{t('runs.version', { version: run.ruleVersion })}</span>
        <span className="auto-muted">{t('runs.depth', { depth: run.depth })}</span>
        {run.status === 'failed' && (
          <Button size="small" onClick={() => rerun.mutate()} loading={rerun.isPending} data-testid="run-rerun">
            {t('runs.rerun')}
          </Button>
        )}
      </div>
      {run.error && (
        <p className="auto-field__error" data-testid="run-error">
          {run.errorCode && <code>{run.errorCode}</code>} {run.error}
        </p>
      )}
      <JsonView value={run.triggerPayload} summary={t('runs.payload')} />
      <h3>{t('runs.conditions')}</h3>
      {run.conditions ? (
        <ConditionSteps steps={run.conditions.steps} />
      ) : (
        <p className="auto-muted">{t('runs.noConditions')}</p>
      )}
      <h3>{t('runs.actions')}</h3>
      {run.actions.length === 0 ? (
        <p className="auto-muted">{t('runs.noActions')}</p>
      ) : (
        run.actions.map((step) => (
          <div key={step.index} data-testid="action-step" data-type={step.type} data-failed={String(!!step.error)}>
            <Space wrap>
              <strong>
                {step.index + 1}. {labelOf(t, 'actionType', step.type)}
              </strong>
              <span className="auto-muted">{format.dateTime(step.startedAt)}</span>
              <span className="auto-muted">{t('common.ms', { ms: step.durationMs })}</span>
            </Space>
            {step.error && (
              <p className="auto-field__error">
                {t('runs.error')}: <code>{step.error.code}</code> {step.error.message}
              </p>
            )}
            <JsonView value={step.input} summary={t('runs.input')} />
            {step.output !== undefined && <JsonView value={step.output} summary={t('runs.output')} />}
          </div>
        ))
      )}
    </article>
  );
}
