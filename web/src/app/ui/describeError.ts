import { useCallback } from 'react';
import { isApiError } from '../api/client.ts';
import { useTranslation, type TFunction } from '../i18n/index.ts';

export interface ErrorDescription {
  /** A short localized headline. */
  headline: string;
  /** The server's own message, when there was a server to send one. */
  detail: string | undefined;
  /** The API's error code (none for network failures and non-API errors). */
  code: string | undefined;
}

/** The one way the web app words an error: a localized headline, the server's message and its code. */
export function describeError(
  t: TFunction,
  error: unknown,
  fallback: 'loadFailed' | 'saveFailed' = 'loadFailed',
): ErrorDescription {
  if (!isApiError(error))
    return {
      headline: t(`errors.${fallback}`),
      detail: error instanceof Error ? error.message : undefined,
      code: undefined,
    };
  const reached = error.status > 0;
  return {
    headline: t(headlineKey(error, fallback)),
    detail: reached ? error.message : undefined,
    code: reached ? error.code : undefined,
  };
}

function headlineKey(error: { status: number; code: string }, fallback: 'loadFailed' | 'saveFailed') {
  if (error.code === 'NETWORK') return 'errors.network';
  // Every access-control refusal (common/error-codes.ts: MISSING_GRANT, OUT_OF_SCOPE, …) is a 403.
  if (error.status === 403) return 'errors.forbidden';
  if (error.code === 'NOT_FOUND' || error.status === 404) return 'errors.notFound';
  if (error.code === 'RATE_LIMITED') return 'errors.rateLimited';
  if (error.code === 'VERSION_CONFLICT') return 'errors.conflict';
  if (error.code === 'VALIDATION_FAILED') return 'errors.validation';
  if (error.status >= 500) return 'errors.server';
  return `errors.${fallback}` as const;
}

/** The headline and the server's message on one line (toasts, antd `message`). */
export function errorText(t: TFunction, error: unknown, fallback: 'loadFailed' | 'saveFailed' = 'loadFailed'): string {
  const { headline, detail } = describeError(t, error, fallback);
  return detail ? `${headline}: ${detail}` : headline;
}

/** `errorText` in the current language. */
export function useErrorText(): (error: unknown, fallback?: 'loadFailed' | 'saveFailed') => string {
  const { t } = useTranslation();
  return useCallback((error, fallback) => errorText(t, error, fallback), [t]);
}
