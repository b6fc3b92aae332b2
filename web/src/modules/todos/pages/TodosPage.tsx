import { useMemo } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import { useCustomerNames } from '../../customers/api/customerNames.ts';
import { updateRecord } from '../../../app/api/records.ts';
import type { Followup, Page } from '../../../app/api/types.ts';
import { useMe } from '../../auth/session.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton, Tag } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

const LOOKBACK_DAYS = 30;

/** "待办": my follow-ups' next steps, overdue first, then by date. */
export default function TodosPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.todos'));
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const since = useMemo(() => new Date(Date.now() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10), []);
  const filter = me.data ? { authorId: me.data.id, nextStepAt: { gte: `${since}T00:00:00Z` } } : undefined;
  const list = useInfiniteQuery({
    queryKey: ['followups', 'todos', filter ?? null],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Followup>>('/followups', { sort: 'nextStepAt', limit: 50, cursor: pageParam, filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(filter),
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const customers = useCustomerNames(rows.map((r) => r.customerId));
  const now = Date.now();

  const done = async (f: Followup) => {
    try {
      await updateRecord<Followup>('followups', f.id, { nextStepAt: null, version: f.version });
      showToast(t('todos.done'));
      void queryClient.invalidateQueries({ queryKey: ['followups'] });
    } catch (error) {
      showToast(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  return (
    <div className="page">
      <h1 className="page__title">{t('nav.todos')}</h1>
      <p className="muted small">{t('todos.hint', { days: LOOKBACK_DAYS })}</p>
      <div className="m-card list-card">
        {me.isError ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : list.isPending ? (
          <Skeleton rows={6} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : !rows.length ? (
          <EmptyState title={t('todos.empty')} />
        ) : (
          <>
            <ul className="todo-list">
              {rows.map((f) => {
                const overdue = f.nextStepAt ? new Date(f.nextStepAt).getTime() < now : false;
                return (
                  <li key={f.id} className="todo">
                    <div className="todo__main">
                      <span className="todo__title">{f.nextStep || f.content}</span>
                      <span className="muted small">
                        <Link to={`/customers/${encodeURIComponent(f.customerId)}`}>
                          {customers.get(f.customerId) ?? t('followups.customer')}
                        </Link>
                        {' · '}
                        <time dateTime={f.nextStepAt ?? undefined}>{format.dateTime(f.nextStepAt)}</time>
                      </span>
                    </div>
                    {overdue && <Tag tone="red">{t('todos.overdue')}</Tag>}
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => void done(f)}
                      aria-label={`${t('todos.markDone')} ${f.nextStep ?? ''}`}
                    >
                      {t('todos.markDone')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <LoadMore
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              error={list.isFetchNextPageError ? list.error : null}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </div>
    </div>
  );
}
