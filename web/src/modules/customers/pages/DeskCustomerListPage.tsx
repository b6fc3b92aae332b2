import { lazy, Suspense, useMemo, useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useManualRuleSelection } from '../../automation/api/manualRuleSelection.ts';
import { customerListQuery } from '../api/customerLists.ts';
import { customFieldsQuery } from '../../custom-fields/api/customFields.ts';
import { ColumnChooser } from '../components/ColumnChooser.tsx';
import { allColumns, fieldsFor, storeColumns, storedColumns } from '../components/columns.tsx';
import { useCustomerFieldView } from '../components/customerFields.tsx';
import { CustomerTable } from '../components/CustomerTable.tsx';
import { DesktopFilters } from '../components/DesktopFilters.tsx';
import { useCustomerListParams } from '../components/useCustomerListParams.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton } from '../../../app/ui/states.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

// the bar of a list selection: 自动化 ▾ (the manual rules this user may start) on the chosen customers
const ManualRuleBulkBar = lazy(() => import('../../automation/components/ManualRuleBulkBar.tsx'));

/** Desk customer list: server-side filter, sort and cursor paging, column chooser, virtualised table. */
export default function DeskCustomerListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('list.title'));
  const defs = useQuery(customFieldsQuery('customer'));
  const view = useCustomerFieldView(defs.data);
  const [visible, setVisible] = useState(storedColumns);
  const columns = useMemo(() => allColumns(view, defs.data ?? []), [view, defs.data]);
  const shown = useMemo(
    () => visible.map((key) => columns.find((c) => c.key === key)).filter((c) => c !== undefined),
    [visible, columns],
  );
  const controller = useCustomerListParams(fieldsFor(shown));
  const list = useInfiniteQuery({ ...customerListQuery(controller.query), placeholderData: keepPreviousData });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const queryClient = useQueryClient();
  const { selection, selected, clear } = useManualRuleSelection('customer');

  const loadMore = () => {
    if (list.hasNextPage && !list.isFetching) void list.fetchNextPage();
  };

  let body;
  if (list.isPending) body = <Skeleton rows={8} />;
  else if (list.isError && !list.data)
    body = <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  else if (!rows.length && !list.isPlaceholderData)
    body = (
      <EmptyState title={controller.hasFilters ? t('list.emptyFiltered') : t('list.empty')}>
        {controller.hasFilters ? (
          <button type="button" className="btn" onClick={controller.clearFilters}>
            {t('list.clearFilters')}
          </button>
        ) : (
          <Link className="btn btn--primary" to="/customers/new">
            {t('list.new')}
          </Link>
        )}
      </EmptyState>
    );
  else
    body = (
      <>
        {list.isRefetchError && (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} compact />
        )}
        {selection && selected.length > 0 && (
          <Suspense fallback={null}>
            <ManualRuleBulkBar
              object="customer"
              recordIds={selected}
              onClear={clear}
              onDone={() => void queryClient.invalidateQueries({ queryKey: ['customers'] })}
            />
          </Suspense>
        )}
        <CustomerTable
          selection={selection}
          rows={rows}
          columns={shown}
          sort={controller.state.sort}
          onSortChange={(sort) => controller.update({ sort })}
          refreshing={list.isPlaceholderData}
          onEndReached={loadMore}
        />
        <LoadMore
          count={rows.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          error={list.isFetchNextPageError ? list.error : null}
          onLoadMore={loadMore}
        />
      </>
    );

  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1 className="page__title">{t('list.title')}</h1>
        <div className="page__actions">
          <ColumnChooser
            columns={columns}
            visible={visible}
            onChange={(keys) => {
              setVisible(keys);
              storeColumns(keys);
            }}
          />
          <Link to="/customers/new" className="btn btn--primary">
            + {t('list.new')}
          </Link>
        </div>
      </div>
      <DesktopFilters controller={controller} />
      {body}
    </div>
  );
}
