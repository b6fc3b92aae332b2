import { useState } from 'react';
import { Alert, Button, Progress } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { showToast } from '../../../app/ui/toast.tsx';
import { downloadErrorReport, importQuery, isSettled, startImport, type ImportRecord } from '../api/imports.ts';
import { useImportsT } from '../i18n/index.ts';

/** Start the background import and follow it: a live progress bar, rows per second, errors so far, the report. */
export function RunPanel({ initial }: { initial: ImportRecord }) {
  const { t } = useImportsT();
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const query = useQuery({
    ...importQuery(initial.id),
    initialData: initial,
    // while it runs, the page asks once a second
    refetchInterval: (q) =>
      q.state.data && !isSettled(q.state.data.status) && q.state.data.status !== 'uploaded' ? 1000 : false,
  });
  const item = query.data;
  const { progress, counts } = item;
  const active = item.status === 'queued' || item.status === 'running';

  async function start() {
    setStarting(true);
    setFailure(null);
    try {
      queryClient.setQueryData(importQuery(item.id).queryKey, await startImport(item.id));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  }

  async function report() {
    try {
      showToast(await downloadErrorReport(item.id, t('run.reportName')));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section aria-labelledby="imports-run">
      <h2 id="imports-run">{t('steps.run')}</h2>
      <Button type="primary" onClick={() => void start()} loading={starting} disabled={active}>
        {item.status === 'finished' || item.status === 'failed' ? t('run.restart') : t('run.start')}
      </Button>
      {item.status !== 'uploaded' && (
        <div className="imports-progress" data-testid="imports-progress" data-status={item.status}>
          <Progress
            aria-label={t('run.progress')}
            percent={progress.percent}
            status={item.status === 'failed' ? 'exception' : item.status === 'finished' ? 'success' : 'active'}
          />
          <p aria-live="polite">
            {t(`status.${item.status}`)} ·{' '}
            {t('run.rows', { processed: progress.processedRows, total: progress.totalRows })} ·{' '}
            {t('run.rate', { rate: progress.rowsPerSecond })} · {t('run.errorsSoFar', { count: progress.errors })}
          </p>
          <p data-testid="imports-counts">{t('run.counts', { ...counts, dead: counts.dead + counts.retrying })}</p>
        </div>
      )}
      {item.status === 'finished' && <Alert type="success" showIcon message={t('run.finished')} />}
      {item.status === 'failed' && (
        <Alert type="error" showIcon message={t('run.failed', { message: item.lastError ?? '' })} />
      )}
      {failure && <Alert type="error" showIcon message={failure} />}
      {isSettled(item.status) && progress.errors > 0 && (
        <p>
          <Button onClick={() => void report()}>{t('run.report')}</Button> {t('run.deadLetters')}
        </p>
      )}
    </section>
  );
}
