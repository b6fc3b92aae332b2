import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/users.ts';
import { useFormat } from '../../format/format.ts';
import { LevelTag, StatusTag } from '../EnumTags.tsx';
import type { CustomerRowsProps } from './CustomerRows.tsx';

/** Phone list: one tappable card per customer. */
export default function CustomerCards({ rows, refreshing }: CustomerRowsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const owners = useUserNames();
  return (
    <ul className={refreshing ? 'customer-cards is-refreshing' : 'customer-cards'} aria-label={t('list.table')} aria-busy={refreshing}>
      {rows.map((customer) => {
        const owner = customer.ownerId ? owners.get(customer.ownerId) : undefined;
        return (
          <li key={customer.id}>
            <Link to={`/customers/${encodeURIComponent(customer.id)}`} className="customer-card">
              <span className="customer-card__head">
                <span className="customer-card__name">{customer.name}</span>
                <span className="customer-card__tags">
                  <LevelTag level={customer.level} />
                  <StatusTag status={customer.status} />
                </span>
              </span>
              <span className="customer-card__meta">
                {[customer.mainPhone, owner, customer.region].filter(Boolean).join(' · ') || t('common.none')}
              </span>
              <span className="customer-card__time">
                {t('customer.fields.updatedAt')} <time dateTime={customer.updatedAt}>{format.date(customer.updatedAt)}</time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
