import type { HTMLAttributes } from 'react';
import { Button, Table, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { navigate } from '../../../app/routing/router.tsx';
import { channelsQuery, type Channel } from '../api/integrations.ts';
import { HealthTag, kindLabel, lagText } from '../components/health.tsx';
import { IntegrationsPage } from '../components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { useIntegrationsT } from '../i18n/index.ts';

/** 集成中心: every channel with its health at a glance (state, lag, failure rate, dead letters). */
export default function ChannelsPage() {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const channels = useQuery(channelsQuery);

  const columns: TableProps<Channel>['columns'] = [
    {
      key: 'name',
      title: t('channels.name'),
      render: (_, c) => (
        <Link to={`/integrations/channels/${c.id}`} aria-label={t('channels.open', { name: c.name })}>
          {c.name}
        </Link>
      ),
    },
    { key: 'key', title: t('channels.key'), render: (_, c) => <code>{c.key}</code> },
    { key: 'kind', title: t('channels.kind'), render: (_, c) => kindLabel(t, c.kind) },
    { key: 'trigger', title: t('channels.trigger'), render: (_, c) => t(`trigger.${c.trigger}`) },
    { key: 'state', title: t('channels.state'), render: (_, c) => <HealthTag health={c.health} /> },
    { key: 'queued', title: t('channels.queued'), render: (_, c) => c.health.queued },
    { key: 'lag', title: t('channels.lag'), render: (_, c) => lagText(t, c.health.lagSeconds) },
    {
      key: 'failureRate',
      title: t('channels.failureRate'),
      render: (_, c) => format.percent(c.health.failureRate) ?? '0%',
    },
    {
      key: 'deadLetters',
      title: t('channels.deadLetters'),
      render: (_, c) =>
        c.health.deadLetters > 0 && c.kind !== 'outbound' ? (
          <Link to={`/integrations/dead-letters?channel=${c.id}`}>{c.health.deadLetters}</Link>
        ) : (
          c.health.deadLetters
        ),
    },
  ];

  return (
    <IntegrationsPage
      title={t('tabs.channels')}
      intro={t('intro')}
      actions={
        <Button type="primary" onClick={() => navigate('/integrations/channels/new')}>
          + {t('channels.new')}
        </Button>
      }
    >
      {channels.isError ? (
        <ErrorBlock error={channels.error} onRetry={() => void channels.refetch()} retrying={channels.isFetching} />
      ) : (
        <Table<Channel>
          rowKey="id"
          columns={columns}
          dataSource={channels.data ?? []}
          loading={channels.isPending}
          locale={{ emptyText: <span className="int-muted">{t('channels.empty')}</span> }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ 'data-testid': 'channel-row', 'data-key': c.key }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </IntegrationsPage>
  );
}
