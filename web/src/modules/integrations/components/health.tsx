import { Alert } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { Link } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { labelOf, useIntegrationsT, type IntegrationsT } from '../i18n/index.ts';
import type { Channel, ChannelHealth } from '../api/integrations.ts';

const stateColor = { ok: 'green', degraded: 'gold', error: 'red' } as const;

/** 正常 / 需关注 / 故障, coloured. */
export function HealthTag({ health }: { health: ChannelHealth }) {
  const { t } = useIntegrationsT();
  return (
    <span data-testid="channel-state" data-state={health.status}>
      <Tag tone={stateColor[health.status]}>{t(`state.${health.status}`)}</Tag>
    </span>
  );
}

/** "2 分 5 秒" style lag, from whole or fractional seconds. */
export function lagText(t: IntegrationsT, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return t('common.none');
  if (seconds < 60) return t('common.seconds', { n: Math.round(seconds * 10) / 10 });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}′${String(Math.round(seconds % 60)).padStart(2, '0')}″`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}′`;
}

/** The health view: state, what stops the channel, what needs someone, and the flow figures. */
export function ChannelHealthView({ channel }: { channel: Channel }) {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const health = channel.health;
  const figures: Array<[string, string]> = [
    [t('channels.queued'), String(health.queued)],
    [t('channels.lag'), lagText(t, health.lagSeconds)],
    [t('health.p95'), lagText(t, health.p95LagSeconds)],
    [t('channels.failureRate'), format.percent(health.failureRate) ?? '0%'],
    [t('health.settled'), String(health.settled24h)],
    [t('channels.deadLetters'), String(health.deadLetters)],
    [t('health.review'), String(health.review)],
    [t('health.lastSuccess'), format.dateTime(health.lastSuccessAt) ?? t('health.never')],
  ];
  return (
    <section className="int-card" aria-labelledby="channel-health-title" data-testid="channel-health">
      <h2 id="channel-health-title">
        {t('health.title')} <HealthTag health={health} />
      </h2>
      {health.errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="int-block"
          message={t('health.errors')}
          description={
            <ul>
              {health.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      {health.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="int-block"
          message={t('health.warnings')}
          description={
            <ul>
              {health.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <dl className="int-figures">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="int-muted">{t('health.lastError')}</h3>
      <p>
        {health.lastError ? (
          <>
            <code>{health.lastError}</code> {format.dateTime(health.lastErrorAt)}
          </>
        ) : (
          t('health.never')
        )}
      </p>
      {health.deadLetters > 0 && channel.kind !== 'outbound' && (
        <Link to={`/integrations/dead-letters?channel=${channel.id}`}>{t('health.viewDeadLetters')}</Link>
      )}
    </section>
  );
}

export const kindLabel = (t: IntegrationsT, kind: string) => labelOf(t, 'kind', kind);
