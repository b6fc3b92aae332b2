import { useMemo, type ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { customerRelationQuery } from '../../../modules/customers/api/customerLists.ts';
import type { CustomerRelation, CustomerRelations } from '../../api/types.ts';
import { ErrorState } from '../ErrorState.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { EmptyState, Skeleton } from '../states.tsx';

interface RelationListProps<R extends CustomerRelation> {
  customerId: string;
  relation: R;
  emptyText: string;
  /** Above the list (add button, uploader, composer); shown in every state. */
  toolbar?: ReactNode;
  children: (items: CustomerRelations[R]) => ReactNode;
}

/** Mounted only when its tab or section is first opened, so each relation is fetched on demand. */
export function RelationList<R extends CustomerRelation>({
  customerId,
  relation,
  emptyText,
  toolbar,
  children,
}: RelationListProps<R>) {
  const query = useInfiniteQuery(customerRelationQuery(customerId, relation));
  const items = useMemo(
    () => (query.data?.pages.flatMap((page) => page.data) ?? []) as CustomerRelations[R],
    [query.data],
  );

  let body: ReactNode;
  if (query.isPending) body = <Skeleton rows={3} />;
  else if (query.isError && !query.data)
    body = <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  else if (!items.length) body = <EmptyState title={emptyText} />;
  else
    body = (
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
  return (
    <div className="relation">
      {toolbar && <div className="relation__toolbar">{toolbar}</div>}
      {body}
    </div>
  );
}
