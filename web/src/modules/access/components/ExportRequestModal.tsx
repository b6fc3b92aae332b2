import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import { labelOf, useAccessT } from '../i18n/index.ts';
import { accessKeys } from '../api/access.ts';
import { requestCustomerExport, type ExportRequest } from '../api/exports.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

const baseFields = [
  'name',
  'shortName',
  'creditCode',
  'industry',
  'level',
  'source',
  'region',
  'mainPhone',
  'ownerId',
  'status',
  'tags',
  'createdAt',
  'updatedAt',
];
const PHONE_FIELDS = new Set(['mainPhone']);

interface CustomFieldDef {
  key: string;
  label: string;
  type: string;
}

interface Values {
  fields: string[];
  format: 'csv' | 'xlsx';
  reason?: string;
}

/** POST /customers/export: the file at once (200), or a pending export approval when phone numbers are included (202). */
export function ExportRequestModal({ onClose }: { onClose: (submittedForApproval: boolean) => void }) {
  const { t } = useAccessT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const custom = useQuery({
    queryKey: ['access', 'custom-fields', 'customer'],
    queryFn: ({ signal }) =>
      api
        .get<{ data: CustomFieldDef[] }>(
          '/custom-fields',
          { filter: { objectType: 'customer' }, sort: 'sortOrder', limit: 200 },
          signal,
        )
        .then((r) => r.data),
    staleTime: 5 * 60_000,
  });
  const phoneCustom = new Set((custom.data ?? []).filter((d) => d.type === 'phone').map((d) => `custom.${d.key}`));
  const fields: string[] = Form.useWatch('fields', form) ?? [];
  const withPhones = fields.some((f) => PHONE_FIELDS.has(f) || phoneCustom.has(f));

  const submit = useMutation({
    mutationFn: (values: Values) => {
      const body: ExportRequest = {
        fields: values.fields,
        format: values.format,
        reason: values.reason?.trim() || undefined,
      };
      return requestCustomerExport(body, `customers.${values.format}`);
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'approval') {
        void queryClient.invalidateQueries({ queryKey: accessKeys.approvals });
        void message.success(t('exportRequest.pending'));
        onClose(true);
      } else {
        void message.success(t('exportRequest.downloadedNow'));
        onClose(false);
      }
    },
  });

  const options = [
    ...baseFields.map((f) => ({ value: f, label: labelOf(t, 'exportRequest.customerFields', f) })),
    ...(custom.data ?? []).map((d) => ({ value: `custom.${d.key}`, label: d.label })),
  ];

  return (
    <Modal
      open
      width={640}
      title={t('exportRequest.title')}
      okText={withPhones ? t('exportRequest.submitApproval') : t('exportRequest.submit')}
      okButtonProps={{ loading: submit.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <p className="acc-muted">{t('exportRequest.intro')}</p>
      {submit.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorBlock error={submit.error} fallback="saveFailed" />
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ fields: ['name', 'level', 'ownerId'], format: 'xlsx' }}
        onFinish={(values) => submit.mutate(values)}
        disabled={submit.isPending}
      >
        <Form.Item
          name="fields"
          label={t('exportRequest.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('exportRequest.fieldsRequired') }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" />
        </Form.Item>
        {withPhones && (
          <Alert type="warning" showIcon message={t('exportRequest.phoneWarning')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="format" label={t('exportRequest.format')}>
          <Radio.Group
            options={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('exportRequest.reason')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
