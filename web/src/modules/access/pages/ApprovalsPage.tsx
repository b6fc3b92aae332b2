import { downloadExport } from '../api/exports.ts';
import { useErrorText } from '../../../app/ui/describeError.ts';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tabs, Tag, type TableProps } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../auth/session.ts';
import { labelOf, useAccessT } from '../i18n/index.ts';
import { Link, useSearchParams } from 'wouter';
import {
  accessKeys,
  approvalKinds,
  approvalStatuses,
  approve,
  cancelApproval,
  fetchApprovals,
  reject,
  type Approval,
  type ApprovalFilters,
  type ApprovalKind,
  type ApprovalStatus,
} from '../api/access.ts';
import { ExportRequestModal } from '../components/ExportRequestModal.tsx';
import { AccessPage, EmptyBlock, Loading, useDateTime } from '../components/shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

type TabKey = 'inbox' | 'mine' | 'all';
const statusColors: Record<ApprovalStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  executed: 'success',
  failed: 'error',
  cancelled: 'default',
};

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** 审批: the approver inbox, my requests, and the one-time download of approved exports. */
export default function ApprovalsPage() {
  const { t } = useAccessT();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'mine' ? 'mine' : params.get('tab') === 'all' ? 'all' : 'inbox';
  const [exporting, setExporting] = useState(false);

  return (
    <AccessPage
      title={t('title.approvals')}
      intro={t('approvals.intro')}
      actions={<Button onClick={() => setExporting(true)}>{t('approvals.newExport')}</Button>}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams(key === 'inbox' ? '' : `tab=${key}`), { replace: true })}
        destroyOnHidden
        items={[
          { key: 'inbox', label: t('approvals.tabInbox'), children: <ApprovalList tab="inbox" /> },
          { key: 'mine', label: t('approvals.tabMine'), children: <ApprovalList tab="mine" /> },
          { key: 'all', label: t('approvals.tabAll'), children: <ApprovalList tab="all" /> },
        ]}
      />
      {exporting && (
        <ExportRequestModal
          onClose={(submitted) => {
            setExporting(false);
            if (submitted) setParams(new URLSearchParams('tab=mine'), { replace: true });
          }}
        />
      )}
    </AccessPage>
  );
}

