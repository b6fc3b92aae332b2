import { Alert, Table, type TableProps } from 'antd';
import { Tag, type TagTone } from '../../../app/ui/states.tsx';
import type { Preview, PreviewRow, PreviewStatus } from '../api/imports.ts';
import { useImportsT } from '../i18n/index.ts';

const tones: Record<PreviewStatus, TagTone> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'grey',
  review: 'gold',
  error: 'red',
};

const shown = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '∅'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** What each previewed row would do: the result, each field's before → after, and the errors by field. */
export function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useImportsT();
  const columns: TableProps<PreviewRow>['columns'] = [
    { key: 'row', title: t('preview.row'), dataIndex: 'row', width: 70 },
    {
      key: 'status',
      title: t('preview.status'),
      width: 100,
      render: (_, r) => <Tag tone={tones[r.status]}>{t(`status.${r.status}`)}</Tag>,
    },
    {
      key: 'changes',
      title: t('preview.changes'),
      render: (_, r) => (
        <ul className="imports-changes">
          {r.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {shown(f.before)} → <strong>{shown(f.after)}</strong>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'errors',
      title: t('preview.errors'),
      render: (_, r) =>
        r.fieldErrors.length ? (
          <ul className="imports-changes">
            {r.fieldErrors.map((e) => (
              <li key={e.path}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        ) : (
          r.errors.join('; ')
        ),
    },
  ];
  return (
    <>
      <p data-testid="imports-preview-summary">
        {t('preview.summary', preview.summary)} {t('preview.nothingWritten')}
      </p>
      {preview.problems.length > 0 && (
        <Alert type="error" showIcon message={`${t('preview.problems')} ${preview.problems.join('; ')}`} />
      )}
      <Table rowKey="row" size="small" pagination={{ pageSize: 20 }} columns={columns} dataSource={preview.rows} />
    </>
  );
}
