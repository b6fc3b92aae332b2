import { useState, type HTMLAttributes } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, type TableProps } from 'antd';
import { Tag } from '../../../app/ui/states.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';
import {
  channelsQuery,
  deadLettersQuery,
  discardDeadLetter,
  invalidateIntegrations,
  retryDeadLetter,
  type DeadLetter,
} from '../api/integrations.ts';
import { IntegrationsPage, PayloadView } from '../components/IntegrationsPage.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { labelOf, useIntegrationsT } from '../i18n/index.ts';

const ALL = '';

/** 死信: inbound records that could not be applied and outbound deliveries that ran out of retries, with retry, and discard with a reason (audited). */
export default function DeadLettersPage() {
  const { t } = useIntegrationsT();
  const format = useFormat();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const channelId = searchParams.get('channel') ?? ALL;
  const channels = useQuery(channelsQuery);
  const letters = useQuery(deadLettersQuery(channelId || undefined));
  const [discarding, setDiscarding] = useState<DeadLetter | null>(null);

  const retry = useMutation({
    mutationFn: (letter: DeadLetter) => retryDeadLetter(letter.id),
    onSuccess: (status) => {
      void queryClient.invalidateQueries({ queryKey: invalidateIntegrations });
      void message.success(t('deadLetters.retried', { status: labelOf(t, 'intakeStatus', status.status) }));
    },
    onError: (error) => void message.error(errorText(error, 'saveFailed')),
  });

  const columns: TableProps<DeadLetter>['columns'] = [
    { key: 'receivedAt', title: t('common.receivedAt'), render: (_, d) => format.dateTime(d.receivedAt) },
    { key: 'channel', title: t('common.channel'), render: (_, d) => <code>{d.channelKey}</code> },
    {
      key: 'direction',
      title: t('deadLetters.direction'),
      render: (_, d) => (
        <Tag tone={d.direction === 'outbound' ? 'blue' : 'grey'}>{t(`deadLetters.${d.direction}`)}</Tag>
      ),
    },
    {
      key: 'reason',
      title: t('deadLetters.reason'),
      render: (_, d) => <Tag tone="red">{labelOf(t, 'reason', d.reason)}</Tag>,
    },
    { key: 'lastError', title: t('deadLetters.lastError'), render: (_, d) => d.lastError ?? t('common.none') },
    { key: 'attempts', title: t('deadLetters.attempts'), dataIndex: 'attempts' },
    { key: 'payload', title: t('common.payload'), render: (_, d) => <PayloadView payload={d.payload} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, d) => (
        <span className="int-row-actions">
          <Button
            size="small"
            data-testid="dead-letter-retry"
            aria-label={t('deadLetters.retryOne', { id: d.id.slice(-6) })}
            loading={retry.isPending && retry.variables?.id === d.id}
            onClick={() => retry.mutate(d)}
          >
            {t('deadLetters.retry')}
          </Button>
          <Button
            size="small"
            danger
            data-testid="dead-letter-discard"
            aria-label={t('deadLetters.discardOne', { id: d.id.slice(-6) })}
            onClick={() => setDiscarding(d)}
          >
            {t('deadLetters.discard')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <IntegrationsPage title={t('tabs.deadLetters')} intro={t('deadLetters.intro')}>
      <div className="filters">
        <Select
          virtual={false}
          aria-label={t('common.channel')}
          style={{ minWidth: 220 }}
          value={channelId}
          options={[
            { value: ALL, label: t('common.allChannels') },
            // outbound channels too: their deliveries that ran out of retries are dead letters here
            ...(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.key})` })),
          ]}
          onChange={(value) =>
            setSearchParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (value) next.set('channel', value);
                else next.delete('channel');
                return next;
              },
              { replace: true },
            )
          }
        />
      </div>
      {letters.isError ? (
        <ErrorBlock error={letters.error} onRetry={() => void letters.refetch()} retrying={letters.isFetching} />
      ) : (
        <Table<DeadLetter>
          rowKey="id"
          columns={columns}
          dataSource={letters.data ?? []}
          loading={letters.isPending}
          locale={{ emptyText: <span className="int-muted">{t('deadLetters.empty')}</span> }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'dead-letter' }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {discarding && <DiscardModal letter={discarding} onClose={() => setDiscarding(null)} />}
    </IntegrationsPage>
  );
}

function DiscardModal({ letter, onClose }: { letter: DeadLetter; onClose: () => void }) {
  const { t } = useIntegrationsT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const discard = useMutation({
    mutationFn: ({ reason }: { reason: string }) => discardDeadLetter(letter.id, reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invalidateIntegrations });
      void message.success(t('deadLetters.discarded'));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('deadLetters.discardTitle')}
      okText={t('deadLetters.discard')}
      okButtonProps={{ danger: true, loading: discard.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="int-muted">
        <code>{letter.channelKey}</code> · {labelOf(t, 'reason', letter.reason)} · {letter.lastError}
      </p>
      {discard.isError && <ErrorBlock error={discard.error} fallback="saveFailed" />}
      <Form form={form} layout="vertical" onFinish={(values) => discard.mutate(values)} disabled={discard.isPending}>
        <Form.Item
          name="reason"
          label={t('deadLetters.discardReason')}
          extra={t('deadLetters.discardHelp')}
          rules={[{ required: true, whitespace: true, message: t('deadLetters.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
