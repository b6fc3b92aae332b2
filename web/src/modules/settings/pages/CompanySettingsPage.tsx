import { useEffect } from 'react';
import { App, Button, Form, InputNumber, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../app/api/client.ts';
import { useAccessT } from '../../access/i18n/index.ts';
import { Link } from '../../../app/routing/router.tsx';
import {
  accessKeys,
  saveSettings,
  settingDefaults,
  tenantQuery,
  type AccessSettings,
} from '../../access/api/access.ts';
import { AccessPage, ErrorBlock, Loading } from '../../access/components/shared.tsx';

const ranges = {
  sandboxDays: [0, 90],
  followupEditWindowHours: [1, 8760],
  recycleRetentionDays: [1, 3650],
} as const;

/** 公司设置: least privilege, new-hire sandbox days, follow-up edit window, recycle-bin retention. */
export default function CompanySettingsPage() {
  const { t } = useAccessT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AccessSettings>();
  const tenant = useQuery(tenantQuery);
  const current: AccessSettings | undefined = tenant.data && { ...settingDefaults, ...pick(tenant.data.settings) };

  useEffect(() => {
    if (tenant.data) form.setFieldsValue({ ...settingDefaults, ...pick(tenant.data.settings) });
  }, [tenant.data, form]);

  const save = useMutation({
    mutationFn: (values: AccessSettings) => saveSettings(values),
    onSuccess: (saved) => {
      queryClient.setQueryData(tenantQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: accessKeys.tenant });
      void queryClient.invalidateQueries({ queryKey: accessKeys.matrix });
      void message.success(t('common.saved'));
    },
    onError: (error) => {
      if (isApiError(error))
        form.setFields(
          error.fields.map((f) => ({
            name: f.path.replace(/^body\./, '') as keyof AccessSettings,
            errors: [f.message],
          })),
        );
    },
  });

  const numberRule = (key: keyof typeof ranges) => {
    const [min, max] = ranges[key];
    return [{ required: true, type: 'integer' as const, min, max, message: t('settings.rangeError', { min, max }) }];
  };

  return (
    <AccessPage title={t('title.settings')} intro={t('settings.intro')} wide={false}>
      {tenant.isPending ? (
        <Loading rows={6} />
      ) : tenant.isError ? (
        <ErrorBlock error={tenant.error} onRetry={() => void tenant.refetch()} retrying={tenant.isFetching} />
      ) : (
        <Form<AccessSettings>
          form={form}
          layout="vertical"
          className="acc-card"
          disabled={save.isPending}
          onFinish={(values) => save.mutate(values)}
          initialValues={current}
        >
          {save.isError && <ErrorBlock error={save.error} fallback="saveFailed" />}
          <Form.Item
            name="leastPrivilege"
            label={t('settings.leastPrivilege')}
            valuePropName="checked"
            extra={t('settings.leastPrivilegeHint')}
          >
            <Switch
              checkedChildren={t('settings.leastPrivilegeOn')}
              unCheckedChildren={t('settings.leastPrivilegeOff')}
            />
          </Form.Item>
          <Form.Item
            name="sandboxDays"
            label={t('settings.sandboxDays')}
            extra={t('settings.sandboxDaysHint')}
            rules={numberRule('sandboxDays')}
          >
            <InputNumber precision={0} addonAfter={t('settings.days')} />
          </Form.Item>
          <Form.Item
            name="followupEditWindowHours"
            label={t('settings.followupEditWindowHours')}
            extra={t('settings.followupEditWindowHoursHint')}
            rules={numberRule('followupEditWindowHours')}
          >
            <InputNumber precision={0} addonAfter={t('settings.hours')} />
          </Form.Item>
          <Form.Item
            name="recycleRetentionDays"
            label={t('settings.recycleRetentionDays')}
            extra={t('settings.recycleRetentionDaysHint')}
            rules={numberRule('recycleRetentionDays')}
          >
            <InputNumber precision={0} addonAfter={t('settings.days')} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </Button>
            <Link to="/admin/settings">{t('settings.moreSettings')}</Link>
          </div>
        </Form>
      )}
    </AccessPage>
  );
}

function pick(settings: Record<string, unknown>): Partial<AccessSettings> {
  const out: Partial<AccessSettings> = {};
  if (typeof settings.leastPrivilege === 'boolean') out.leastPrivilege = settings.leastPrivilege;
  for (const key of ['sandboxDays', 'followupEditWindowHours', 'recycleRetentionDays'] as const) {
    if (typeof settings[key] === 'number') out[key] = settings[key];
  }
  return out;
}
