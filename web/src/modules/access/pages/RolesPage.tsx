import { useErrorText } from '../../../app/ui/describeError.ts';
import { useMemo, useState } from 'react';
import { App, Button, Input, Table, Tabs, Tag, Tooltip, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAccessT } from '../i18n/index.ts';
import { useSearchParams } from 'wouter';
import { accessKeys, deleteRole, MAX_INHERITANCE_DEPTH, rolesQuery, type Role } from '../api/access.ts';
import { RoleEditor } from '../components/RoleEditor.tsx';
import { AccessPage, Chain, EmptyBlock, Loading, RoleStatusTag, suspensionText } from '../components/shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { UserRolesPanel } from '../components/UserRolesPanel.tsx';

type TabKey = 'roles' | 'users';

/** 角色: the role list (chain, depth, holders, status), the role editor, and user-role assignment. */
export default function RolesPage() {
  const { t } = useAccessT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const tab: TabKey = params.get('tab') === 'users' ? 'users' : 'roles';
  const editing = params.get('edit');

  const setParam = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const remove = useMutation({
    mutationFn: (role: Role) => deleteRole(role.id),
    onSuccess: (role) => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.all });
      void message.success(t('roles.deleted', { name: role.name }));
    },
    onError: (error) => {
      void message.error(errorText(error, 'saveFailed'));
    },
  });

  const confirmDelete = (role: Role) =>
    modal.confirm({
      title: t('roles.deleteTitle', { name: role.name }),
      content: t('roles.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(role).catch(() => undefined),
    });

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (roles.data ?? []).filter(
      (r) => !q || `${r.name} ${r.description ?? ''} ${r.chain.join(' ')}`.toLowerCase().includes(q),
    );
  }, [roles.data, search]);

  const columns: TableProps<Role>['columns'] = [
    {
      key: 'name',
      title: t('roles.name'),
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, r) => (
        <>
          <strong>{r.name}</strong> {r.isSystem && <Tag color="blue">{t('roles.systemRole')}</Tag>}
          {r.description && <div className="acc-muted">{r.description}</div>}
        </>
      ),
    },
    { key: 'chain', title: t('roles.chain'), render: (_, r) => <Chain names={r.chain} /> },
    {
      key: 'depth',
      title: t('roles.depth'),
      align: 'right',
      sorter: (a, b) => a.depth - b.depth,
      render: (_, r) =>
        r.depth > MAX_INHERITANCE_DEPTH ? (
          <span className="acc-loss">{t('chain.depth', { count: r.depth })}</span>
        ) : (
          t('chain.depth', { count: r.depth })
        ),
    },
    {
      key: 'holders',
      title: t('roles.holders'),
      align: 'right',
      sorter: (a, b) => a.holders - b.holders,
      dataIndex: 'holders',
    },
    {
      key: 'status',
      title: t('roles.status'),
      render: (_, r) => {
        const reason = suspensionText(t, r);
        return (
          <>
            <RoleStatusTag role={r} />
            {reason && (
              <div className="acc-loss" style={{ fontWeight: 400, fontSize: 12, marginTop: 4 }}>
                {reason}
              </div>
            )}
          </>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <span className="row-actions" style={{ display: 'inline-flex', gap: 8 }}>
          <Button size="small" onClick={() => setParam('edit', r.id)} aria-label={`${t('common.edit')} ${r.name}`}>
            {t('common.edit')}
          </Button>
          {!r.isSystem && (
            <Tooltip title={r.holders > 0 ? t('roles.deleteBlocked', { count: r.holders }) : undefined}>
              <Button
                size="small"
                danger
                disabled={r.holders > 0}
                onClick={() => confirmDelete(r)}
                aria-label={`${t('common.delete')} ${r.name}`}
              >
                {t('common.delete')}
              </Button>
            </Tooltip>
          )}
        </span>
      ),
    },
  ];

  const editingRole = editing && editing !== 'new' ? roles.data?.find((r) => r.id === editing) : undefined;

  return (
    <AccessPage
      title={t('title.roles')}
      intro={t('roles.intro')}
      actions={
        tab === 'roles' ? (
          <Button type="primary" onClick={() => setParam('edit', 'new')} disabled={!roles.data}>
            + {t('roles.new')}
          </Button>
        ) : undefined
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'users' ? 'users' : null)}
        items={[
          {
            key: 'roles',
            label: t('roles.tabRoles'),
            children: roles.isPending ? (
              <Loading rows={8} />
            ) : roles.isError ? (
              <ErrorBlock error={roles.error} onRetry={() => void roles.refetch()} retrying={roles.isFetching} />
            ) : roles.data.length === 0 ? (
              <EmptyBlock>{t('roles.empty')}</EmptyBlock>
            ) : (
              <>
                <div className="acc-toolbar">
                  <Input.Search
                    allowClear
                    style={{ maxWidth: 320 }}
                    aria-label={t('roles.search')}
                    placeholder={t('roles.search')}
                    value={search}
                    onChange={(e) => setSearch(e.target.value)}
                  />
                </div>
                <Table<Role>
                  rowKey="id"
                  columns={columns}
                  dataSource={rows}
                  pagination={false}
                  rowClassName={(r) => (r.suspendedReason ? 'acc-row-suspended' : '')}
                  onRow={(r) => (r.suspendedReason ? { style: { background: '#fdecea' } } : {})}
                  scroll={{ x: 'max-content' }}
                />
              </>
            ),
          },
          { key: 'users', label: t('roles.tabUsers'), children: <UserRolesPanel /> },
        ]}
      />
      {editing && roles.data && (editing === 'new' || editingRole) && (
        <RoleEditor key={editing} role={editingRole} roles={roles.data} onClose={() => setParam('edit', null)} />
      )}
    </AccessPage>
  );
}
