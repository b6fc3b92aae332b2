import type { ReactNode } from 'react';
import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { customerQuery } from '../api/customers.ts';
import type { CustomerRelation } from '../api/types.ts';
import { BackLink } from '../components/BackLink.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { LazyTabs } from '../components/LazyTabs.tsx';
import { ContactsTab } from '../components/customer-detail/ContactsTab.tsx';
import { ContractsTab } from '../components/customer-detail/ContractsTab.tsx';
import { CustomerHeader } from '../components/customer-detail/CustomerHeader.tsx';
import { FollowupsTab } from '../components/customer-detail/FollowupsTab.tsx';
import { OpportunitiesTab } from '../components/customer-detail/OpportunitiesTab.tsx';

const tabs: Array<{ key: CustomerRelation; Panel: (props: { customerId: string }) => ReactNode }> = [
  { key: 'contacts', Panel: ContactsTab },
  { key: 'opportunities', Panel: OpportunitiesTab },
  { key: 'followups', Panel: FollowupsTab },
  { key: 'contracts', Panel: ContractsTab },
];
const isTab = (value: string | null): value is CustomerRelation => tabs.some((tab) => tab.key === value);

export default function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const activeTab = isTab(requested) ? requested : 'contacts';
  const customer = useQuery(customerQuery(id));

  return (
    <div className="page">
      <BackLink to="/customers">{t('detail.backToList')}</BackLink>
      {customer.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : customer.isError ? (
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} retrying={customer.isFetching} />
      ) : (
        <>
          <CustomerHeader customer={customer.data} />
          <section className="customer-tabs">
            <LazyTabs<CustomerRelation>
              label={t('detail.tabsLabel')}
              activeKey={activeTab}
              onChange={(key) =>
                setSearchParams(
                  (previous) => {
                    const next = new URLSearchParams(previous);
                    next.set('tab', key);
                    return next;
                  },
                  { replace: true },
                )
              }
              items={tabs.map(({ key, Panel }) => ({
                key,
                label: t(`detail.tabs.${key}`),
                render: () => <Panel customerId={customer.data.id} />,
              }))}
            />
          </section>
        </>
      )}
    </div>
  );
}
