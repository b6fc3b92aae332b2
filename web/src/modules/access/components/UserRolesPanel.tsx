import { useErrorText } from '../../../app/ui/describeError.ts';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAccessT } from '../i18n/index.ts';
import { useSearchParams } from 'wouter';
import {
  accessKeys,
  endSandbox,
  explainQuery,
  rolesQuery,
  runSimulation,
  setUserRoles,
  userRolesQuery,
  usersQuery,
  type SimulateChange,
  type SimulateResult,
} from '../api/access.ts';
import { SimulationResultView } from './SimulationResult.tsx';
import { Chain, EmptyBlock, Loading, RoleStatusTag, useDate, useDateTime } from './shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

/** Pick a user, tick their roles, preview the effect (simulate), save; end a new hire's sandbox. */
export function UserRolesPanel() {
  const { t } = useAccessT();
  const users = useQuery(usersQuery);
  const [params, setParams] = useSearchParams();
  const userId = params.get('user') ?? undefined;
  const date = useDate();

  const pick = (id: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set('user', id);
        else next.delete('user');
        return next;
      },
      { replace: true },
    );

  if (users.isPending) return <Loading rows={3} />;
  if (users.isError)
    return <ErrorBlock error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />;
  if (users.data.length === 0) return <EmptyBlock>{t('userRoles.usersEmpty')}</EmptyBlock>;
  const user = users.data.find((u) => u.id === userId);

  return (
    <div>
      <p className="acc-intro">{t('userRoles.intro')}</p>
      <div className="acc-toolbar">
        <div className="acc-toolbar__field">
          <label htmlFor="user-roles-user">{t('userRoles.user')}</label>
          <Select
            id="user-roles-user"
            showSearch
            allowClear
            style={{ minWidth: 300 }}
            placeholder={t('userRoles.pickUser')}
            value={userId}
            onChange={(value?: string) => pick(value)}
            optionFilterProp="label"
            options={users.data.map((u) => ({
              value: u.id,
              label: `${u.displayName}${u.username ? ` (${u.username})` : ''}${u.isActive === false ? ` · ${t('userRoles.inactive')}` : ''}`,
            }))}
          />
        </div>
        {user?.hireDate && <span className="acc-muted">{t('userRoles.hireDate', { date: date(user.hireDate) })}</span>}
      </div>
      {!user ? (
        <EmptyBlock>{t('userRoles.pickUserFirst')}</EmptyBlock>
      ) : (
        <UserRolesEditor key={user.id} userId={user.id} userName={user.displayName} />
      )}
    </div>
  );
}

function UserRolesEditor({ userId, userName }: { userId: string; userName: string }) {
  const { t } = useAccessT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const held = useQuery(userRolesQuery(userId));
  const [selected, setSelected] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<SimulateResult | null>(null);

  useEffect(() => {
    if (held.data && selected === null) setSelected(held.data.map((r) => r.id));
  }, [held.data, selected]);

  const changes = useMemo<SimulateChange[]>(() => {
    if (!held.data || !selected) return [];
    const before = new Set(held.data.map((r) => r.id));
    const after = new Set(selected);
    return [
      ...[...after].filter((id) => !before.has(id)).map((roleId) => ({ op: 'addUserRole' as const, userId, roleId })),
      ...[...before]
        .filter((id) => !after.has(id))
        .map((roleId) => ({ op: 'removeUserRole' as const, userId, roleId })),
    ];
  }, [held.data, selected, userId]);

  const simulate = useMutation({ mutationFn: () => runSimulation(changes), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: () => setUserRoles(userId, selected ?? []),
    onSuccess: (data) => {
      queryClient.setQueryData(accessKeys.userRoles(userId), data);
      setSelected(data.map((r) => r.id));
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: accessKeys.roles });
      void queryClient.invalidateQueries({ queryKey: ['access', 'explain', userId] });
      void message.success(t('userRoles.saved', { name: userName }));
    },
  });

  if (roles.isPending || held.isPending || selected === null) {
    if (roles.isError)
      return <ErrorBlock error={roles.error} onRetry={() => void roles.refetch()} retrying={roles.isFetching} />;
    if (held.isError)
      return <ErrorBlock error={held.error} onRetry={() => void held.refetch()} retrying={held.isFetching} />;
    return <Loading rows={4} />;
  }
  if (roles.isError)
    return <ErrorBlock error={roles.error} onRetry={() => void roles.refetch()} retrying={roles.isFetching} />;

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(320px, 1fr) minmax(280px, 420px)',
        gap: 16,
        alignItems: 'start',
      }}
    >
      <section className="acc-card" aria-labelledby="user-roles-title">
        <h2 id="user-roles-title">{t('userRoles.roles')}</h2>
        <Checkbox.Group
          value={selected}
          onChange={(values) => {
            setSelected(values as string[]);
            setPreview(null);
          }}
          aria-labelledby="user-roles-title"
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {roles.data.map((r) => (
            <Checkbox key={r.id} value={r.id}>
              <Chain names={r.chain} /> {(r.suspendedReason || r.status !== 'active') && <RoleStatusTag role={r} />}
            </Checkbox>
          ))}
        </Checkbox.Group>
        {save.isError && (
          <div style={{ marginTop: 12 }}>
            <ErrorBlock error={save.error} fallback="saveFailed" />
          </div>
        )}
        {simulate.isError && (
          <div style={{ marginTop: 12 }}>
            <ErrorBlock error={simulate.error} onRetry={() => simulate.mutate()} retrying={simulate.isPending} />
          </div>
        )}
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={changes.length === 0}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button onClick={() => simulate.mutate()} loading={simulate.isPending} disabled={changes.length === 0}>
            {t('userRoles.preview')}
          </Button>
          {changes.length === 0 && <span className="acc-muted">{t('userRoles.noChange')}</span>}
        </Space>
        {preview && (
          <div style={{ marginTop: 16 }}>
            <h3 className="acc-section-title">{t('userRoles.previewTitle')}</h3>
            <SimulationResultView result={preview} />
          </div>
        )}
      </section>
      <SandboxCard userId={userId} userName={userName} />
    </div>
  );
}

/** The sandbox status comes from explain (on the user's own record), the one place the API reports it. */
function SandboxCard({ userId, userName }: { userId: string; userName: string }) {
  const { t } = useAccessT();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const dateTime = useDateTime();
  const status = useQuery(explainQuery(userId, 'user', userId));
  const end = useMutation({
    mutationFn: () => endSandbox(userId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['access', 'explain', userId] });
      void message.success(t('userRoles.sandboxEnded', { name: userName }));
    },
    onError: (error) => {
      void message.error(errorText(error, 'saveFailed'));
    },
  });
  const until = status.data?.sandboxUntil;

  return (
    <section className="acc-card" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">{t('userRoles.sandbox')}</h2>
      {status.isPending ? (
        <Loading rows={2} />
      ) : status.isError ? (
        <ErrorBlock error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      ) : until ? (
        <>
          <Alert type="warning" showIcon message={t('userRoles.sandboxActive', { until: dateTime(until) })} />
          <Button
            style={{ marginTop: 12 }}
            danger
            loading={end.isPending}
            onClick={() =>
              modal.confirm({
                title: t('userRoles.endSandboxTitle', { name: userName }),
                content: t('userRoles.endSandboxHint'),
                okText: t('userRoles.endSandbox'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: () => end.mutateAsync().catch(() => undefined),
              })
            }
          >
            {t('userRoles.endSandbox')}
          </Button>
        </>
      ) : (
        <p className="acc-muted">{t('userRoles.sandboxInactive')}</p>
      )}
    </section>
  );
}
