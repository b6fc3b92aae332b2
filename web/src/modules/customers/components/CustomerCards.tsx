import type { CustomerRow } from '../api/customerLists.ts';
import { isMasked } from '../api/customerLists.ts';
import { useUserNames } from '../../users/api/users.ts';
import { useFormat } from '../../../app/format/format.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { LevelTag, StatusTag } from '../../../app/ui/EnumTags.tsx';
import { LockIcon } from '../../../app/ui/icons.tsx';

/** Phone list: one tappable card per customer; sandboxed (masked) rows are shown locked. */
export function CustomerCards({ rows, refreshing }: { rows: CustomerRow[]; refreshing: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const owners = useUserNames();
  return (
    <ul
      className={refreshing ? 'customer-cards is-refreshing' : 'customer-cards'}
      aria-label={t('list.table')}
      aria-busy={refreshing}
    >
      {rows.map((customer) => {
        const owner = customer.ownerId ? owners.get(customer.ownerId) : undefined;
        if (isMasked(customer)) {
          return (
            <li key={customer.id}>
              <div className="customer-card is-locked" data-testid="customer-card" aria-disabled="true">
                <span className="customer-card__head">
                  <span className="customer-card__name">
                    <LockIcon aria-hidden="true" /> {customer.name ?? '***'}
                  </span>
                </span>
                <span className="customer-card__meta">
                  {t('list.locked')}
                  {owner ? ` · ${owner}` : ''}
                </span>
              </div>
            </li>
          );
        }
        return (
          <li key={customer.id}>
            <Link
              to={`/customers/${encodeURIComponent(customer.id)}`}
              className="customer-card"
              data-testid="customer-card"
            >
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
                {t('customer.fields.updatedAt')}{' '}
                <time dateTime={customer.updatedAt}>{format.date(customer.updatedAt)}</time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
