import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState.tsx';

interface LoadMoreProps {
  /** Shown as "customers shown: n" when given. */
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
        <ErrorState error={error} onRetry={onLoadMore} retrying={loading} />
      ) : hasMore ? (
        <Button onClick={onLoadMore} loading={loading} className="load-more__button">
          {loading ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      ) : (
        <p className="load-more__done">{t('common.noMore')}</p>
      )}
    </div>
  );
}
