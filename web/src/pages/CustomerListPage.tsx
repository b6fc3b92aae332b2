import { Suspense, useMemo } from 'react';
import { Button, Empty, Skeleton } from 'antd';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerListQuery } from '../api/customers.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { CustomerFilters } from '../components/customers/CustomerFilters.tsx';
import { CustomerRows } from '../components/customers/CustomerRows.tsx';
import { useCustomerListParams, type CustomerListController } from '../components/customers/useCustomerListParams.ts';

/** Filter bar and rows come in a phone and a desktop variant; the route preloads the right ones alongside this page. */
export default function CustomerListPage() {
  const { t } = useTranslation();
  const controller = useCustomerListParams();
  return (
    <div className="page">
      <h1 className="page__title">{t('list.title')}</h1>
      <Suspense fallback={<div className="filters-placeholder" />}>
        <CustomerFilters controller={controller} />
      </Suspense>
      <CustomerResults controller={controller} />
    </div>
  );
}

function CustomerResults({ controller }: { controller: CustomerListController }) {
  const { t } = useTranslation();
  const list = useInfiniteQuery({ ...customerListQuery(controller.query), placeholderData: keepPreviousData });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError && !list.data) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  }
  if (!rows.length && !list.isPlaceholderData) {
    return (
      <Empty description={controller.hasFilters ? t('list.emptyFiltered') : t('list.empty')}>
        {controller.hasFilters && <Button onClick={controller.clearFilters}>{t('list.clearFilters')}</Button>}
      </Empty>
    );
  }

  return (
    <>
      {list.isRefetchError && <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />}
      <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
        <CustomerRows
          rows={rows}
          sort={controller.state.sort}
          onSortChange={(sort) => controller.update({ sort })}
          refreshing={list.isPlaceholderData}
        />
      </Suspense>
      <LoadMore
        count={rows.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        error={list.isFetchNextPageError ? list.error : null}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
