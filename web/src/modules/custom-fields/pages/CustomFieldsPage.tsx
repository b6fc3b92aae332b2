import { useCallback, useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Switch, Table, Tabs, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { customFieldObjects, customFieldTypes } from '../../../../../common/enums.ts';
import { customFieldsQuery } from '../api/customFields.ts';
import type { CustomField, CustomFieldObject } from '../../../app/api/types.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { RowActions } from '../../../app/ui/records/RowActions.tsx';
import { Tag } from '../../../app/ui/states.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { RecordModal } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { type Values } from '../../../app/forms/values.ts';

const KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,39}$/;
const withOptions = new Set(['singleSelect', 'multiSelect']);

/** Admin: extra fields per object; they appear in the forms, the detail and the list's column chooser. */
export default function CustomFieldsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.customFields'));
  const [object, setObject] = useState<CustomFieldObject>('customer');
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1 className="page__title">{t('nav.customFields')}</h1>
        <Button type="primary" onClick={() => setEditing({})}>
          + {t('admin.customFields.new')}
        </Button>
      </div>
      <Tabs
        activeKey={object}
        onChange={(key) => setObject(key as CustomFieldObject)}
        items={customFieldObjects.map((value) => ({
          key: value,
          label: t(`admin.customFields.objects.${value}`),
          children: <FieldTable objectType={value} onEdit={(id) => setEditing({ id })} />,
        }))}
      />
      {editing && <CustomFieldEditor id={editing.id} objectType={object} onClose={() => setEditing(null)} />}
    </div>
  );
}

function FieldTable({ objectType, onEdit }: { objectType: CustomFieldObject; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const fields = useQuery(customFieldsQuery(objectType));
  const columns: TableProps<CustomField>['columns'] = [
    { key: 'label', title: t('admin.customFields.label'), dataIndex: 'label' },
    { key: 'key', title: t('admin.customFields.key'), dataIndex: 'key', render: (v: string) => <code>{v}</code> },
    {
      key: 'type',
      title: t('admin.customFields.type'),
      render: (_, f) => t(`admin.customFields.types.${f.type}` as MessageKey),
    },
    {
      key: 'options',
      title: t('admin.customFields.options'),
      render: (_, f) => (f.options?.length ? f.options.map((o) => <Tag key={o}>{o}</Tag>) : t('common.none')),
    },
    {
      key: 'required',
      title: t('admin.customFields.required'),
      render: (_, f) => (f.required ? t('common.yes') : t('common.no')),
    },
    { key: 'sortOrder', title: t('admin.departments.sortOrder'), dataIndex: 'sortOrder' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, f) => (
        <RowActions resource="custom-fields" object="settings" record={f} name={f.label} onEdit={onEdit} />
      ),
    },
  ];
  if (fields.isError)
    return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} retrying={fields.isFetching} />;
  return (
    <Table<CustomField>
      rowKey="id"
      columns={columns}
      dataSource={fields.data ?? []}
      loading={fields.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('admin.customFields.empty') }}
    />
  );
}

function CustomFieldEditor({
  id,
  objectType,
  onClose,
}: {
  id?: string;
  objectType: CustomFieldObject;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) as string | undefined;
  const fields: FieldSpec[] = [
    { name: 'objectType', label: t('admin.customFields.object') },
    { name: 'key', label: t('admin.customFields.key') },
    { name: 'label', label: t('admin.customFields.label') },
    { name: 'type', label: t('admin.customFields.type') },
    {
      name: 'options',
      label: t('admin.customFields.options'),
      display: (v) => (Array.isArray(v) ? v.join('、') : String(v)),
    },
    { name: 'required', label: t('admin.customFields.required') },
    { name: 'sortOrder', label: t('admin.departments.sortOrder') },
  ];
  const fromRecord = useCallback(
    (f: CustomField): Values => ({
      objectType: f.objectType,
      key: f.key,
      label: f.label,
      type: f.type,
      options: f.options ?? [],
      required: f.required,
      sortOrder: f.sortOrder,
    }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => {
      const body: Values = {
        label: typeof v.label === 'string' ? v.label.trim() : v.label,
        options: withOptions.has(String(v.type)) ? (v.options ?? []) : undefined,
        required: Boolean(v.required),
        sortOrder: v.sortOrder ?? 0,
      };
      // key, type and object cannot change once created
      if (!id) Object.assign(body, { objectType: v.objectType, key: v.key, type: v.type });
      return body;
    },
    [id],
  );
  const state = useRecordForm<CustomField>({
    resource: 'custom-fields',
    id,
    form,
    fields,
    fromRecord,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordModal
      title={id ? t('admin.customFields.edit') : t('admin.customFields.new')}
      open
      onClose={onClose}
      state={state}
      form={form}
      initialValues={{ objectType, type: 'text', required: false, sortOrder: 0, options: [] }}
    >
      <Form.Item name="objectType" label={t('admin.customFields.object')}>
        <Select
          disabled={Boolean(id)}
          options={customFieldObjects.map((value) => ({ value, label: t(`admin.customFields.objects.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="label"
        label={t('admin.customFields.label')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('admin.customFields.label') }) },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('admin.customFields.key')}
        extra={t('admin.customFields.keyHint')}
        rules={[
          { required: true, message: t('form.required', { label: t('admin.customFields.key') }) },
          { pattern: KEY_PATTERN, message: t('admin.customFields.keyHint') },
        ]}
      >
        <Input disabled={Boolean(id)} maxLength={40} spellCheck={false} autoCapitalize="none" />
      </Form.Item>
      <Form.Item name="type" label={t('admin.customFields.type')}>
        <Select
          disabled={Boolean(id)}
          options={customFieldTypes.map((value) => ({ value, label: t(`admin.customFields.types.${value}`) }))}
        />
      </Form.Item>
      {withOptions.has(type ?? '') && (
        <Form.Item
          name="options"
          label={t('admin.customFields.options')}
          extra={t('admin.customFields.optionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.customFields.optionsHint') }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
      )}
      <Form.Item name="required" label={t('admin.customFields.required')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('admin.departments.sortOrder')}>
        <InputNumber min={0} max={9999} />
      </Form.Item>
    </RecordModal>
  );
}
