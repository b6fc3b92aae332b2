import { useTranslation } from '../i18n/index.ts';
import { ErrorState } from './ErrorState.tsx';

interface LoadMoreProps {
  /** Shown as "n shown" when given. */
  count?: number;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  onLoadMore: () => void;
}

/** Cursor paging footer: count, then a button, an error with retry, or "all loaded". */
export function LoadMore({ count, hasMore, loading, error, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      {count !== undefined && (
        <p className="load-more__count" aria-live="polite">
          {t('list.shown', { count })}
        </p>
      )}
      {error ? (
        <ErrorState error={error} onRetry={onLoadMore} retrying={loading} compact />
      ) : hasMore ? (
        <button
          type="button"
          className="btn load-more__button"
          onClick={onLoadMore}
          disabled={loading}
          aria-busy={loading}
        >
          {loading ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      ) : (
        <p className="load-more__done">{t('common.noMore')}</p>
      )}
    </div>
  );
}
