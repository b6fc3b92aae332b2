import { App, Button, Table, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';
import { invalidateIntegrations, resolveReview, reviewQueueQuery, type ReviewItem } from '../api/integrations.ts';
import { IntegrationsPage, PayloadView } from '../components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { labelOf, useIntegrationsT } from '../i18n/index.ts';

type Target = { recordId: string } | { create: true };

/** 待复核: records that matched several customers; the operator picks the target or creates a new one. */
export default function ReviewQueuePage() {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const queue = useQuery(reviewQueueQuery);

  const resolve = useMutation({
    mutationFn: ({ id, target }: { id: string; target: Target }) => resolveReview(id, target),
    onSuccess: (status) => {
      void queryClient.invalidateQueries({ queryKey: invalidateIntegrations });
      void message.success(t('review.resolved', { status: labelOf(t, 'intakeStatus', status.status) }));
    },
    onError: (error) => void message.error(errorText(error, 'saveFailed')),
  });
  const busy = (id: string) => resolve.isPending && resolve.variables?.id === id;

  const columns: TableProps<ReviewItem>['columns'] = [
    { key: 'receivedAt', title: t('common.receivedAt'), render: (_, r) => format.dateTime(r.receivedAt) },
    { key: 'channel', title: t('common.channel'), render: (_, r) => <code>{r.channelKey}</code> },
    { key: 'payload', title: t('common.payload'), render: (_, r) => <PayloadView payload={r.payload} /> },
    {
      key: 'candidates',
      title: t('review.candidates'),
      render: (_, r) => (
        <ul className="int-review__candidates">
          {r.candidates.map((c) => (
            <li key={c.id}>
              {c.name ? <Link to={`/customers/${c.id}`}>{c.name}</Link> : <span>{t('review.hidden')}</span>}{' '}
              <Button
                size="small"
                disabled={busy(r.id)}
                aria-label={t('review.pickOne', { name: c.name ?? c.id.slice(-6) })}
                onClick={() => resolve.mutate({ id: r.id, target: { recordId: c.id } })}
              >
                {t('review.pick')}
              </Button>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Button loading={busy(r.id)} onClick={() => resolve.mutate({ id: r.id, target: { create: true } })}>
          {t('review.create')}
        </Button>
      ),
    },
  ];

  return (
    <IntegrationsPage title={t('tabs.review')} intro={t('review.intro')}>
      {queue.isError ? (
        <ErrorBlock error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} />
      ) : (
        <Table<ReviewItem>
          rowKey="id"
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.isPending}
          locale={{ emptyText: <span className="int-muted">{t('review.empty')}</span> }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </IntegrationsPage>
  );
}
