import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import { useCustomerNames } from '../../customers/api/customerNames.ts';
import type { Followup, Page } from '../../../app/api/types.ts';
import { useUserNames } from '../../users/api/users.ts';
import { useMe } from '../../auth/session.ts';
import { ChipGroup } from '../../../app/ui/ChipGroup.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton, Tag } from '../../../app/ui/states.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

type Scope = 'mine' | 'all';

/** Recent follow-ups across customers, newest first ("跟进" tab). */
export default function FollowupsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.followups'));
  const label = useEnumLabel();
  const format = useFormat();
  const users = useUserNames();
  const me = useMe();
  const [scope, setScope] = useState<Scope>('mine');
  const filter = scope === 'mine' && me.data ? { authorId: me.data.id } : undefined;
  const list = useInfiniteQuery({
    queryKey: ['followups', 'recent', filter ?? null],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Followup>>('/followups', { sort: '-occurredAt', limit: 30, cursor: pageParam, filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: scope === 'all' || Boolean(me.data),
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const customers = useCustomerNames(rows.map((r) => r.customerId));

  return (
    <div className="page">
      <h1 className="page__title">{t('nav.followups')}</h1>
      <ChipGroup<Scope>
        single
        label={t('followups.scope')}
        options={[
          { value: 'mine', label: t('followups.mine') },
          { value: 'all', label: t('followups.all') },
        ]}
        value={[scope]}
        onChange={([next]) => next && setScope(next)}
      />
      <div className="m-card list-card">
        {list.isPending ? (
          <Skeleton rows={6} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : !rows.length ? (
          <EmptyState title={t('followup.empty')} />
        ) : (
          <>
            <ol className="timeline">
              {rows.map((f) => (
                <li key={f.id} className="timeline__item">
                  <div className="timeline__head">
                    <time className="timeline__time" dateTime={f.occurredAt}>
                      {format.dateTime(f.occurredAt)}
                    </time>
                    <Tag tone="primary">{label('followupKind', f.kind)}</Tag>
                    <Link to={`/customers/${encodeURIComponent(f.customerId)}?tab=followups`}>
                      {customers.get(f.customerId) ?? t('followups.customer')}
                    </Link>
                    <span className="muted">{f.authorId ? users.get(f.authorId) : null}</span>
                  </div>
                  <p className="timeline__content pre-line">{f.content}</p>
                </li>
              ))}
            </ol>
            <LoadMore
              count={rows.length}
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
