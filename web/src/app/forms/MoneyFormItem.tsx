import { Form, Input, Select, Space } from 'antd';
import { currencies } from '../../../../common/enums.ts';
import { useTranslation } from '../i18n/index.ts';
import { DECIMAL } from './values.ts';

/** An amount with its currency side by side (money always shows its currency). */
export function MoneyFormItem({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required>
      <Space.Compact className="full-width">
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('form.required', { label }) },
            { pattern: DECIMAL, message: t('form.decimal') },
          ]}
        >
          <Input inputMode="decimal" aria-label={label} />
        </Form.Item>
        <Form.Item name="currency" noStyle>
          <Select
            className="currency-select"
            aria-label={t('form.currency')}
            options={currencies.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
