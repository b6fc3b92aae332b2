import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';

/** A short localized headline for an error; the server's own message goes underneath. */
export function errorHeadline(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  switch (error.code) {
    case 'NETWORK':
      return t('errors.network');
    case 'RATE_LIMITED':
      return t('errors.rateLimited');
    case 'FORBIDDEN':
      return t('errors.forbidden');
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
}

export function ErrorState({ error, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorHeadline(t, error)}
      description={errorDetail(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry} loading={retrying}>
            {t('errors.retry')}
          </Button>
        )
      }
    />
  );
}
