import type { ReactNode } from 'react';
import type { Customer, CustomField } from '../../../app/api/types.ts';
import { useUserNames } from '../../users/api/users.ts';
import { telHref, useFormat, type Formatters } from '../../../app/format/format.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { LevelTag, StatusTag } from '../../../app/ui/EnumTags.tsx';
import { Tag } from '../../../app/ui/states.tsx';

/** Built-in customer fields in display order; `ownerId` is labelled 负责人. */
export const CUSTOMER_FIELDS = [
  'name',
  'shortName',
  'level',
  'status',
  'ownerId',
  'mainPhone',
  'industry',
  'region',
  'source',
  'creditCode',
  'tags',
  'lastFollowupAt',
  'createdAt',
  'updatedAt',
] as const;

const labelKeys: Record<string, MessageKey> = {
  name: 'customer.fields.name',
  shortName: 'customer.fields.shortName',
  creditCode: 'customer.fields.creditCode',
  industry: 'customer.fields.industry',
  level: 'customer.fields.level',
  source: 'customer.fields.source',
  region: 'customer.fields.region',
  mainPhone: 'customer.fields.mainPhone',
  ownerId: 'customer.fields.owner',
  status: 'customer.fields.status',
  tags: 'customer.fields.tags',
  createdAt: 'customer.fields.createdAt',
  updatedAt: 'customer.fields.updatedAt',
  lastFollowupAt: 'customer.fields.lastFollowupAt',
};

/** A custom field's stored value as text (money keeps its currency). */
export function formatCustomValue(
  def: Pick<CustomField, 'type'> | undefined,
  value: unknown,
  format: Formatters,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (def?.type) {
    case 'money': {
      const money = value as { amount?: string; currency?: string };
      return format.money(money.amount, money.currency);
    }
    case 'date':
      return format.date(String(value));
    case 'multiSelect':
      return Array.isArray(value) ? value.join('、') : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export interface CustomerFieldView {
  label(field: string): string;
  value(field: string, customer: Partial<Customer>, computed?: { lastFollowupAt?: string | null }): ReactNode;
}

/** Labels and rendered values for any customer field, including `custom.<key>` when the definitions are known. */
export function useCustomerFieldView(defs: readonly CustomField[] = []): CustomerFieldView {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const format = useFormat();
  const owners = useUserNames();
  const defOf = (field: string) =>
    field.startsWith('custom.') ? defs.find((d) => d.key === field.slice(7)) : undefined;
  return {
    label(field) {
      const key = labelKeys[field];
      if (key) return t(key);
      return defOf(field)?.label ?? field.replace(/^custom\./, '');
    },
    value(field, customer, computed = {}) {
      switch (field) {
        case 'ownerId':
          return customer.ownerId ? (owners.get(customer.ownerId) ?? null) : null;
        case 'mainPhone':
          return customer.mainPhone ? (
            <a
              href={telHref(customer.mainPhone)}
              className="tap-target"
              aria-label={t('detail.callPhone', { phone: customer.mainPhone })}
            >
              {customer.mainPhone}
            </a>
          ) : null;
        case 'level':
          return <LevelTag level={customer.level} />;
        case 'status':
          return <StatusTag status={customer.status} />;
        case 'source':
          return enumLabel('customerSource', customer.source);
        case 'tags':
          return customer.tags?.length ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : null;
        case 'lastFollowupAt': {
          const at = computed.lastFollowupAt;
          return at ? (
            <time dateTime={at} title={format.dateTime(at) ?? undefined}>
              {format.relative(at)}
            </time>
          ) : (
            t('detail.noFollowupYet')
          );
        }
        case 'createdAt':
        case 'updatedAt':
          return format.dateTime(customer[field]);
        default: {
          if (field.startsWith('custom.'))
            return formatCustomValue(defOf(field), customer.custom?.[field.slice(7)], format);
          const raw = (customer as Record<string, unknown>)[field];
          return raw === null || raw === undefined ? null : String(raw);
        }
      }
    },
  };
}
