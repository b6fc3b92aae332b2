import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { contractStatuses } from '../../../../../common/enums.ts';
import { customerRelationQuery } from '../../customers/api/customerLists.ts';
import type { Contract } from '../../../app/api/types.ts';
import { useUserNames, useUserOptions } from '../../users/api/users.ts';
import { useMe } from '../../auth/session.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { MoneyFormItem } from '../../../app/forms/MoneyFormItem.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { DECIMAL, emptyToNull, trimOrNull, type Values } from '../../../app/forms/values.ts';
import { addMonths, fromCents, percentToRate, rateToPercent, splitEvenly, toCents } from '../money.ts';

interface PlanRow {
  dueDate?: string;
  amount?: string;
}

export default function ContractFormPage() {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const format = useFormat();
  const { id: customerId = '', rid } = useParams<{ id: string; rid: string }>();
  const [form] = Form.useForm<Values>();
  const owners = useUserOptions();
  const ownerNames = useUserNames();
  const me = useMe();
  const opportunities = useInfiniteQuery(customerRelationQuery(customerId, 'opportunities'));
  const opportunityOptions = (opportunities.data?.pages.flatMap((p) => p.data) ?? []).map((o) => ({
    value: o.id,
    label: o.name,
  }));
  const back = `/customers/${encodeURIComponent(customerId)}?tab=contracts`;

  const fields: FieldSpec[] = [
    { name: 'number', label: t('contract.fields.number') },
    { name: 'title', label: t('contract.fields.title') },
    {
      name: 'status',
      label: t('contract.fields.status'),
      display: (v) => enumLabel('contractStatus', String(v)) ?? String(v),
    },
    { name: 'currency', label: t('form.currency') },
    { name: 'amountInclTax', label: t('contract.fields.amount') },
    { name: 'taxRate', label: t('contract.fields.taxRate'), display: (v) => `${String(v)}%` },
    { name: 'signedDate', label: t('contract.fields.signedDate') },
    { name: 'startDate', label: t('contract.fields.startDate') },
    { name: 'endDate', label: t('contract.fields.endDate') },
    { name: 'ownerId', label: t('contract.fields.owner'), display: (v) => ownerNames.get(String(v)) ?? String(v) },
    {
      name: 'opportunityId',
      label: t('followup.fields.opportunity'),
      display: (v) => opportunityOptions.find((o) => o.value === v)?.label ?? String(v),
    },
    {
      name: 'installments',
      label: t('contract.installments'),
      display: (v) =>
        Array.isArray(v) ? (v as PlanRow[]).map((r) => `${r.dueDate ?? '?'} ${r.amount ?? '?'}`).join('；') : '',
    },
  ];
  const fromRecord = useCallback(
    (c: Contract): Values => ({
      number: c.number,
      title: c.title ?? '',
      status: c.status,
      currency: c.currency,
      amountInclTax: c.amountInclTax ?? '',
      taxRate: rateToPercent(c.taxRate),
      signedDate: c.signedDate ?? '',
      startDate: c.startDate ?? '',
      endDate: c.endDate ?? '',
      ownerId: c.ownerId,
      opportunityId: c.opportunityId,
      installments: c.installments.map((i) => ({ dueDate: i.dueDate, amount: i.amount })),
    }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      number: typeof v.number === 'string' ? v.number.trim() : v.number,
      title: trimOrNull(v.title),
      status: v.status,
      currency: v.currency,
      amountInclTax: typeof v.amountInclTax === 'string' ? v.amountInclTax.trim() : v.amountInclTax,
      taxRate: percentToRate(v.taxRate),
      signedDate: emptyToNull(v.signedDate),
      startDate: emptyToNull(v.startDate),
      endDate: emptyToNull(v.endDate),
      ownerId: v.ownerId ?? null,
      opportunityId: emptyToNull(v.opportunityId),
      installments: ((v.installments ?? []) as PlanRow[]).map((row) => ({
        dueDate: row.dueDate,
        amount: String(row.amount ?? '').trim(),
      })),
    }),
    [],
  );
  const state = useRecordForm<Contract>({
    resource: 'contracts',
    id: rid,
    form,
    fields,
    fromRecord,
    toBody,
    createDefaults: { customerId },
    onSaved: () => navigate(back, { replace: true }),
  });
  useEffect(() => {
    if (!rid && me.data && !form.getFieldValue('ownerId')) form.setFieldValue('ownerId', me.data.id);
  }, [rid, me.data, form]);

  const currency = (Form.useWatch('currency', form) as string | undefined) ?? 'CNY';
  const amount = Form.useWatch('amountInclTax', form) as string | undefined;
  const plan = (Form.useWatch('installments', form) as PlanRow[] | undefined) ?? [];
  const planTotal = plan.reduce((sum, row) => sum + (toCents(row?.amount) ?? 0n), 0n);
  const target = toCents(amount);
  const [parts, setParts] = useState(3);

  const split = () => {
    if (target === null) {
      void form.validateFields(['amountInclTax']);
      return;
    }
    const start =
      (form.getFieldValue('startDate') as string) ||
      (form.getFieldValue('signedDate') as string) ||
      new Date().toISOString().slice(0, 10);
    const amounts = splitEvenly(target, parts);
    form.setFieldValue(
      'installments',
      amounts.map((a, index) => ({ dueDate: addMonths(start, index), amount: a })),
    );
  };

  return (
    <FormPage
      title={rid ? t('contract.edit') : t('contract.add')}
      backTo={back}
      backLabel={t('detail.backToCustomer')}
      state={state}
      form={form}
      initialValues={{ currency: 'CNY', status: 'draft', taxRate: '13', installments: [] }}
      onCancel={() => navigate(back)}
    >
      <div className="form-grid">
        <Form.Item
          name="number"
          label={t('contract.fields.number')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('contract.fields.number') }) },
          ]}
        >
          <Input maxLength={60} spellCheck={false} />
        </Form.Item>
        <Form.Item name="title" label={t('contract.fields.title')}>
          <Input maxLength={200} />
        </Form.Item>
        <MoneyFormItem name="amountInclTax" label={t('contract.fields.amount')} />
        <Form.Item
          name="taxRate"
          label={t('contract.fields.taxRatePercent')}
          rules={[{ pattern: /^\d{1,2}(\.\d{1,2})?$/, message: t('form.percent') }]}
        >
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
        <Form.Item name="status" label={t('contract.fields.status')}>
          <Select options={contractStatuses.map((value) => ({ value, label: enumLabel('contractStatus', value) }))} />
        </Form.Item>
        <Form.Item name="ownerId" label={t('contract.fields.owner')}>
          <Select allowClear showSearch optionFilterProp="label" options={owners} />
        </Form.Item>
        <Form.Item name="signedDate" label={t('contract.fields.signedDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('followup.fields.opportunity')}>
          <Select allowClear options={opportunityOptions} loading={opportunities.isPending} />
        </Form.Item>
        <Form.Item name="startDate" label={t('contract.fields.startDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="endDate" label={t('contract.fields.endDate')}>
          <Input type="date" />
        </Form.Item>
      </div>

      <fieldset className="form-section">
        <legend>{t('contract.installments')}</legend>
        <p className="muted small">{t('contract.planHint')}</p>
        <div className="plan-tools">
          <label htmlFor="plan-parts">{t('contract.splitInto')}</label>
          <InputNumber id="plan-parts" min={1} max={120} value={parts} onChange={(value) => setParts(value ?? 1)} />
          <Button onClick={split}>{t('contract.split')}</Button>
        </div>
        <Form.List
          name="installments"
          rules={[
            {
              validator: async (_, rows: PlanRow[] | undefined) => {
                if (!rows?.length || target === null) return;
                const sum = rows.reduce((s, r) => s + (toCents(r?.amount) ?? 0n), 0n);
                if (sum !== target)
                  throw new Error(t('contract.planMismatch', { sum: fromCents(sum), total: fromCents(target) }));
              },
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.length > 0 && (
                <ol className="plan">
                  {rows.map((row, index) => (
                    <li key={row.key} className="plan__row">
                      <span className="plan__seq" aria-hidden="true">
                        {index + 1}
                      </span>
                      <Form.Item
                        name={[row.name, 'dueDate']}
                        label={t('contract.dueDateN', { n: index + 1 })}
                        rules={[{ required: true, message: t('form.required', { label: t('contract.dueDate') }) }]}
                      >
                        <Input type="date" />
                      </Form.Item>
                      <Form.Item
                        name={[row.name, 'amount']}
                        label={t('contract.planAmountN', { n: index + 1 })}
                        rules={[
                          { required: true, message: t('form.required', { label: t('contract.planAmount') }) },
                          { pattern: DECIMAL, message: t('form.decimal') },
                        ]}
                      >
                        <Input inputMode="decimal" suffix={currency} />
                      </Form.Item>
                      <Button
                        onClick={() => remove(row.name)}
                        aria-label={t('contract.removeInstallment', { n: index + 1 })}
                        danger
                        type="text"
                      >
                        {t('common.remove')}
                      </Button>
                    </li>
                  ))}
                </ol>
              )}
              <div className="plan__footer">
                <Button onClick={() => add({ dueDate: '', amount: '' })}>+ {t('contract.addInstallment')}</Button>
                {rows.length > 0 && (
                  <span
                    className={target !== null && planTotal !== target ? 'plan__total is-off' : 'plan__total'}
                    aria-live="polite"
                  >
                    {t('contract.planTotal', {
                      sum: format.money(fromCents(planTotal), currency),
                      total: format.money(amount || '0', currency),
                    })}
                  </span>
                )}
              </div>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </fieldset>
    </FormPage>
  );
}
