import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldItem {
  label: string;
  value: ReactNode;
  /** Spans the whole row (long text). */
  wide?: boolean;
}

/** A label/value grid; empty values show a dash so rows keep their place. */
export function FieldList({ items }: { items: FieldItem[] }) {
  const { t } = useTranslation();
  return (
    <dl className="field-list">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? 'field-list__item field-list__item--wide' : 'field-list__item'}>
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? t('common.none') : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
