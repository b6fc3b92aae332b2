import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useMutation } from '@tanstack/react-query';
import { translate } from '../../../app/i18n/index.ts';
import { dryRun, type DryRunRecord } from '../api/integrations.ts';
import { labelOf, useIntegrationsT } from '../i18n/index.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { parseSample } from './mapping-model.ts';

const statusColor = { created: 'green', updated: 'blue', unchanged: 'grey', review: 'gold', error: 'red' } as const;
const statuses = ['created', 'updated', 'unchanged', 'review', 'error'] as const;

const shown = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? '∅'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** The dry-run tab: the saved mapping applied to the last N payloads or a pasted sample, nothing written. */
export function DryRunPanel({ channelId }: { channelId: string }) {
  const { t } = useIntegrationsT();
  const [limit, setLimit] = useState(10);
  const [sample, setSample] = useState('');
  const sampleInvalid = sample.trim() !== '' && parseSample(sample) === undefined;
  const run = useMutation({
    mutationFn: () => {
      const payloads = sample.trim() ? parseSample(sample) : undefined;
      return dryRun(channelId, payloads ? { payloads } : { limit });
    },
  });
  const records = run.data?.data ?? [];
  const counts = Object.fromEntries(statuses.map((s) => [s, records.filter((r) => r.status === s).length]));

  return (
    <section className="int-card" aria-labelledby="dry-run-title" data-testid="dry-run">
      <h2 id="dry-run-title">{t('channel.dryRun')}</h2>
      <p className="int-muted">{t('dryRun.intro')}</p>
      <Form layout="vertical" onFinish={() => run.mutate()}>
        <Form.Item label={t('dryRun.lastN')} htmlFor="dry-run-limit">
          <InputNumber id="dry-run-limit" min={1} max={100} value={limit} onChange={(v) => setLimit(v ?? 10)} />
        </Form.Item>
        <Form.Item
          label={t('dryRun.sample')}
          htmlFor="dry-run-sample"
          validateStatus={sampleInvalid ? 'error' : undefined}
          help={sampleInvalid ? t('dryRun.sampleInvalid') : undefined}
        >
          <Input.TextArea
            id="dry-run-sample"
            autoSize={{ minRows: 3, maxRows: 12 }}
            value={sample}
            onChange={(e) => setSample(e.target.value)}
            spellCheck={false}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={run.isPending} disabled={sampleInvalid}>
          {run.isPending ? t('dryRun.running') : t('dryRun.run')}
        </Button>
      </Form>
      {run.isError && <ErrorBlock error={run.error} />}
      {run.data && (
        <div aria-live="polite">
          <h3>{t('dryRun.results')}</h3>
          {run.data.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              className="int-block"
              message={t('health.errors')}
              description={run.data.problems.join('; ')}
            />
          )}
          <p data-testid="dry-run-summary">{t('dryRun.summary', counts)}</p>
          {records.length === 0 && <p className="int-muted">{t('dryRun.empty')}</p>}
          {records.map((record, index) => (
            <DryRunRow key={record.intakeId ?? index} record={record} n={index + 1} />
          ))}
        </div>
      )}
    </section>
  );
}

function DryRunRow({ record, n }: { record: DryRunRecord; n: number }) {
  const { t } = useIntegrationsT();
  return (
    <article className="int-card" data-testid="dry-run-record" data-status={record.status}>
      <h4>
        {t('dryRun.record', { n })} <Tag tone={statusColor[record.status]}>{t(`dryRun.status.${record.status}`)}</Tag>
      </h4>
      {record.status === 'review' && <p>{t('dryRun.candidates')}</p>}
      {record.errors.length > 0 && (
        <ul className="int-mapping__problems" data-testid="dry-run-errors">
          {record.reason && <li>{labelOf(t, 'reason', record.reason)}</li>}
          {record.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {record.fields.length === 0 ? (
        record.status !== 'error' && <p className="int-muted">{t('dryRun.noChanges')}</p>
      ) : (
        <table className="int-diff">
          <thead>
            <tr>
              <th scope="col">{t('dryRun.field')}</th>
              <th scope="col">{t('dryRun.before')}</th>
              <th scope="col">{t('dryRun.after')}</th>
            </tr>
          </thead>
          <tbody>
            {record.fields.map((f) => (
              <tr key={f.field} data-testid="dry-run-field" data-field={f.field}>
                <th scope="row">{translate(`customer.fields.${f.field}`, { defaultValue: f.field })}</th>
                <td>
                  <del>{shown(f.before)}</del>
                </td>
                <td>
                  <ins>{shown(f.after)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
