import { useCallback } from 'react';
import { Form, Input, Select } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { followupKinds, followupStatuses } from '../../../../../common/enums.ts';
import { customerRelationQuery } from '../../customers/api/customerLists.ts';
import type { Followup } from '../../../app/api/types.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { emptyToNull, fromLocalInput, toLocalInput, trimOrNull, type Values } from '../../../app/forms/values.ts';

export default function FollowupFormPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const { id: customerId = '', rid } = useParams<{ id: string; rid: string }>();
  const [form] = Form.useForm<Values>();
  const opportunities = useInfiniteQuery(customerRelationQuery(customerId, 'opportunities'));
  const opportunityOptions = (opportunities.data?.pages.flatMap((p) => p.data) ?? []).map((o) => ({
    value: o.id,
    label: o.name,
  }));
  const back = `/customers/${encodeURIComponent(customerId)}?tab=followups`;

  const fields: FieldSpec[] = [
    {
      name: 'kind',
      label: t('followup.fields.kind'),
      display: (v) => enumLabel('followupKind', String(v)) ?? String(v),
    },
    {
      name: 'status',
      label: t('followup.fields.status'),
      display: (v) => enumLabel('followupStatus', String(v)) ?? String(v),
    },
    { name: 'occurredAt', label: t('followup.fields.occurredAt') },
    { name: 'content', label: t('followup.fields.content') },
    { name: 'nextStep', label: t('followup.fields.nextStep') },
    { name: 'nextStepAt', label: t('followup.fields.nextStepAt') },
    {
      name: 'opportunityId',
      label: t('followup.fields.opportunity'),
      display: (v) => opportunityOptions.find((o) => o.value === v)?.label ?? String(v),
    },
  ];
  const fromRecord = useCallback(
    (f: Followup): Values => ({
      kind: f.kind,
      status: f.status,
      occurredAt: toLocalInput(f.occurredAt),
      content: f.content,
      nextStep: f.nextStep ?? '',
      nextStepAt: toLocalInput(f.nextStepAt),
      opportunityId: f.opportunityId,
    }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      kind: v.kind,
      status: v.status ?? null,
      occurredAt: fromLocalInput(v.occurredAt),
      content: typeof v.content === 'string' ? v.content.trim() : v.content,
      nextStep: trimOrNull(v.nextStep),
      nextStepAt: fromLocalInput(v.nextStepAt),
      opportunityId: emptyToNull(v.opportunityId),
    }),
    [],
  );
  const state = useRecordForm<Followup>({
    resource: 'followups',
    id: rid,
    form,
    fields,
    fromRecord,
    toBody,
    createDefaults: { customerId, source: 'manual' },
    onSaved: () => navigate(back, { replace: true }),
  });

  return (
    <FormPage
      title={rid ? t('followup.edit') : t('followup.add')}
      backTo={back}
      backLabel={t('detail.backToCustomer')}
      state={state}
      form={form}
      initialValues={{ kind: 'call', occurredAt: toLocalInput(new Date().toISOString()) }}
      onCancel={() => navigate(back)}
    >
      <div className="form-grid">
        <Form.Item
          name="kind"
          label={t('followup.fields.kind')}
          rules={[{ required: true, message: t('form.required', { label: t('followup.fields.kind') }) }]}
        >
          <Select options={followupKinds.map((value) => ({ value, label: enumLabel('followupKind', value) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('followup.fields.status')}>
          <Select
            allowClear
            options={followupStatuses.map((value) => ({ value, label: enumLabel('followupStatus', value) }))}
          />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('followup.fields.occurredAt')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('followup.fields.opportunity')}>
          <Select allowClear options={opportunityOptions} loading={opportunities.isPending} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('followup.fields.content')}
          className="span-2"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('followup.fields.content') }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={10000} showCount />
        </Form.Item>
        <Form.Item name="nextStep" label={t('followup.fields.nextStep')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="nextStepAt" label={t('followup.fields.nextStepAt')}>
          <Input type="datetime-local" />
        </Form.Item>
      </div>
    </FormPage>
  );
}
