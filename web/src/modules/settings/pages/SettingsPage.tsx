import { useEffect } from 'react';
import { Alert, Button, Form, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../app/api/client.ts';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { tenantQuery } from '../api/tenant.ts';
import type { One, Tenant, TenantSettings } from '../../../app/api/types.ts';
import { CUSTOMER_FIELDS, useCustomerFieldView } from '../../customers/components/customerFields.tsx';
import { errorDetail, errorHeadline, ErrorState } from '../../../app/ui/ErrorState.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';

/** Admin: company settings, including the 5 lite fields the phone's customer header shows. */
export default function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.settings'));
  const [form] = Form.useForm<TenantSettings>();
  const queryClient = useQueryClient();
  const tenant = useQuery(tenantQuery);
  const defs = useQuery(customFieldsQuery('customer'));
  const view = useCustomerFieldView(defs.data);
  const fieldOptions = [...CUSTOMER_FIELDS, ...(defs.data ?? []).map((d) => `custom.${d.key}`)].map((value) => ({
    value,
    label: view.label(value),
  }));

  useEffect(() => {
    if (tenant.data) form.setFieldsValue(tenant.data.settings as never);
  }, [tenant.data, form]);

  const save = useMutation({
    mutationFn: (settings: TenantSettings) => api.patch<One<Tenant>>('/tenant/settings', settings).then((r) => r.data),
    onSuccess: (saved) => {
      queryClient.setQueryData(tenantQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: tenantQuery.queryKey });
      showToast(t('form.saved'));
    },
    onError: (error) => {
      if (isApiError(error))
        form.setFields(error.fields.map((f) => ({ name: f.path as keyof TenantSettings, errors: [f.message] })));
    },
  });

  return (
    <div className="page page--form">
      <h1 className="page__title">{t('nav.settings')}</h1>
      {tenant.isPending ? (
        <Skeleton rows={6} />
      ) : tenant.isError ? (
        <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} retrying={tenant.isFetching} />
      ) : (
        <Form<TenantSettings>
          form={form}
          layout="vertical"
          className="record-form m-card"
          disabled={save.isPending}
          onFinish={(values) =>
            save.mutate(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null)))
          }
        >
          {save.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="form-banner"
              message={errorHeadline(t, save.error)}
              description={errorDetail(save.error)}
            />
          )}
          <Form.Item
            name="liteFields"
            label={t('admin.settings.liteFields')}
            extra={t('admin.settings.liteFieldsHint')}
            rules={[{ required: true, type: 'array', min: 1, max: 5, message: t('admin.settings.liteFieldsHint') }]}
          >
            <Select mode="multiple" options={fieldOptions} maxCount={5} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="recycleRetentionDays" label={t('admin.settings.retention')}>
            <InputNumber min={1} max={3650} addonAfter={t('admin.settings.days')} />
          </Form.Item>
          <Form.Item name="sandboxDays" label={t('admin.settings.sandboxDays')} extra={t('admin.settings.sandboxHint')}>
            <InputNumber min={0} max={90} addonAfter={t('admin.settings.days')} />
          </Form.Item>
          <Form.Item name="followupEditWindowHours" label={t('admin.settings.editWindow')}>
            <InputNumber min={1} max={8760} addonAfter={t('admin.settings.hours')} />
          </Form.Item>
          <Form.Item
            name="leastPrivilege"
            label={t('admin.settings.leastPrivilege')}
            valuePropName="checked"
            extra={t('admin.settings.leastPrivilegeHint')}
          >
            <Switch />
          </Form.Item>
          <div className="form-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}
