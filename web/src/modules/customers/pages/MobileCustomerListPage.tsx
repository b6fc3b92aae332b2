import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { CUSTOMER_CARD_FIELDS, customerListQuery } from '../api/customerLists.ts';
import { CustomerCards } from '../components/CustomerCards.tsx';
import { MobileFilters } from '../components/MobileFilters.tsx';
import { useCustomerListParams } from '../components/useCustomerListParams.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { PlusIcon } from '../../../app/ui/icons.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton } from '../../../app/ui/states.tsx';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

/** Phone customer list: search, chips, cards; plain React like the rest of the phone's core screens. */
export default function MobileCustomerListPage() {
  const { t } = useTranslation();
  const controller = useCustomerListParams(CUSTOMER_CARD_FIELDS);
  const list = useInfiniteQuery({ ...customerListQuery(controller.query), placeholderData: keepPreviousData });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);

  let body;
  if (list.isPending) body = <Skeleton rows={6} />;
  else if (list.isError && !list.data)
    body = <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (!rows.length && !list.isPlaceholderData)
    body = (
      <EmptyState title={controller.hasFilters ? t('list.emptyFiltered') : t('list.empty')}>
        {controller.hasFilters && (
          <button type="button" className="btn" onClick={controller.clearFilters}>
            {t('list.clearFilters')}
          </button>
        )}
      </EmptyState>
    );
  else
    body = (
      <>
        {list.isRefetchError && (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} compact />
        )}
        <CustomerCards rows={rows} refreshing={list.isPlaceholderData} />
        <LoadMore
          count={rows.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          error={list.isFetchNextPageError ? list.error : null}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </>
    );

  return (
    <div className="page">
      <div className="page__head">
        <h1 className="page__title">{t('list.title')}</h1>
        <Link to="/customers/new" className="btn btn--primary btn--small">
          <PlusIcon aria-hidden="true" /> {t('list.new')}
        </Link>
      </div>
      <MobileFilters controller={controller} />
      {body}
    </div>
  );
}
