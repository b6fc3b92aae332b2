import { useMemo, type ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { customerRelationQuery } from '../../api/customers.ts';
import type { CustomerRelation, CustomerRelations } from '../../api/types.ts';
import { ErrorState } from '../ErrorState.tsx';
import { LoadMore } from '../LoadMore.tsx';

interface RelationTabProps<R extends CustomerRelation> {
  customerId: string;
  relation: R;
  emptyText: string;
  children: (items: CustomerRelations[R]) => ReactNode;
}

/** Mounted only when its tab is first opened, so each relation is fetched on demand. */
export function RelationTab<R extends CustomerRelation>({ customerId, relation, emptyText, children }: RelationTabProps<R>) {
  const query = useInfiniteQuery(customerRelationQuery(customerId, relation));
  const items = useMemo(() => (query.data?.pages.flatMap((page) => page.data) ?? []) as CustomerRelations[R], [query.data]);

  if (query.isPending) return <Skeleton active />;
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <>
      <div className="record-list">{children(items)}</div>
      {(query.hasNextPage || query.isFetchNextPageError) && (
        <LoadMore
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          error={query.isFetchNextPageError ? query.error : null}
          onLoadMore={() => void query.fetchNextPage()}
        />
      )}
    </>
  );
}
