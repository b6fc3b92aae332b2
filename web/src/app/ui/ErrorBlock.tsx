import { Alert, Button } from 'antd';
import { isApiError } from '../api/client.ts';
import { useTranslation } from '../i18n/index.ts';
import { describeError } from './describeError.ts';

/**
 * The desk pages' error block (antd; the phone screens use ErrorState): a localized headline, the
 * server's message, each field it names, its code and a retry button. Its texts are in the `more`
 * catalog, which every desk route loads.
 */
export function ErrorBlock({
  error,
  onRetry,
  retrying,
  fallback = 'loadFailed',
}: {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  fallback?: 'loadFailed' | 'saveFailed';
}) {
  const { t } = useTranslation();
  const { headline, detail, code } = describeError(t, error, fallback);
  const fields = isApiError(error) ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={headline}
      description={
        <>
          {detail && <div>{t('errorBlock.serverSays', { message: detail })}</div>}
          {fields.length > 0 && (
            <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
              {fields.map((f) => (
                <li key={`${f.path}:${f.message}`}>
                  <code>{f.path}</code> {f.message}
                </li>
              ))}
            </ul>
          )}
          {code && (
            <div style={{ color: 'var(--cairn-muted, #595959)', fontSize: 13 }}>{t('errorBlock.code', { code })}</div>
          )}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} loading={retrying}>
            {retrying ? t('common.retrying') : t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
