import { useMemo } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { recycleBinQuery, restoreFromBin } from '../api/recycleBin.ts';
import type { RecycleBinEntry } from '../../../app/api/types.ts';
import { useUserNames } from '../../users/api/users.ts';
import { ConfirmButton } from '../../../app/ui/ConfirmButton.tsx';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { LoadMore } from '../../../app/ui/LoadMore.tsx';
import { EmptyState, Skeleton, Tag } from '../../../app/ui/states.tsx';
import { showToast } from '../../../app/ui/toast.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation, type MessageKey } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';

/** Where a restored record lives again (customers have their own page; the rest sit under a customer). */
const resourceOf: Record<string, string> = {
  customer: 'customers',
  contact: 'contacts',
  opportunity: 'opportunities',
  followup: 'followups',
  contract: 'contracts',
  payment: 'payments',
  attachment: 'attachments',
  user: 'users',
  department: 'departments',
  customField: 'custom-fields',
};

/** Deleted records until they are purged; restoring asks first and brings the children back too. */
export default function RecycleBinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.recycleBin'));
  const format = useFormat();
  const users = useUserNames();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(recycleBinQuery);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);

  const restore = async (entry: RecycleBinEntry) => {
    await restoreFromBin(entry);
    showToast(t('recycle.restored', { name: entry.title }));
    void queryClient.invalidateQueries({ queryKey: ['recycle-bin'] });
    const resource = resourceOf[entry.recordType];
    if (resource) void queryClient.invalidateQueries({ queryKey: [resource] });
  };

  return (
    <div className="page">
      <h1 className="page__title">{t('nav.recycleBin')}</h1>
      <p className="muted small">{t('recycle.hint')}</p>
      <div className="m-card list-card">
        {list.isPending ? (
          <Skeleton rows={5} />
        ) : list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : !rows.length ? (
          <EmptyState title={t('recycle.empty')} />
        ) : (
          <>
            <ul className="bin">
              {rows.map((entry) => (
                <li key={entry.id} className="bin__item" data-testid="recycle-entry">
                  <div className="bin__main">
                    <span className="bin__title">
                      <Tag>
                        {t(`recycle.types.${entry.recordType}` as MessageKey, { defaultValue: entry.recordType })}
                      </Tag>{' '}
                      {entry.title}
                    </span>
                    <span className="muted small">
                      {t('recycle.deletedBy', {
                        who: (entry.deletedBy && users.get(entry.deletedBy)) || t('common.none'),
                        when: format.dateTime(entry.deletedAt),
                      })}
                      {' · '}
                      {t('recycle.purgeAfter', { when: format.date(entry.purgeAfter) })}
                    </span>
                  </div>
                  <ConfirmButton
                    label={t('recycle.restore')}
                    ariaLabel={`${t('recycle.restore')} ${entry.title}`}
                    testId="recycle-restore"
                    title={t('recycle.confirmTitle', { name: entry.title })}
                    message={t('recycle.confirmText')}
                    confirmLabel={t('recycle.restore')}
                    onConfirm={() => restore(entry)}
                  />
                </li>
              ))}
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
      {rows.length > 0 && (
        <p className="muted small">
          <Link to="/customers">{t('detail.backToList')}</Link>
        </p>
      )}
    </div>
  );
}
