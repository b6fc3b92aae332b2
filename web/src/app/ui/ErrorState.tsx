import { accessDeniedCodes, isApiError } from '../api/client.ts';
import { useTranslation, type TFunction } from '../i18n/index.ts';

/** A short localized headline for an error; the server's own message goes underneath. */
export function errorHeadline(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status === 403 || accessDeniedCodes.includes(error.code)) return t('errors.forbidden');
  switch (error.code) {
    case 'NETWORK':
      return t('errors.network');
    case 'RATE_LIMITED':
      return t('errors.rateLimited');
    case 'NOT_FOUND':
      return t('errors.notFound');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.loadFailed');
  }
}

/** The server's message, when there was a server to send one. */
export function errorDetail(error: unknown): string | undefined {
  if (isApiError(error)) return error.status > 0 ? error.message : undefined;
  return error instanceof Error ? error.message : undefined;
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
}

/** Plain React (the phone screens use it too): headline, the server's message, and a retry button. */
export function ErrorState({ error, onRetry, retrying, compact }: ErrorStateProps) {
  const { t } = useTranslation();
  const headline = errorHeadline(t, error);
  const detail = errorDetail(error);
  return (
    <div className={compact ? 'state state--error state--compact' : 'state state--error'} role="alert">
      <p className="state__title">{headline}</p>
      {detail && detail !== headline && <p className="state__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
          {retrying ? t('common.retrying') : t('errors.retry')}
        </button>
      )}
    </div>
  );
}
