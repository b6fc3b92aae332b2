import { useCallback, useEffect, useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { customerLevels, customerSources, customerStatuses } from '../../../../../common/enums.ts';
import type { Customer } from '../../../app/api/types.ts';
import { useUserNames, useUserOptions } from '../../users/api/users.ts';
import { useMe } from '../../auth/session.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { CustomFieldItems, useCustomFieldDefs } from '../../../app/forms/CustomFieldItems.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { customFromForm, customToForm, trimOrNull, type Values } from '../../../app/forms/values.ts';
import { LicenceScanButton } from '../components/LicenceScanButton.tsx';

export default function CustomerFormPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const { id } = useParams<{ id: string }>();
  const [form] = Form.useForm<Values>();
  const defs = useCustomFieldDefs('customer');
  const owners = useUserOptions();
  const ownerNames = useUserNames();
  const me = useMe();
  const defList = useMemo(() => defs.data ?? [], [defs.data]);

  const fields: FieldSpec[] = [
    { name: 'name', label: t('customer.fields.name') },
    { name: 'shortName', label: t('customer.fields.shortName') },
    { name: 'level', label: t('customer.fields.level'), display: (v) => enumLabel('level', String(v)) ?? String(v) },
    {
      name: 'status',
      label: t('customer.fields.status'),
      display: (v) => enumLabel('customerStatus', String(v)) ?? String(v),
    },
    { name: 'ownerId', label: t('customer.fields.owner'), display: (v) => ownerNames.get(String(v)) ?? String(v) },
    { name: 'mainPhone', label: t('customer.fields.mainPhone') },
    { name: 'industry', label: t('customer.fields.industry') },
    { name: 'region', label: t('customer.fields.region') },
    {
      name: 'source',
      label: t('customer.fields.source'),
      display: (v) => enumLabel('customerSource', String(v)) ?? String(v),
    },
    { name: 'creditCode', label: t('customer.fields.creditCode') },
    { name: 'tags', label: t('customer.fields.tags'), display: (v) => (Array.isArray(v) ? v.join('、') : String(v)) },
    { name: 'custom', label: t('form.customFields') },
  ];

  const fromRecord = useCallback(
    (c: Customer): Values => ({
      name: c.name,
      shortName: c.shortName ?? '',
      level: c.level,
      status: c.status,
      ownerId: c.ownerId,
      mainPhone: c.mainPhone ?? '',
      industry: c.industry ?? '',
      region: c.region ?? '',
      source: c.source,
      creditCode: c.creditCode ?? '',
      tags: c.tags ?? [],
      custom: customToForm(defList, c.custom),
    }),
    [defList],
  );

  const toBody = useCallback(
    (v: Values): Values => ({
      name: typeof v.name === 'string' ? v.name.trim() : v.name,
      shortName: trimOrNull(v.shortName),
      level: v.level ?? null,
      status: v.status ?? 'active',
      ownerId: v.ownerId ?? null,
      mainPhone: trimOrNull(v.mainPhone),
      industry: trimOrNull(v.industry),
      region: trimOrNull(v.region),
      source: v.source ?? null,
      creditCode: trimOrNull(v.creditCode),
      tags: Array.isArray(v.tags) ? v.tags : [],
      custom: customFromForm(defList, v.custom as Values),
    }),
    [defList],
  );

  const state = useRecordForm<Customer>({
    resource: 'customers',
    id,
    form,
    fields,
    errorRoots: ['custom'],
    fromRecord,
    toBody,
    ready: !defs.isPending,
    onSaved: (customer) => navigate(`/customers/${encodeURIComponent(customer.id)}`, { replace: true }),
  });

  // A new customer belongs to whoever creates it unless they pick someone else.
  useEffect(() => {
    if (!id && me.data && !form.isFieldTouched('ownerId') && !form.getFieldValue('ownerId'))
      form.setFieldValue('ownerId', me.data.id);
  }, [id, me.data, form]);

  const back = id ? `/customers/${encodeURIComponent(id)}` : '/customers';
  return (
    <FormPage
      title={id ? t('customer.edit') : t('customer.new')}
      backTo={back}
      backLabel={id ? t('detail.backToCustomer') : t('detail.backToList')}
      state={state}
      form={form}
      initialValues={{ status: 'active', tags: [] }}
      onCancel={() => navigate(back)}
    >
      <LicenceScanButton form={form} defs={defList} />
      <div className="form-grid">
        <Form.Item
          name="name"
          label={t('customer.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('customer.fields.name') }) },
          ]}
          className="span-2"
        >
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="shortName" label={t('customer.fields.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="mainPhone" label={t('customer.fields.mainPhone')}>
          <Input type="tel" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="level" label={t('customer.fields.level')}>
          <Select allowClear options={customerLevels.map((value) => ({ value, label: enumLabel('level', value) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('customer.fields.status')}>
          <Select options={customerStatuses.map((value) => ({ value, label: enumLabel('customerStatus', value) }))} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('customer.fields.owner')}>
          <Select allowClear showSearch optionFilterProp="label" options={owners} />
        </Form.Item>
        <Form.Item name="source" label={t('customer.fields.source')}>
          <Select
            allowClear
            options={customerSources.map((value) => ({ value, label: enumLabel('customerSource', value) }))}
          />
        </Form.Item>
        <Form.Item name="industry" label={t('customer.fields.industry')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="region" label={t('customer.fields.region')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('customer.fields.creditCode')} extra={t('form.creditCodeHint')}>
          <Input maxLength={18} autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Form.Item name="tags" label={t('customer.fields.tags')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            open={false}
            suffixIcon={null}
            placeholder={t('form.tagsPlaceholder')}
          />
        </Form.Item>
      </div>
      <CustomFieldItems defs={defList} />
    </FormPage>
  );
}
