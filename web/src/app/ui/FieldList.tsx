import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/index.ts';

export interface FieldItem {
  label: string;
  value: ReactNode;
  /** Spans the whole row (long text). */
  wide?: boolean;
  testId?: string;
}

/** A label/value grid; empty values show a dash so rows keep their place. */
export function FieldList({ items }: { items: FieldItem[] }) {
  const { t } = useTranslation();
  return (
    <dl className="field-list">
      {items.map((item) => (
        <div
          key={item.label}
          className={item.wide ? 'field-list__item field-list__item--wide' : 'field-list__item'}
          data-testid={item.testId}
        >
          <dt>{item.label}</dt>
          <dd>
            {item.value === null || item.value === undefined || item.value === '' || item.value === false
              ? t('common.none')
              : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
