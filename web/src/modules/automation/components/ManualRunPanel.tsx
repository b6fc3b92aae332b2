import { useState } from 'react';
import { Button, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { automationKey } from '../api/automation.ts';
import { runManually } from '../api/contract.ts';
import { useAutomationT } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { RunStatusTag } from './RunStatusTag.tsx';

const MAX_RECORDS = 100;

/** 手动运行: a manual rule on records named by id (one a line, at most 100); each gets its own run. */
export function ManualRunPanel({ ruleId }: { ruleId: string }) {
  const { t } = useAutomationT();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const ids = [...new Set(text.split(/[\s,]+/).filter(Boolean))].slice(0, MAX_RECORDS);
  const run = useMutation({
    mutationFn: () => runManually(ruleId, ids),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: automationKey }),
  });
  return (
    <section className="auto-section" aria-labelledby="auto-manual-run" data-testid="manual-run">
      <h2 id="auto-manual-run">{t('manual.title')}</h2>
      <Field
        path="recordIds"
        label={t('manual.recordIds')}
        hint={t('manual.hint')}
        control={(a11y) => <Input.TextArea {...a11y} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      />
      <Button onClick={() => run.mutate()} loading={run.isPending} disabled={ids.length === 0}>
        {t('manual.run', { count: ids.length })}
      </Button>
      {run.isError && <ErrorBlock error={run.error} />}
      {run.data && (
        <ul>
          {run.data.map((r) => (
            <li key={r.recordId}>
              <code>{r.recordId}</code> <RunStatusTag status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
