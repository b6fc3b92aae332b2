import type { Dispatch, SetStateAction } from 'react';
import { AutoComplete, Button, Select } from 'antd';
import { labelOf, useAccessT } from '../i18n/index.ts';
import { accessObjects, fieldRuleKinds, type FieldRule } from '../api/access.ts';
import { knownFields } from './role-editor-model.ts';

/** A role's field rules: object, field (known fields offered, custom.<key> typed) and hidden / masked / read-only. */
export function FieldRulesEditor({
  rules,
  onChange,
}: {
  rules: FieldRule[];
  onChange: Dispatch<SetStateAction<FieldRule[]>>;
}) {
  const { t } = useAccessT();
  const badRules = rules.some((r) => !r.field.trim());
  return (
    <>
      <h2 className="acc-section-title" style={{ marginTop: 20 }}>
        {t('roles.fieldRules')}
      </h2>
      <p className="acc-muted">{t('roles.fieldRulesHint')}</p>
      {rules.length === 0 && <p className="acc-muted">{t('roles.fieldRuleEmpty')}</p>}
      {rules.map((rule, index) => {
        const update = (patch: Partial<FieldRule>) =>
          onChange((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
        const n = index + 1;
        return (
          <div key={index} className="acc-rules__row">
            <Select
              aria-label={`${t('roles.fieldRuleObject')} ${n}`}
              value={rule.object}
              onChange={(object: string) => update({ object })}
              options={accessObjects.map((o) => ({ value: o, label: labelOf(t, 'object', o) }))}
            />
            <AutoComplete
              aria-label={`${t('roles.fieldRuleField')} ${n}`}
              value={rule.field}
              status={rule.field.trim() ? undefined : 'error'}
              placeholder={t('roles.fieldRuleField')}
              onChange={(field: string) => update({ field })}
              options={(knownFields[rule.object] ?? []).map((f) => ({ value: f }))}
              filterOption={(input, option) =>
                String(option?.value ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
            />
            <Select
              aria-label={`${t('roles.fieldRuleRule')} ${n}`}
              value={rule.rule}
              onChange={(value: string) => update({ rule: value })}
              options={fieldRuleKinds.map((k) => ({ value: k, label: labelOf(t, 'fieldRule', k) }))}
            />
            <Button
              onClick={() => onChange((current) => current.filter((_, i) => i !== index))}
              aria-label={`${t('common.remove')} ${t('roles.fieldRules')} ${n}`}
            >
              {t('common.remove')}
            </Button>
          </div>
        );
      })}
      {badRules && (
        <p className="acc-chain-preview acc-chain-preview--bad" role="alert">
          {t('roles.fieldRuleFieldRequired')}
        </p>
      )}
      <Button
        type="dashed"
        onClick={() => onChange((current) => [...current, { object: 'customer', field: '', rule: 'masked' }])}
      >
        + {t('roles.fieldRuleAdd')}
      </Button>
    </>
  );
}
