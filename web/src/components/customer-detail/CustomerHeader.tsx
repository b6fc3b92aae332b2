import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types.ts';
import { useUserNames } from '../../api/users.ts';
import { telHref } from '../../format/format.ts';
import { useEnumLabel } from '../../i18n/hooks.ts';
import { LevelTag, StatusTag } from '../EnumTags.tsx';
import { FieldList } from '../FieldList.tsx';

export function CustomerHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const owners = useUserNames();
  const phone = customer.mainPhone;
  return (
    <header className="customer-header">
      <div className="customer-header__title">
        <h1 className="page__title">{customer.name}</h1>
        <LevelTag level={customer.level} />
        <StatusTag status={customer.status} />
      </div>
      {customer.tags.length > 0 && (
        <div className="customer-header__tags" aria-label={t('customer.fields.tags')}>
          {customer.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      )}
      <FieldList
        items={[
          { label: t('customer.fields.owner'), value: customer.ownerId ? owners.get(customer.ownerId) : null },
          {
            label: t('customer.fields.mainPhone'),
            value: phone && (
              <a href={telHref(phone)} aria-label={t('detail.callPhone', { phone })} className="tap-target">
                {phone}
              </a>
            ),
          },
          { label: t('customer.fields.industry'), value: customer.industry },
          { label: t('customer.fields.region'), value: customer.region },
          { label: t('customer.fields.source'), value: label('customerSource', customer.source) },
          { label: t('customer.fields.shortName'), value: customer.shortName },
          { label: t('customer.fields.creditCode'), value: customer.creditCode },
        ]}
      />
    </header>
  );
}
