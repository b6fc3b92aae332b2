import { useCallback, useEffect, useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { opportunityStages } from '../../../../../common/enums.ts';
import type { Opportunity } from '../../../app/api/types.ts';
import { useUserNames, useUserOptions } from '../../users/api/users.ts';
import { useMe } from '../../auth/session.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { CustomFieldItems, useCustomFieldDefs } from '../../../app/forms/CustomFieldItems.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { MoneyFormItem } from '../../../app/forms/MoneyFormItem.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { customFromForm, customToForm, emptyToNull, type Values } from '../../../app/forms/values.ts';

export default function OpportunityFormPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const format = useFormat();
  const { id: customerId = '', rid } = useParams<{ id: string; rid: string }>();
  const [form] = Form.useForm<Values>();
  const defs = useCustomFieldDefs('opportunity');
  const defList = useMemo(() => defs.data ?? [], [defs.data]);
  const owners = useUserOptions();
  const ownerNames = useUserNames();
  const me = useMe();
  const back = `/customers/${encodeURIComponent(customerId)}?tab=opportunities`;

  const fields: FieldSpec[] = [
    { name: 'name', label: t('opportunity.fields.name') },
    { name: 'amount', label: t('opportunity.fields.amount') },
    { name: 'currency', label: t('form.currency') },
    { name: 'stage', label: t('opportunity.fields.stage'), display: (v) => enumLabel('stage', String(v)) ?? String(v) },
    {
      name: 'expectedCloseDate',
      label: t('opportunity.fields.expectedCloseDate'),
      display: (v) => format.date(String(v)) ?? '',
    },
    { name: 'ownerId', label: t('opportunity.fields.owner'), display: (v) => ownerNames.get(String(v)) ?? String(v) },
    { name: 'custom', label: t('form.customFields') },
  ];
  const fromRecord = useCallback(
    (o: Opportunity): Values => ({
      name: o.name,
      amount: o.amount ?? '',
      currency: o.currency,
      stage: o.stage,
      expectedCloseDate: o.expectedCloseDate ?? '',
      ownerId: o.ownerId,
      custom: customToForm(defList, o.custom),
    }),
    [defList],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      name: typeof v.name === 'string' ? v.name.trim() : v.name,
      amount: typeof v.amount === 'string' ? v.amount.trim() : v.amount,
      currency: v.currency,
      stage: v.stage,
      expectedCloseDate: emptyToNull(v.expectedCloseDate),
      ownerId: v.ownerId ?? null,
      custom: customFromForm(defList, v.custom as Values),
    }),
    [defList],
  );
  const state = useRecordForm<Opportunity>({
    resource: 'opportunities',
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
  useEffect(() => {
    if (!rid && me.data && !form.getFieldValue('ownerId')) form.setFieldValue('ownerId', me.data.id);
  }, [rid, me.data, form]);

  return (
    <FormPage
      title={rid ? t('opportunity.edit') : t('opportunity.add')}
      backTo={back}
      backLabel={t('detail.backToCustomer')}
      state={state}
      form={form}
      initialValues={{ currency: 'CNY', stage: 'initial' }}
      onCancel={() => navigate(back)}
    >
      <div className="form-grid">
        <Form.Item
          name="name"
          label={t('opportunity.fields.name')}
          className="span-2"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('opportunity.fields.name') }) },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <MoneyFormItem name="amount" label={t('opportunity.fields.amount')} />
        <Form.Item name="stage" label={t('opportunity.fields.stage')}>
          <Select options={opportunityStages.map((value) => ({ value, label: enumLabel('stage', value) }))} />
        </Form.Item>
        <Form.Item name="expectedCloseDate" label={t('opportunity.fields.expectedCloseDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="ownerId" label={t('opportunity.fields.owner')}>
          <Select allowClear showSearch optionFilterProp="label" options={owners} />
        </Form.Item>
      </div>
      <CustomFieldItems defs={defList} />
    </FormPage>
  );
}
