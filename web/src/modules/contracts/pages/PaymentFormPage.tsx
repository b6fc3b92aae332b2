import { useCallback, useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { recordQuery } from '../../../app/api/records.ts';
import type { Contract, Payment } from '../../../app/api/types.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { useParams } from 'wouter';
import { navigate } from '../../../app/routing/router.tsx';
import { FormPage } from '../../../app/forms/FormPage.tsx';
import { MoneyFormItem } from '../../../app/forms/MoneyFormItem.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { emptyToNull, trimOrNull, type Values } from '../../../app/forms/values.ts';

/** Records money received against a contract, optionally against one installment. */
export default function PaymentFormPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id: customerId = '', rid: contractId = '' } = useParams<{ id: string; rid: string }>();
  const [form] = Form.useForm<Values>();
  const contract = useQuery(recordQuery<Contract>('contracts', contractId));
  const back = `/customers/${encodeURIComponent(customerId)}?tab=contracts`;
  const installmentOptions = (contract.data?.installments ?? []).map((i) => ({
    value: i.id,
    label: `${t('contract.installmentN', { n: i.seq })} · ${format.date(i.dueDate)} · ${format.money(i.amount, contract.data?.currency)}`,
  }));

  const fields: FieldSpec[] = [
    { name: 'amount', label: t('payment.fields.amount') },
    { name: 'currency', label: t('form.currency') },
    { name: 'receivedDate', label: t('payment.fields.receivedDate') },
    { name: 'installmentId', label: t('payment.fields.installment') },
    { name: 'method', label: t('payment.fields.method') },
    { name: 'reference', label: t('payment.fields.reference') },
    { name: 'note', label: t('payment.fields.note') },
  ];
  const fromRecord = useCallback(
    (p: Payment): Values => ({
      amount: p.amount,
      currency: p.currency,
      receivedDate: p.receivedDate,
      installmentId: p.installmentId,
      method: p.method ?? '',
      reference: p.reference ?? '',
      note: p.note ?? '',
    }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      amount: typeof v.amount === 'string' ? v.amount.trim() : v.amount,
      currency: v.currency,
      receivedDate: v.receivedDate,
      installmentId: emptyToNull(v.installmentId),
      method: trimOrNull(v.method),
      reference: trimOrNull(v.reference),
      note: trimOrNull(v.note),
    }),
    [],
  );
  const state = useRecordForm<Payment>({
    resource: 'payments',
    form,
    fields,
    fromRecord,
    toBody,
    createDefaults: { contractId },
    onSaved: () => navigate(back, { replace: true }),
  });

  // Payments are usually in the contract's currency.
  useEffect(() => {
    if (contract.data && !form.isFieldTouched('currency')) form.setFieldValue('currency', contract.data.currency);
  }, [contract.data, form]);

  const title = contract.data
    ? `${t('payment.add')} · ${contract.data.title ?? contract.data.number}`
    : t('payment.add');
  return (
    <FormPage
      title={title}
      backTo={back}
      backLabel={t('detail.backToCustomer')}
      state={state}
      form={form}
      initialValues={{ currency: 'CNY', receivedDate: new Date().toISOString().slice(0, 10) }}
      onCancel={() => navigate(back)}
    >
      <div className="form-grid">
        <MoneyFormItem name="amount" label={t('payment.fields.amount')} />
        <Form.Item
          name="receivedDate"
          label={t('payment.fields.receivedDate')}
          rules={[{ required: true, message: t('form.required', { label: t('payment.fields.receivedDate') }) }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="installmentId" label={t('payment.fields.installment')}>
          <Select allowClear options={installmentOptions} loading={contract.isPending} />
        </Form.Item>
        <Form.Item name="method" label={t('payment.fields.method')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reference" label={t('payment.fields.reference')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('payment.fields.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </div>
    </FormPage>
  );
}