function ApprovalList({ tab }: { tab: TabKey }) {
  const { t } = useAccessT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const dateTime = useDateTime();
  const [status, setStatus] = useState<ApprovalStatus | undefined>(tab === 'inbox' ? 'pending' : undefined);
  const [kind, setKind] = useState<ApprovalKind | undefined>();
  const [deciding, setDeciding] = useState<{ approval: Approval; decision: 'approve' | 'reject' } | null>(null);
  const [downloaded, setDownloaded] = useState<Set<string>>(() => new Set());
  const filters: ApprovalFilters = { status, kind, mine: tab === 'mine' };

  const list = useInfiniteQuery({
    queryKey: [...accessKeys.approvals, tab, filters],
    queryFn: ({ pageParam, signal }) => fetchApprovals(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

  const cancel = useMutation({
    mutationFn: (a: Approval) => cancelApproval(a.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.approvals });
      void message.success(t('approvals.cancelled'));
    },
    onError: (error) => {
      void message.error(errorText(error, 'saveFailed'));
    },
  });

  const download = useMutation({
    mutationFn: (a: Approval) => downloadExport(str(a.result?.exportFileId) ?? '', str(a.result?.fileName) ?? 'export'),
    onSuccess: (_, a) => {
      setDownloaded((s) => new Set(s).add(a.id));
      void message.success(t('approvals.downloaded'));
    },
    onError: (error, a) => {
      const gone = (error as { status?: number }).status === 410;
      if (gone) setDownloaded((s) => new Set(s).add(a.id));
      void message.error({ content: gone ? t('approvals.downloadGone') : errorText(error), duration: 8 });
    },
  });

  const rows = (list.data?.pages.flatMap((p) => p.data) ?? []).filter(
    (a) => tab !== 'inbox' || a.requestedBy !== me?.id,
  );

  const detail = (a: Approval) => {
    const p = a.payload;
    const r = a.result ?? {};
    const error = r.error as { message?: string } | undefined;
    return (
      <ul className="acc-approval-detail">
        {a.kind === 'contract_delete' ? (
          <>
            <li>{t('approvals.contract', { number: str(p.contractNumber) ?? str(p.contractId) ?? '' })}</li>
            {str(p.customerId) && (
              <li>
                <Link to={`/customers/${encodeURIComponent(str(p.customerId)!)}`}>{t('approvals.contractOf')}</Link>
              </li>
            )}
          </>
        ) : (
          <>
            {Array.isArray(p.fields) && (
              <li>
                {t('approvals.exportFields', {
                  fields: (p.fields as string[])
                    .map((f) => labelOf(t, 'exportRequest.customerFields', f))
                    .join(t('common.listSeparator')),
                })}
              </li>
            )}
            {Array.isArray(p.phoneFields) && (p.phoneFields as string[]).length > 0 && (
              <li className="acc-loss" style={{ fontWeight: 500 }}>
                {t('approvals.exportPhones', {
                  fields: (p.phoneFields as string[])
                    .map((f) => labelOf(t, 'exportRequest.customerFields', f))
                    .join(t('common.listSeparator')),
                })}
              </li>
            )}
            {str(p.format) && <li>{t('approvals.exportFormat', { format: str(p.format)!.toUpperCase() })}</li>}
            {typeof r.rowCount === 'number' && <li>{t('approvals.exportRows', { count: r.rowCount })}</li>}
            {str(r.expiresAt) && <li>{t('approvals.expiresAt', { time: dateTime(str(r.expiresAt)) })}</li>}
          </>
        )}
        {a.status === 'failed' && error?.message && (
          <li className="acc-loss">{t('approvals.failedWith', { message: error.message })}</li>
        )}
      </ul>
    );
  };

  const columns: TableProps<Approval>['columns'] = [
    {
      key: 'kind',
      title: t('approvals.kind'),
      render: (_, a) => (
        <>
          <strong>{labelOf(t, 'approvals.kinds', a.kind)}</strong>
          {tab !== 'mine' && a.requestedBy === me?.id && (
            <div>
              <Tag>{t('approvals.mineTag')}</Tag>
            </div>
          )}
        </>
      ),
    },
    { key: 'detail', title: t('approvals.detail'), render: (_, a) => detail(a) },
    {
      key: 'requester',
      title: t('approvals.requester'),
      render: (_, a) => a.requestedByName ?? a.requestedBy.slice(0, 8),
    },
    { key: 'reason', title: t('approvals.reason'), render: (_, a) => a.reason ?? t('common.none') },
    { key: 'createdAt', title: t('approvals.requestedAt'), render: (_, a) => dateTime(a.createdAt) },
    {
      key: 'status',
      title: t('approvals.status'),
      render: (_, a) => (
        <>
          <Tag color={statusColors[a.status]}>{labelOf(t, 'approvals.statuses', a.status)}</Tag>
          {a.decidedAt && (
            <div className="acc-muted">
              {t('approvals.decidedBy', { name: a.decidedByName ?? '', time: dateTime(a.decidedAt) })}
            </div>
          )}
          {a.decisionReason && (
            <div className="acc-muted">{t('approvals.decisionReason', { reason: a.decisionReason })}</div>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) => {
        const mine = a.requestedBy === me?.id;
        const fileId = str(a.result?.exportFileId);
        return (
          <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8 }}>
            {a.status === 'pending' && !mine && (
              <>
                <Button size="small" type="primary" onClick={() => setDeciding({ approval: a, decision: 'approve' })}>
                  {t('approvals.approve')}
                </Button>
                <Button size="small" danger onClick={() => setDeciding({ approval: a, decision: 'reject' })}>
                  {t('approvals.reject')}
                </Button>
              </>
            )}
            {a.status === 'pending' && mine && (
              <Button
                size="small"
                loading={cancel.isPending && cancel.variables?.id === a.id}
                onClick={() =>
                  modal.confirm({
                    title: t('approvals.cancelTitle'),
                    okText: t('approvals.cancel'),
                    cancelText: t('common.cancel'),
                    onOk: () => cancel.mutateAsync(a).catch(() => undefined),
                  })
                }
              >
                {t('approvals.cancel')}
              </Button>
            )}
            {a.kind === 'export' && a.status === 'executed' && mine && fileId && (
              <Button
                size="small"
                type="primary"
                ghost
                disabled={downloaded.has(a.id)}
                loading={download.isPending && download.variables?.id === a.id}
                onClick={() => download.mutate(a)}
              >
                {download.isPending && download.variables?.id === a.id
                  ? t('approvals.downloading')
                  : downloaded.has(a.id)
                    ? t('approvals.downloadGone')
                    : t('approvals.download')}
              </Button>
            )}
          </span>
        );
      },
    },
  ];

  const empty =
    tab === 'inbox' ? t('approvals.emptyInbox') : tab === 'mine' ? t('approvals.emptyMine') : t('approvals.emptyAll');

  return (
    <div>
      <div className="acc-toolbar">
        <div className="acc-toolbar__field">
          <label htmlFor={`approvals-status-${tab}`}>{t('approvals.status')}</label>
          <Select
            id={`approvals-status-${tab}`}
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('common.all')}
            value={status}
            onChange={(value?: ApprovalStatus) => setStatus(value)}
            options={approvalStatuses.map((s) => ({ value: s, label: labelOf(t, 'approvals.statuses', s) }))}
          />
        </div>
        <div className="acc-toolbar__field">
          <label htmlFor={`approvals-kind-${tab}`}>{t('approvals.kind')}</label>
          <Select
            id={`approvals-kind-${tab}`}
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('common.all')}
            value={kind}
            onChange={(value?: ApprovalKind) => setKind(value)}
            options={approvalKinds.map((k) => ({ value: k, label: labelOf(t, 'approvals.kinds', k) }))}
          />
        </div>
        <Button onClick={() => void list.refetch()} loading={list.isRefetching}>
          {t('common.refresh')}
        </Button>
      </div>
      {list.isPending ? (
        <Loading rows={5} />
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : rows.length === 0 ? (
        <EmptyBlock>{empty}</EmptyBlock>
      ) : (
        <>
          <Table<Approval>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          {list.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
              </Button>
            </div>
          )}
          {list.isFetchNextPageError && <ErrorBlock error={list.error} onRetry={() => void list.fetchNextPage()} />}
        </>
      )}
      {deciding && (
        <DecisionModal approval={deciding.approval} decision={deciding.decision} onClose={() => setDeciding(null)} />
      )}
    </div>
  );
}

