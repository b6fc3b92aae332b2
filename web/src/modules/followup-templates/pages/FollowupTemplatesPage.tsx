import { use, useCallback, useState } from 'react';
import { Button, Form, Input, Select, Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { followupKinds, followupStatuses } from '../../../../../common/enums.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { RecordModal } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import type { Values } from '../../../app/forms/values.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { RowActions } from '../../../app/ui/records/RowActions.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';
import { allTemplatesQuery, type FollowupTemplate, type FollowupTemplateRecord } from '../api/followupTemplates.ts';
import { loadFollowupTemplateMessages } from '../i18n/catalog.ts';
import { useFollowupTemplateT } from '../i18n/index.ts';

/** Admin (desk): the company's follow-up templates, which reps apply in the phone's composer. */
export default function FollowupTemplatesPage() {
  use(loadFollowupTemplateMessages());
  const t = useFollowupTemplateT();
  useDocumentTitle(t('title'));
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1 className="page__title">{t('title')}</h1>
        <IfAllowed action="create" object="settings">
          <Button type="primary" onClick={() => setEditing({})}>
            + {t('new')}
          </Button>
        </IfAllowed>
      </div>
      <p className="muted">{t('intro')}</p>
      <TemplateTable onEdit={(id) => setEditing({ id })} />
      {editing && <TemplateEditor id={editing.id} onClose={() => setEditing(null)} />}
    </div>
  );
}

function TemplateTable({ onEdit }: { onEdit: (id: string) => void }) {
  const { t: appT } = useTranslation();
  const t = useFollowupTemplateT();
  const enumLabel = useEnumLabel();
  const format = useFormat();
  const templates = useQuery(allTemplatesQuery);
  const columns: TableProps<FollowupTemplate>['columns'] = [
    { key: 'title', title: t('fields.title'), dataIndex: 'title' },
    { key: 'body', title: t('fields.body'), dataIndex: 'body', ellipsis: true },
    {
      key: 'status',
      title: t('fields.status'),
      render: (_, row) => enumLabel('followupStatus', row.status) ?? t('noStatus'),
    },
    { key: 'kind', title: t('fields.kind'), render: (_, row) => enumLabel('followupKind', row.kind) ?? t('noStatus') },
    {
      key: 'lastUsed',
      title: t('lastUsed'),
      render: (_, row) => (row.lastUsedAt ? format.dateTime(row.lastUsedAt) : t('neverUsed')),
    },
    {
      key: 'actions',
      title: appT('common.actions'),
      render: (_, row) => (
        <RowActions resource="followup-templates" object="settings" record={row} name={row.title} onEdit={onEdit} />
      ),
    },
  ];
  if (templates.isError)
    return (
      <ErrorState error={templates.error} onRetry={() => void templates.refetch()} retrying={templates.isFetching} />
    );
  return (
    <Table<FollowupTemplate>
      rowKey="id"
      columns={columns}
      dataSource={templates.data ?? []}
      loading={templates.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('empty') }}
    />
  );
}

const blankToNull = (value: unknown) => (value === undefined || value === '' ? null : value);

function TemplateEditor({ id, onClose }: { id?: string; onClose: () => void }) {
  const { t: appT } = useTranslation();
  const t = useFollowupTemplateT();
  const enumLabel = useEnumLabel();
  const [form] = Form.useForm<Values>();
  const fields: FieldSpec[] = [
    { name: 'title', label: t('fields.title') },
    { name: 'body', label: t('fields.body') },
    { name: 'status', label: t('fields.status') },
    { name: 'kind', label: t('fields.kind') },
  ];
  const fromRecord = useCallback(
    (r: FollowupTemplateRecord): Values => ({ title: r.title, body: r.body, status: r.status, kind: r.kind }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      title: typeof v.title === 'string' ? v.title.trim() : v.title,
      body: typeof v.body === 'string' ? v.body.trim() : v.body,
      status: blankToNull(v.status),
      kind: blankToNull(v.kind),
    }),
    [],
  );
  const state = useRecordForm<FollowupTemplateRecord>({
    resource: 'followup-templates',
    id,
    form,
    fields,
    fromRecord,
    toBody,
    onSaved: onClose,
  });
  const options = (group: 'followupStatus' | 'followupKind', values: readonly string[]) =>
    values.map((value) => ({ value, label: enumLabel(group, value) ?? value }));
  const required = (label: string) => ({ required: true, whitespace: true, message: appT('form.required', { label }) });
  return (
    <RecordModal title={id ? t('edit') : t('new')} open onClose={onClose} state={state} form={form}>
      <Form.Item name="title" label={t('fields.title')} extra={t('titleHint')} rules={[required(t('fields.title'))]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="body" label={t('fields.body')} extra={t('bodyHint')} rules={[required(t('fields.body'))]}>
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="status" label={t('fields.status')} extra={t('statusHint')}>
        <Select allowClear placeholder={t('noStatus')} options={options('followupStatus', followupStatuses)} />
      </Form.Item>
      <Form.Item name="kind" label={t('fields.kind')} extra={t('kindHint')}>
        <Select allowClear placeholder={t('noStatus')} options={options('followupKind', followupKinds)} />
      </Form.Item>
    </RecordModal>
  );
}
