import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { isApiError } from '../../../app/api/client.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { Link } from 'wouter';
import { AreaPage } from '../../../app/ui/AreaPage.tsx';
import { describeError } from '../../../app/ui/describeError.ts';
import { useReportsT, type ReportsKey } from '../i18n/index.ts';
import '../reports.css';

export const reportTabs: ReadonlyArray<{ key: string; path: string; label: ReportsKey }> = [
  { key: 'run', path: '/reports/run', label: 'tabs.run' },
  { key: 'definitions', path: '/reports/definitions', label: 'tabs.definitions' },
  { key: 'rates', path: '/reports/fx-rates', label: 'tabs.rates' },
  { key: 'snapshots', path: '/reports/snapshots', label: 'tabs.snapshots' },
];

/** The frame of every 报表 page: the pages' tab bar, title, intro and actions. */
export function ReportsPage(props: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const { t } = useReportsT();
  const tabs = reportTabs.map((tab) => ({ ...tab, label: t(tab.label) }));
  return <AreaPage tabs={tabs} tabsLabel={t('tabs.label')} {...props} />;
}

interface MissingRate {
  date: string;
  currency: string;
}

const missingRates = (error: unknown): MissingRate[] | null => {
  if (!isApiError(error) || error.code !== 'FX_RATE_MISSING') return null;
  const missing = error.details.missing;
  return Array.isArray(missing) ? (missing as MissingRate[]) : [];
};

/** Error block: the headline, the server's message, each named field and its code; FX_RATE_MISSING lists the gaps. */
export function ErrorBlock({
  error,
  onRetry,
  fallback = 'loadFailed',
}: {
  error: unknown;
  onRetry?: () => void;
  fallback?: 'loadFailed' | 'saveFailed';
}) {
  const { t } = useReportsT();
  const { t: appT } = useTranslation();
  const missing = missingRates(error);
  if (missing) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        className="rep-block"
        data-testid="fx-missing"
        message={t('run.fxMissing')}
        description={
          <>
            <div>{t('run.fxMissingIntro')}</div>
            <ul>
              {missing.map((m) => (
                <li key={`${m.date}:${m.currency}`}>
                  {t('run.fxMissingItem', { date: m.date, currency: m.currency })}
                </li>
              ))}
            </ul>
            <Link to="/reports/fx-rates">{t('run.fxMissingAction')}</Link>
          </>
        }
      />
    );
  }
  const { headline, detail, code } = describeError(appT, error, fallback);
  const fields = isApiError(error) ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="rep-block"
      message={headline}
      description={
        <>
          {detail && <div>{t('common.serverSays', { message: detail })}</div>}
          {fields.length > 0 && (
            <ul>
              {fields.map((f) => (
                <li key={`${f.path}:${f.message}`}>
                  <code>{f.path}</code> {f.message}
                </li>
              ))}
            </ul>
          )}
          {code && <div className="rep-muted">{t('common.code', { code })}</div>}
        </>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
