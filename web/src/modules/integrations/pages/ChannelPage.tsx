import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'wouter';
import { LazyTabs, type LazyTab } from '../../../app/ui/LazyTabs.tsx';
import { useNavigationState } from '../../../app/routing/router.tsx';
import { channelQuery, type Channel } from '../api/integrations.ts';
import { ChannelEditor } from '../components/ChannelEditor.tsx';
import { DeliveryLog } from '../components/DeliveryLog.tsx';
import { DryRunPanel } from '../components/DryRunPanel.tsx';
import { ChannelHealthView, HealthTag, kindLabel } from '../components/health.tsx';
import { IntegrationsPage } from '../components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { useIntegrationsT } from '../i18n/index.ts';

type TabKey = 'health' | 'settings' | 'dryRun' | 'deliveries';

/** One channel: its health, its settings (the editor), a dry run (inbound) or the delivery log (outbound). */
export default function ChannelPage() {
  const { t } = useIntegrationsT();
  const { id = '' } = useParams<{ id: string }>();
  const channel = useQuery(channelQuery(id));
  const secret = useNavigationState<{ secret?: string }>()?.secret;
  const [searchParams, setSearchParams] = useSearchParams();

  if (channel.isError)
    return (
      <IntegrationsPage title={t('channel.notFound')}>
        <ErrorBlock error={channel.error} onRetry={() => void channel.refetch()} retrying={channel.isFetching} />
      </IntegrationsPage>
    );
  if (!channel.data) return <IntegrationsPage title={t('tabs.channels')}>{null}</IntegrationsPage>;
  const data: Channel = channel.data;
  const outbound = data.kind === 'outbound';
  const items: LazyTab<TabKey>[] = [
    { key: 'health', label: t('channel.health'), render: () => <ChannelHealthView channel={data} /> },
    { key: 'settings', label: t('channel.settings'), render: () => <ChannelEditor key={data.id} channel={data} /> },
    outbound
      ? { key: 'deliveries', label: t('channel.deliveries'), render: () => <DeliveryLog channelId={data.id} /> }
      : { key: 'dryRun', label: t('channel.dryRun'), render: () => <DryRunPanel channelId={data.id} /> },
  ];
  const requested = searchParams.get('tab');
  const active = items.find((item) => item.key === requested)?.key ?? 'health';
  const intakeUrl = `${window.location.origin}/api/v1/intake/${data.key}`;

  return (
    <IntegrationsPage
      title={data.name}
      intro={
        <>
          <code>{data.key}</code> · {kindLabel(t, data.kind)} · {t(`trigger.${data.trigger}`)}{' '}
          <HealthTag health={data.health} />
        </>
      }
    >
      {secret && (
        <Alert
          type="success"
          showIcon
          className="int-block"
          data-testid="channel-secret"
          message={t('channel.secretOnce')}
          description={
            <>
              <p className="int-secret">{secret}</p>
              <p>{t('channel.secretHelp')}</p>
            </>
          }
        />
      )}
      {data.kind === 'webhook' && (
        <p>
          {t('channel.intakeUrl')}: <code>{intakeUrl}</code>
        </p>
      )}
      {data.health.missingGrants.length > 0 && (
        <Alert type="error" showIcon role="alert" className="int-block" message={t('editor.missingGrants')} />
      )}
      <LazyTabs<TabKey>
        label={t('channel.tabs')}
        items={items}
        activeKey={active}
        onChange={(key) =>
          setSearchParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
      />
    </IntegrationsPage>
  );
}