function DecisionModal({
  approval,
  decision,
  onClose,
}: {
  approval: Approval;
  decision: 'approve' | 'reject';
  onClose: () => void;
}) {
  const { t } = useAccessT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const submit = useMutation({
    mutationFn: ({ reason }: { reason?: string }) =>
      decision === 'approve'
        ? approve(approval.id, reason?.trim() || undefined)
        : reject(approval.id, (reason ?? '').trim()),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.approvals });
      if (decision === 'reject') void message.success(t('approvals.rejected'));
      else if (result.status === 'failed') {
        const error = result.result?.error as { message?: string } | undefined;
        void message.error({ content: t('approvals.failedToast', { message: error?.message ?? '' }), duration: 8 });
      } else
        void message.success(result.status === 'executed' ? t('approvals.executedToast') : t('approvals.approved'));
      onClose();
    },
  });
  const approving = decision === 'approve';
  return (
    <Modal
      open
      title={approving ? t('approvals.approveTitle') : t('approvals.rejectTitle')}
      okText={approving ? t('approvals.approve') : t('approvals.reject')}
      okButtonProps={{ danger: !approving, loading: submit.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {approving && <p>{t('approvals.approveHint')}</p>}
      <p className="acc-muted">
        {labelOf(t, 'approvals.kinds', approval.kind)} · {approval.requestedByName}
        {approval.reason ? ` · ${approval.reason}` : ''}
      </p>
      {submit.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorBlock error={submit.error} fallback="saveFailed" />
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)} disabled={submit.isPending}>
        <Form.Item
          name="reason"
          label={approving ? t('approvals.approveReason') : t('approvals.rejectReason')}
          rules={
            approving
              ? [{ max: 1000 }]
              : [{ required: true, whitespace: true, message: t('approvals.rejectReasonRequired') }, { max: 1000 }]
          }
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
