import { Button, Table, type TableProps } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useFormat } from '../../../app/format/format.ts';
import { deliveriesPage, type DeliveryAttempt } from '../api/integrations.ts';
import { useIntegrationsT } from '../i18n/index.ts';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

const outcomeColor = { delivered: 'green', retry: 'gold', dead: 'red' } as const;

/** An outbound channel's delivery log: each attempt's response code and timing, newest first. */
export function DeliveryLog({ channelId }: { channelId: string }) {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const log = useInfiniteQuery({
    queryKey: ['integrations', 'deliveries', channelId],
    queryFn: ({ pageParam, signal }) => deliveriesPage(channelId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((page) => page.data) ?? [];

  const columns: TableProps<DeliveryAttempt>['columns'] = [
    { key: 'at', title: t('deliveries.at'), render: (_, d) => format.dateTime(d.at) },
    {
      key: 'event',
      title: t('deliveries.event'),
      render: (_, d) => (
        <>
          <code>{d.eventType}</code>
          <div className="int-muted">{d.eventId}</div>
        </>
      ),
    },
    { key: 'attempt', title: t('deliveries.attempt'), dataIndex: 'attempt' },
    {
      key: 'responseCode',
      title: t('deliveries.responseCode'),
      render: (_, d) => (d.responseCode === null ? t('deliveries.noResponse') : <code>{d.responseCode}</code>),
    },
    {
      key: 'duration',
      title: t('deliveries.duration'),
      render: (_, d) => t('deliveries.durationMs', { ms: d.durationMs }),
    },
    {
      key: 'outcome',
      title: t('deliveries.outcome'),
      render: (_, d) => <Tag tone={outcomeColor[d.outcome]}>{t(`deliveries.outcomes.${d.outcome}`)}</Tag>,
    },
    { key: 'error', title: t('deliveries.error'), render: (_, d) => d.error ?? t('common.none') },
  ];

  if (log.isError) return <ErrorBlock error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} />;
  return (
    <>
      <Table<DeliveryAttempt>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        locale={{ emptyText: <span className="int-muted">{t('deliveries.empty')}</span> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {log.hasNextPage && (
        <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
