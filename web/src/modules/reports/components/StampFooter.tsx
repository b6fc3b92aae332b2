import { useFormat } from '../../../app/format/format.ts';
import type { ReportStamp } from '../api/reports.ts';
import { useReportsT } from '../i18n/index.ts';

/**
 * The stamp under each chart and table: which definition version produced the figures (the
 * server's zh-CN line, as the export carries it), its hash, the rate sources and when it was computed.
 */
export function StampFooter({ stamp, testId = 'report-stamp' }: { stamp: ReportStamp; testId?: string }) {
  const { t } = useReportsT();
  const format = useFormat();
  const sources = stamp.rateSources.map((s) =>
    t('stamp.rateSource', {
      rateSet: s.rateSet,
      source: s.source,
      currency: s.currency,
      quote: s.quote,
      first: s.firstRateDate,
      last: s.lastRateDate,
    }),
  );
  return (
    <div className="rep-stamp" role="note" aria-label={t('stamp.label')} data-testid={testId}>
      <p lang="zh-CN" data-testid="stamp-text">
        {stamp.text}
        {stamp.restated && ` ${t('stamp.restated')}`}
      </p>
      <p className="rep-hash">{t('stamp.hash', { hash: stamp.hash })}</p>
      <p>{sources.length ? t('stamp.rates', { sources: sources.join('；') }) : t('stamp.noRates')}</p>
      <p>{t('stamp.computedAt', { at: format.dateTime(stamp.computedAt) ?? stamp.computedAt })}</p>
    </div>
  );
}
