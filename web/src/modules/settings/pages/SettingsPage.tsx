import { useEffect } from 'react';
import { Alert, Button, Form, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantSettingDefaults, tenantSettingLimits } from '../../../../../common/tenant-settings.ts';
import { defaultTimeZone, isIanaTimeZone } from '../../../../../common/time-zone.ts';
import { isApiError } from '../../../app/api/client.ts';
import type { TenantSettings } from '../../../app/api/types.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { describeError } from '../../../app/ui/describeError.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { Skeleton } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { CUSTOMER_FIELDS, useCustomerFieldView } from '../../customers/components/customerFields.tsx';
import { saveTenantSettings, tenantQuery } from '../api/tenant.ts';

type NumberSetting = 'recycleRetentionDays' | 'sandboxDays' | 'followupEditWindowHours';

/**
 * 公司设置 (/admin/settings; /settings redirects here): least privilege, the new-hire sandbox, the
 * follow-up edit window, recycle-bin retention, the company's time zone and the phone's 5 lite fields. Settings a company has
 * never saved show their defaults.
 */
/** The IANA zones this browser knows (the server checks the name again). */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [defaultTimeZone];
  }
}

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
    if (tenant.data) form.setFieldsValue({ ...tenantSettingDefaults, ...tenant.data.settings } as never);
  }, [tenant.data, form]);

  const save = useMutation({
    mutationFn: saveTenantSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(tenantQuery.queryKey, saved);
      // Least privilege changes what the permission matrix shows.
      void queryClient.invalidateQueries({ queryKey: ['access'] });
      showToast(t('form.saved'));
    },
    onError: (error) => {
      if (isApiError(error))
        form.setFields(error.fields.map((f) => ({ name: f.path as keyof TenantSettings, errors: [f.message] })));
    },
  });

  const numberRule = (key: NumberSetting) => {
    const { min, max } = tenantSettingLimits[key];
    return [
      { required: true, type: 'integer' as const, min, max, message: t('admin.settings.rangeError', { min, max }) },
    ];
  };
  const { min: minLite, max: maxLite } = tenantSettingLimits.liteFields;
  const savedZone = tenant.data?.settings.timeZone ?? defaultTimeZone;
  const zoneOptions = [...new Set([savedZone, ...timeZones()])].sort().map((value) => ({ value, label: value }));

  return (
    <div className="page page--form">
      <h1 className="page__title">{t('nav.settings')}</h1>
      <p className="muted">{t('admin.settings.intro')}</p>
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
              message={describeError(t, save.error, 'saveFailed').headline}
              description={describeError(t, save.error).detail}
            />
          )}
          <Form.Item
            name="leastPrivilege"
            label={t('admin.settings.leastPrivilege')}
            valuePropName="checked"
            extra={t('admin.settings.leastPrivilegeHint')}
          >
            <Switch
              checkedChildren={t('admin.settings.leastPrivilegeOn')}
              unCheckedChildren={t('admin.settings.leastPrivilegeOff')}
            />
          </Form.Item>
          <Form.Item
            name="sandboxDays"
            label={t('admin.settings.sandboxDays')}
            extra={t('admin.settings.sandboxDaysHint')}
            rules={numberRule('sandboxDays')}
          >
            <InputNumber precision={0} addonAfter={t('admin.settings.days')} />
          </Form.Item>
          <Form.Item
            name="followupEditWindowHours"
            label={t('admin.settings.followupEditWindowHours')}
            extra={t('admin.settings.followupEditWindowHoursHint')}
            rules={numberRule('followupEditWindowHours')}
          >
            <InputNumber precision={0} addonAfter={t('admin.settings.hours')} />
          </Form.Item>
          <Form.Item
            name="recycleRetentionDays"
            label={t('admin.settings.recycleRetentionDays')}
            extra={t('admin.settings.recycleRetentionDaysHint')}
            rules={numberRule('recycleRetentionDays')}
          >
            <InputNumber precision={0} addonAfter={t('admin.settings.days')} />
          </Form.Item>
          <Form.Item
            name="timeZone"
            label={t('admin.settings.timeZone')}
            extra={t('admin.settings.timeZoneHint')}
            rules={[
              {
                required: true,
                validator: (_, value: unknown) =>
                  typeof value === 'string' && isIanaTimeZone(value) ? Promise.resolve() : Promise.reject(new Error()),
                message: t('admin.settings.timeZoneError'),
              },
            ]}
          >
            <Select showSearch options={zoneOptions} optionFilterProp="label" />
          </Form.Item>
          <Form.Item
            name="liteFields"
            label={t('admin.settings.liteFields')}
            extra={t('admin.settings.liteFieldsHint')}
            rules={[
              {
                required: true,
                type: 'array',
                min: minLite,
                max: maxLite,
                message: t('admin.settings.liteFieldsHint'),
              },
            ]}
          >
            <Select mode="multiple" options={fieldOptions} maxCount={maxLite} optionFilterProp="label" />
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
