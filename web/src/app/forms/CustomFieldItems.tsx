import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { currencies } from '../../../../common/enums.ts';
import type { CustomField, CustomFieldObject } from '../api/types.ts';
import { useTranslation } from '../i18n/index.ts';
import { customFieldsQuery } from '../../modules/custom-fields/api/customFields.ts';
import { DECIMAL } from './values.ts';

export function useCustomFieldDefs(objectType: CustomFieldObject) {
  return useQuery(customFieldsQuery(objectType));
}

/** The form items of an object's custom fields, each by its type. */
export function CustomFieldItems({ defs }: { defs: readonly CustomField[] }) {
  const { t } = useTranslation();
  if (!defs.length) return null;
  return (
    <fieldset className="form-section">
      <legend>{t('form.customFields')}</legend>
      {defs.map((def) => {
        const name = ['custom', def.key];
        const rules = def.required ? [{ required: true, message: t('form.required', { label: def.label }) }] : [];
        switch (def.type) {
          case 'number':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <InputNumber className="full-width" />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input type="date" />
              </Form.Item>
            );
          case 'singleSelect':
          case 'multiSelect':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Select
                  allowClear
                  mode={def.type === 'multiSelect' ? 'multiple' : undefined}
                  options={(def.options ?? []).map((o) => ({ value: o, label: o }))}
                />
              </Form.Item>
            );
          case 'money':
            return (
              <Form.Item key={def.key} label={def.label} required={def.required}>
                <Space.Compact className="full-width">
                  <Form.Item
                    name={[...name, 'amount']}
                    noStyle
                    rules={[...rules, { pattern: DECIMAL, message: t('form.decimal') }]}
                  >
                    <Input inputMode="decimal" aria-label={`${def.label} ${t('form.amount')}`} />
                  </Form.Item>
                  <Form.Item name={[...name, 'currency']} noStyle>
                    <Select
                      className="currency-select"
                      aria-label={`${def.label} ${t('form.currency')}`}
                      options={currencies.map((c) => ({ value: c, label: c }))}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            );
          case 'email':
            return (
              <Form.Item
                key={def.key}
                name={name}
                label={def.label}
                rules={[...rules, { type: 'email', message: t('form.email') }]}
              >
                <Input type="email" inputMode="email" />
              </Form.Item>
            );
          case 'phone':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input type="tel" inputMode="tel" />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input maxLength={2000} />
              </Form.Item>
            );
        }
      })}
    </fieldset>
  );
}
