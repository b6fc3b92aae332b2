import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'wouter';
import { channelsQuery } from '../api/integrations.ts';
import { DeliveryLog } from '../components/DeliveryLog.tsx';
import { IntegrationsPage } from '../components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { useIntegrationsT } from '../i18n/index.ts';

/** 出站投递日志: pick an outbound channel, see every delivery attempt with its response code and timing. */
export default function DeliveriesPage() {
  const { t } = useIntegrationsT();
  const channels = useQuery(channelsQuery);
  const [searchParams, setSearchParams] = useSearchParams();
  const outbound = (channels.data ?? []).filter((c) => c.kind === 'outbound');
  const channelId = searchParams.get('channel') ?? outbound[0]?.id;

  return (
    <IntegrationsPage title={t('tabs.deliveries')} intro={t('deliveries.intro')}>
      {channels.isError && (
        <ErrorBlock error={channels.error} onRetry={() => void channels.refetch()} retrying={channels.isFetching} />
      )}
      {channels.data && outbound.length === 0 && <p className="int-muted">{t('deliveries.noChannels')}</p>}
      {outbound.length > 0 && (
        <div className="filters">
          <Select
            virtual={false}
            aria-label={t('common.channel')}
            style={{ minWidth: 220 }}
            value={channelId}
            options={outbound.map((c) => ({ value: c.id, label: `${c.name} (${c.key})` }))}
            onChange={(value) => setSearchParams({ channel: value }, { replace: true })}
          />
        </div>
      )}
      {channelId && <DeliveryLog key={channelId} channelId={channelId} />}
    </IntegrationsPage>
  );
}
