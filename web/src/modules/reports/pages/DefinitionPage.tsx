import { useState, type HTMLAttributes } from 'react';
import { App, Button, Descriptions, Popconfirm, Table, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { useFormat } from '../../../app/format/format.ts';
import { Tag } from '../../../app/ui/states.tsx';
import { useMe } from '../../auth/session.ts';
import { useUserNames } from '../../users/api/users.ts';
import {
  approveVersion,
  definitionQuery,
  invalidateReports,
  rollbackDefinition,
  type MetricVersion,
} from '../api/reports.ts';
import { DraftModal } from '../components/DraftModal.tsx';
import { ErrorBlock, ReportsPage } from '../components/ReportsPage.tsx';
import { compareSemver, currentVersion, diffOf } from '../components/versions.ts';
import { labelOf, useReportsT } from '../i18n/index.ts';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One definition: its versions (semver, validFrom, author, approver, note, hash, diff), a new draft, approve, rollback. */
export default function DefinitionPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useReportsT();
  const format = useFormat();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useUserNames();
  const me = useMe().data;
  const definition = useQuery(definitionQuery(id));
  const [drafting, setDrafting] = useState(false);
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: invalidateReports });
    void message.success(text);
  };
  const approve = useMutation({
    mutationFn: (v: MetricVersion) => approveVersion(id, v.id),
    onSuccess: (_, v) => done(t('definition.approved', { version: v.semver })),
  });
  const rollback = useMutation({
    mutationFn: (v: MetricVersion) => rollbackDefinition(id, { toVersion: v.semver }),
    onSuccess: (_, v) => done(t('definition.rolledBack', { version: v.semver })),
  });
  const who = (userId: string | null) => (userId ? (names.get(userId) ?? userId.slice(0, 8)) : t('common.none'));
  const current = definition.data ? currentVersion(definition.data) : undefined;
  const versions = [...(definition.data?.versions ?? [])].sort((a, b) => compareSemver(b.semver, a.semver));

  const columns: TableProps<MetricVersion>['columns'] = [
    { key: 'semver', title: t('common.version'), render: (_, v) => <strong>V{v.semver}</strong> },
    {
      key: 'status',
      title: t('definition.status'),
      render: (_, v) =>
        v.status === 'approved' ? (
          <Tag tone="green">{t('definition.statusApproved')}</Tag>
        ) : (
          <Tag tone="orange">{t('definition.statusDraft')}</Tag>
        ),
    },
    { key: 'validFrom', title: t('common.validFrom'), dataIndex: 'validFrom' },
    { key: 'author', title: t('definition.author'), render: (_, v) => who(v.authorId) },
    { key: 'approver', title: t('definition.approver'), render: (_, v) => who(v.approverId) },
    {
      key: 'approvedAt',
      title: t('definition.approvedAt'),
      render: (_, v) => format.dateTime(v.approvedAt) ?? t('common.none'),
    },
    {
      key: 'changeNote',
      title: t('definition.changeNote'),
      render: (_, v) => (
        <>
          {v.changeNote}
          {v.rolledBackTo && (
            <div className="rep-muted">{t('definition.rolledBackTo', { version: v.rolledBackTo })}</div>
          )}
        </>
      ),
    },
    {
      key: 'hash',
      title: t('common.hash'),
      render: (_, v) => (
        <span className="rep-hash" title={v.hash}>
          {v.hash.slice(0, 12)}
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, v) =>
        v.status === 'draft' ? (
          <Button
            size="small"
            type="primary"
            aria-label={t('definition.approveOne', { version: v.semver })}
            // four-eyes: the server refuses the author's own approval (SELF_APPROVAL)
            disabled={!!me && v.authorId === me.id}
            title={me && v.authorId === me.id ? t('definition.selfApproval') : undefined}
            loading={approve.isPending && approve.variables?.id === v.id}
            onClick={() => approve.mutate(v)}
          >
            {t('definition.approve')}
          </Button>
        ) : v.id !== current?.id ? (
          <Popconfirm
            title={t('definition.rollbackConfirm', { version: v.semver })}
            okText={t('definition.rollback')}
            cancelText={t('common.cancel')}
            onConfirm={() => rollback.mutate(v)}
          >
            <Button
              size="small"
              aria-label={t('definition.rollbackOne', { version: v.semver })}
              loading={rollback.isPending && rollback.variables?.id === v.id}
            >
              {t('definition.rollback')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const diffTable = (v: MetricVersion) => {
    const diff = diffOf(v);
    if (!diff) return <span className="rep-muted">{t('definition.noDiff')}</span>;
    return (
      <Table
        size="small"
        rowKey="path"
        pagination={false}
        caption={t('definition.diff', { from: diff.from })}
        dataSource={diff.changes}
        columns={[
          { key: 'path', title: t('definition.diffPath'), render: (_, c) => <code>{c.path}</code> },
          { key: 'from', title: t('definition.diffFrom'), render: (_, c) => <code>{show(c.from)}</code> },
          { key: 'to', title: t('definition.diffTo'), render: (_, c) => <code>{show(c.to)}</code> },
        ]}
      />
    );
  };

  const data = definition.data;
  return (
    <ReportsPage
      title={data?.name ?? t('tabs.definitions')}
      intro={data?.description ?? undefined}
      actions={
        <>
          <Link to="/reports/definitions">{t('common.back')}</Link>
          {data && (
            <Button type="primary" onClick={() => setDrafting(true)}>
              {t('definition.newDraft')}
            </Button>
          )}
        </>
      }
    >
      {definition.isError && <ErrorBlock error={definition.error} onRetry={() => void definition.refetch()} />}
      {approve.isError && <ErrorBlock error={approve.error} fallback="saveFailed" />}
      {rollback.isError && <ErrorBlock error={rollback.error} fallback="saveFailed" />}
      {current && (
        <Descriptions
          className="rep-block"
          size="small"
          column={3}
          items={[
            { key: 'v', label: t('definitions.latest'), children: `V${current.semver}（${current.validFrom}）` },
            { key: 'basis', label: t('definitions.basis'), children: labelOf(t, 'basis', current.document.basis) },
            { key: 'amount', label: t('definitions.amount'), children: labelOf(t, 'amount', current.document.amount) },
          ]}
        />
      )}
      <h2 className="rep-h2">{t('definition.versions')}</h2>
      {data && (
        <Table<MetricVersion>
          rowKey="id"
          columns={columns}
          dataSource={versions}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: diffTable, defaultExpandedRowKeys: versions[0] ? [versions[0].id] : [] }}
          onRow={() => ({ 'data-testid': 'version-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {data && <DraftModal definition={data} open={drafting} onClose={() => setDrafting(false)} />}
    </ReportsPage>
  );
}
