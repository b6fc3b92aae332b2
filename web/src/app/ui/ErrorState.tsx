import { useTranslation } from '../i18n/index.ts';
import { describeError } from './describeError.ts';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
}

/** Plain React (the phone screens use it too): headline, the server's message, and a retry button. */
export function ErrorState({ error, onRetry, retrying, compact }: ErrorStateProps) {
  const { t } = useTranslation();
  const { headline, detail } = describeError(t, error);
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
