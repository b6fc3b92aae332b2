import { useCallback, useMemo } from 'react';
import { Form, Input, Switch } from 'antd';
import type { Contact } from '../../../app/api/types.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { CustomFieldItems, useCustomFieldDefs } from '../../../app/forms/CustomFieldItems.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { customFromForm, customToForm, trimOrNull, type Values } from '../../../app/forms/values.ts';

export default function ContactFormPage() {
  const { t } = useTranslation();
  const { id: customerId = '', rid } = useParams<{ id: string; rid: string }>();
  const [form] = Form.useForm<Values>();
  const defs = useCustomFieldDefs('contact');
  const defList = useMemo(() => defs.data ?? [], [defs.data]);
  const back = `/customers/${encodeURIComponent(customerId)}?tab=contacts`;

  const fields: FieldSpec[] = [
    { name: 'name', label: t('contact.fields.name') },
    { name: 'title', label: t('contact.fields.title') },
    { name: 'mobile', label: t('contact.fields.mobile') },
    { name: 'email', label: t('contact.fields.email') },
    { name: 'wecomId', label: t('contact.fields.wecomId') },
    { name: 'isPrimary', label: t('contact.primary'), display: (v) => (v ? t('common.yes') : t('common.no')) },
    { name: 'custom', label: t('form.customFields') },
  ];
  const fromRecord = useCallback(
    (c: Contact): Values => ({
      name: c.name,
      title: c.title ?? '',
      mobile: c.mobile ?? '',
      email: c.email ?? '',
      wecomId: c.wecomId ?? '',
      isPrimary: c.isPrimary,
      custom: customToForm(defList, c.custom),
    }),
    [defList],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      name: typeof v.name === 'string' ? v.name.trim() : v.name,
      title: trimOrNull(v.title),
      mobile: trimOrNull(v.mobile),
      email: trimOrNull(v.email),
      wecomId: trimOrNull(v.wecomId),
      isPrimary: Boolean(v.isPrimary),
      custom: customFromForm(defList, v.custom as Values),
    }),
    [defList],
  );
  const state = useRecordForm<Contact>({
    resource: 'contacts',
    id: rid,
    form,
    fields,
    errorRoots: ['custom'],
    fromRecord,
    toBody,
    ready: !defs.isPending,
    createDefaults: { customerId },
    onSaved: () => navigate(back, { replace: true }),
  });

  return (
    <FormPage
      title={rid ? t('contact.edit') : t('contact.add')}
      backTo={back}
      backLabel={t('detail.backToCustomer')}
      state={state}
      form={form}
      initialValues={{ isPrimary: false }}
      onCancel={() => navigate(back)}
    >
      <div className="form-grid">
        <Form.Item
          name="name"
          label={t('contact.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('contact.fields.name') }) },
          ]}
        >
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item name="title" label={t('contact.fields.title')}>
          <Input maxLength={100} autoComplete="organization-title" />
        </Form.Item>
        <Form.Item name="mobile" label={t('contact.fields.mobile')}>
          <Input type="tel" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('contact.fields.email')} rules={[{ type: 'email', message: t('form.email') }]}>
          <Input type="email" inputMode="email" autoComplete="email" />
        </Form.Item>
        <Form.Item name="wecomId" label={t('contact.fields.wecomId')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="isPrimary" label={t('contact.primary')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
      <CustomFieldItems defs={defList} />
    </FormPage>
  );
}
