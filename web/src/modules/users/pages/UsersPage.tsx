import { useCallback, useMemo, useState } from 'react';
import { Button, Form, Input, Select, Switch, Table, TreeSelect, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { userRoles } from '../../../../../common/enums.ts';
import { api } from '../../../app/api/client.ts';
import type { Department, Page, UserRecord } from '../../../app/api/types.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { RowActions } from '../../../app/ui/records/RowActions.tsx';
import { Tag } from '../../../app/ui/states.tsx';
import { useFormat } from '../../../app/format/format.ts';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useEnumLabel } from '../../../app/i18n/hooks.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { RecordModal } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { trimOrNull, emptyToNull, type Values } from '../../../app/forms/values.ts';
import { departmentsQuery, departmentTree } from '../../departments/api/departments.ts';

export const usersQuery = {
  queryKey: ['users', 'admin'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<Page<UserRecord>>('/users', { limit: 200, sort: 'username' }, signal).then((p) => p.data),
};

/** Admin: the company's users, their department, manager and role. */
export default function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.users'));
  const label = useEnumLabel();
  const format = useFormat();
  const users = useQuery(usersQuery);
  const departments = useQuery(departmentsQuery);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ id?: string } | null>(null);
  const deptNames = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);
  // Sandboxed viewers get other users masked ({id, masked, displayName: 'X***'}): listed, not editable.
  const rows = (users.data ?? []).filter(
    (u) => !search || `${u.displayName} ${u.username} ${u.email ?? ''}`.toLowerCase().includes(search.toLowerCase()),
  );

  const columns: TableProps<UserRecord>['columns'] = [
    {
      key: 'displayName',
      title: t('admin.users.displayName'),
      dataIndex: 'displayName',
      render: (v: string, u) =>
        u.isService ? (
          <>
            {v} <Tag>{t('admin.users.service')}</Tag>
          </>
        ) : (
          v
        ),
    },
    { key: 'username', title: t('user.username'), dataIndex: 'username' },
    {
      key: 'department',
      title: t('admin.users.department'),
      render: (_, u) => (u.departmentId ? deptNames.get(u.departmentId) : null) ?? t('common.none'),
    },
    {
      key: 'role',
      title: t('user.role'),
      render: (_, u) => u.role && <Tag tone={u.role === 'admin' ? 'primary' : 'grey'}>{label('role', u.role)}</Tag>,
    },
    {
      key: 'active',
      title: t('admin.users.active'),
      render: (_, u) =>
        u.isActive === undefined ? null : u.isActive ? (
          <Tag tone="green">{t('admin.users.activeYes')}</Tag>
        ) : (
          <Tag>{t('admin.users.activeNo')}</Tag>
        ),
    },
    {
      key: 'lastLoginAt',
      title: t('admin.users.lastLogin'),
      render: (_, u) => format.dateTime(u.lastLoginAt) ?? t('common.none'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, u) =>
        u.username === undefined ? null : (
          <RowActions
            resource="users"
            object="user"
            record={u}
            name={u.displayName}
            onEdit={(id) => setEditing({ id })}
          />
        ),
    },
  ];

  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1 className="page__title">{t('nav.users')}</h1>
        <Button type="primary" onClick={() => setEditing({})}>
          + {t('admin.users.new')}
        </Button>
      </div>
      <div className="filters">
        <Input
          type="search"
          allowClear
          className="filters__search"
          aria-label={t('admin.users.search')}
          placeholder={t('admin.users.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
      ) : (
        <Table<UserRecord>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={users.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      )}
      {editing && (
        <UserEditor
          id={editing.id}
          departments={departments.data ?? []}
          users={users.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function UserEditor({
  id,
  departments,
  users,
  onClose,
}: {
  id?: string;
  departments: Department[];
  users: UserRecord[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [form] = Form.useForm<Values>();
  const tree = useMemo(() => departmentTree(departments), [departments]);
  const fields: FieldSpec[] = [
    { name: 'username', label: t('user.username') },
    { name: 'displayName', label: t('admin.users.displayName') },
    { name: 'departmentId', label: t('admin.users.department') },
    { name: 'managerId', label: t('admin.users.manager') },
    { name: 'role', label: t('user.role') },
    { name: 'isActive', label: t('admin.users.active') },
    { name: 'employeeNo', label: t('admin.users.employeeNo') },
    { name: 'phone', label: t('admin.users.phone') },
    { name: 'email', label: t('admin.users.email') },
    { name: 'hireDate', label: t('admin.users.hireDate') },
    { name: 'password', label: t('login.password') },
  ];
  const fromRecord = useCallback(
    (u: UserRecord): Values => ({
      username: u.username,
      displayName: u.displayName,
      departmentId: u.departmentId,
      managerId: u.managerId,
      role: u.role,
      isActive: u.isActive,
      employeeNo: u.employeeNo ?? '',
      phone: u.phone ?? '',
      email: u.email ?? '',
      hireDate: u.hireDate ?? '',
    }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      username: typeof v.username === 'string' ? v.username.trim() : v.username,
      displayName: typeof v.displayName === 'string' ? v.displayName.trim() : v.displayName,
      departmentId: v.departmentId ?? null,
      managerId: v.managerId ?? null,
      role: v.role,
      isActive: Boolean(v.isActive),
      employeeNo: trimOrNull(v.employeeNo),
      phone: trimOrNull(v.phone),
      email: trimOrNull(v.email),
      hireDate: emptyToNull(v.hireDate),
      ...(id ? {} : { password: v.password || undefined }),
    }),
    [id],
  );
  const state = useRecordForm<UserRecord>({
    resource: 'users',
    id,
    form,
    fields,
    fromRecord,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordModal
      title={id ? t('admin.users.edit') : t('admin.users.new')}
      open
      onClose={onClose}
      state={state}
      form={form}
      initialValues={{ role: 'member', isActive: true }}
    >
      <div className="form-grid">
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('admin.users.displayName') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('user.username') }) }]}
        >
          <Input maxLength={60} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        {!id && (
          <Form.Item name="password" label={t('login.password')} extra={t('admin.users.passwordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('user.role')}>
          <Select options={userRoles.map((value) => ({ value, label: label('role', value) }))} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('admin.users.department')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={tree} fieldNames={{ label: 'title', value: 'key' }} />
        </Form.Item>
        <Form.Item name="managerId" label={t('admin.users.manager')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={users.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('admin.users.employeeNo')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="hireDate" label={t('admin.users.hireDate')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.users.phone')}>
          <Input type="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email', message: t('form.email') }]}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="isActive" label={t('admin.users.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
    </RecordModal>
  );
}
