import { useState } from 'react';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterRates, importRates, invalidateReports } from '../api/reports.ts';
import { useReportsT } from '../i18n/index.ts';
import { ErrorBlock } from './ReportsPage.tsx';

const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'];
const DEFAULT_SET = 'CFETS-midpoint';

interface ManualValues {
  rateSet: string;
  base: string;
  quote: string;
  rateDate: string;
  rate: string;
  reason: string;
}

/** Manual entry of one rate: a reason is required and kept with it. */
export function ManualRateForm() {
  const { t } = useReportsT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ManualValues>();
  const save = useMutation({
    mutationFn: ({ rateSet, reason, ...rate }: ManualValues) => enterRates({ rateSet, reason, rates: [rate] }),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: invalidateReports });
      void message.success(t('rates.saved', { count: data.stored }));
      form.resetFields(['rate', 'reason']);
    },
  });
  const required = [{ required: true, message: t('definition.required') }];
  return (
    <Card className="rep-block" title={<h2 className="rep-h2">{t('rates.manual')}</h2>}>
      <p className="rep-muted">{t('rates.manualIntro')}</p>
      <Form<ManualValues>
        form={form}
        layout="inline"
        initialValues={{
          rateSet: DEFAULT_SET,
          base: 'USD',
          quote: 'CNY',
          rateDate: new Date().toISOString().slice(0, 10),
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="rateSet" label={t('rates.rateSet')} rules={required}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="base" label={t('rates.base')}>
          <Select virtual={false} style={{ width: 90 }} options={currencies.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="quote" label={t('rates.quote')}>
          <Select virtual={false} style={{ width: 90 }} options={currencies.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="rateDate" label={t('rates.rateDate')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="rate" label={t('rates.rate')} rules={required}>
          <Input inputMode="decimal" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('rates.reason')} rules={required}>
          <Input style={{ width: 220 }} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      {save.isError && <ErrorBlock error={save.error} fallback="saveFailed" />}
    </Card>
  );
}

const readFile = (file: File, as: 'text' | 'base64') =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const value = String(reader.result ?? '');
      resolve(as === 'text' ? value : value.slice(value.indexOf(',') + 1));
    };
    if (as === 'text') reader.readAsText(file);
    else reader.readAsDataURL(file);
  });

/** CSV or xlsx upload: all rows are stored, or none (the server names the row that failed). */
export function ImportRatesForm() {
  const { t } = useReportsT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [rateSet, setRateSet] = useState(DEFAULT_SET);
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('rates.noFile'));
      const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const content = await readFile(file, format === 'csv' ? 'text' : 'base64');
      return importRates({ rateSet, source: source || file.name, format, content, reason: reason || undefined });
    },
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: invalidateReports });
      void message.success(t('rates.imported', { count: data.stored }));
    },
  });
  return (
    <Card className="rep-block" title={<h2 className="rep-h2">{t('rates.import')}</h2>}>
      <p className="rep-muted">{t('rates.importIntro')}</p>
      <form
        className="rep-form"
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate();
        }}
      >
        <label>
          {t('rates.file')}
          <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          {t('rates.rateSet')}
          <Input value={rateSet} onChange={(e) => setRateSet(e.target.value)} required />
        </label>
        <label>
          {t('rates.source')}
          <Input value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <label>
          {t('rates.reason')}
          <Input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <Button htmlType="submit" loading={upload.isPending} disabled={!file}>
          {t('rates.import')}
        </Button>
      </form>
      {upload.isError && <ErrorBlock error={upload.error} fallback="saveFailed" />}
    </Card>
  );
}
