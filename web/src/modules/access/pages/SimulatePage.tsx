import { useState } from 'react';
import { Alert, Button, Select, Space } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../app/api/client.ts';
import { labelOf, useAccessT, type AccessT } from '../i18n/index.ts';
import {
  accessActions,
  accessObjects,
  dataScopes,
  MAX_INHERITANCE_DEPTH,
  rolesQuery,
  runSimulation,
  SYSTEM_OBJECT,
  systemPermissions,
  usersQuery,
  type SimulateChange,
} from '../api/access.ts';
import { SimulationResultView } from '../components/SimulationResult.tsx';
import { AccessPage, chainText, Loading } from '../components/shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

type Op = SimulateChange['op'];
const ops: Op[] = ['addUserRole', 'removeUserRole', 'setRoleParent', 'setGrant'];
const NO_PARENT = '__none__';

interface Draft {
  op: Op;
  userId?: string;
  roleId?: string;
  parentRoleId?: string;
  object?: string;
  action?: string;
  scope?: string;
}

function toChange(d: Draft): SimulateChange | null {
  switch (d.op) {
    case 'addUserRole':
    case 'removeUserRole':
      return d.userId && d.roleId ? { op: d.op, userId: d.userId, roleId: d.roleId } : null;
    case 'setRoleParent':
      return d.roleId && d.parentRoleId
        ? { op: 'setRoleParent', roleId: d.roleId, parentRoleId: d.parentRoleId === NO_PARENT ? null : d.parentRoleId }
        : null;
    case 'setGrant':
      return d.roleId && d.object && d.action && d.scope
        ? { op: 'setGrant', roleId: d.roleId, object: d.object, action: d.action, scope: d.scope }
        : null;
  }
}

function inheritanceText(t: AccessT, error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'ROLE_INHERITANCE_INVALID') return null;
  const chain = Array.isArray(error.details.chain) ? (error.details.chain as unknown[]).map(String) : [];
  if (!chain.length) return error.message;
  if (error.details.cycle) return t('chain.cycle', { chain: chainText(t, [...chain, chain[0]!]) });
  return t('chain.tooDeep', {
    chain: chainText(t, chain),
    depth: Number(error.details.depth ?? chain.length - 1),
    max: MAX_INHERITANCE_DEPTH,
  });
}

/** 模拟: build a list of proposed changes, run them as a dry run, show per-user gains and losses. */
export default function SimulatePage() {
  const { t } = useAccessT();
  const roles = useQuery(rolesQuery);
  const users = useQuery(usersQuery);
  const [draft, setDraft] = useState<Draft>({ op: 'addUserRole' });
  const [changes, setChanges] = useState<SimulateChange[]>([]);
  const simulate = useMutation({ mutationFn: runSimulation });

  const roleName = (id: string | null) =>
    id ? (roles.data?.find((r) => r.id === id)?.name ?? id) : t('simulate.parentNone');
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? id;
  const describe = (c: SimulateChange) => {
    switch (c.op) {
      case 'addUserRole':
      case 'removeUserRole':
        return t(`simulate.describe.${c.op}`, { user: userName(c.userId), role: roleName(c.roleId) });
      case 'setRoleParent':
        return t('simulate.describe.setRoleParent', { role: roleName(c.roleId), parent: roleName(c.parentRoleId) });
      case 'setGrant':
        return t('simulate.describe.setGrant', {
          role: roleName(c.roleId),
          object: labelOf(t, 'object', c.object),
          action: c.object === SYSTEM_OBJECT ? labelOf(t, 'system', c.action) : labelOf(t, 'action', c.action),
          scope: labelOf(t, 'scope', c.scope),
        });
    }
  };

  const ready = toChange(draft);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const roleOptions = (roles.data ?? []).map((r) => ({
    value: r.id,
    label: r.chain.length > 1 ? t('roles.parentOption', { name: r.name, chain: chainText(t, r.chain) }) : r.name,
  }));
  const userOptions = (users.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}${u.username ? ` (${u.username})` : ''}`,
  }));
  const actionOptions: Array<{ value: string; label: string }> =
    draft.object === SYSTEM_OBJECT
      ? systemPermissions.map((p) => ({ value: p, label: labelOf(t, 'system', p) }))
      : accessActions.map((a) => ({ value: a, label: labelOf(t, 'action', a) }));
  const scopeOptions = (draft.object === SYSTEM_OBJECT ? ['all', 'none'] : [...dataScopes, 'none']).map((s) => ({
    value: s,
    label: labelOf(t, 'scope', s),
  }));

  const field = (id: string, label: string, control: React.ReactNode) => (
    <div className="acc-toolbar__field" key={id}>
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );

  const run = () => {
    simulate.reset();
    simulate.mutate(changes);
  };
  const inheritance = inheritanceText(t, simulate.error);

  return (
    <AccessPage title={t('title.simulate')} intro={t('simulate.intro')}>
      <Alert type="info" showIcon message={t('simulate.nothingChanged')} className="acc-error" />
      {roles.isPending || users.isPending ? (
        <Loading rows={4} />
      ) : roles.isError ? (
        <ErrorBlock error={roles.error} onRetry={() => void roles.refetch()} retrying={roles.isFetching} />
      ) : users.isError ? (
        <ErrorBlock error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
      ) : (
        <>
          <section className="acc-card" aria-labelledby="sim-changes">
            <h2 id="sim-changes">{t('simulate.changes')}</h2>
            {changes.length === 0 ? (
              <p className="acc-muted">{t('simulate.noChanges')}</p>
            ) : (
              <ol className="acc-change-list">
                {changes.map((c, i) => (
                  <li key={i}>
                    <span>
                      <span className="acc-change-list__n">{i + 1}.</span>
                      {describe(c)}
                    </span>
                    <Button
                      size="small"
                      onClick={() => setChanges((list) => list.filter((_, j) => j !== i))}
                      aria-label={`${t('common.remove')}: ${describe(c)}`}
                    >
                      {t('common.remove')}
                    </Button>
                  </li>
                ))}
              </ol>
            )}
            <form
              className="acc-toolbar"
              onSubmit={(event) => {
                event.preventDefault();
                if (!ready) return;
                setChanges((list) => [...list, ready]);
                setDraft({ op: draft.op });
              }}
            >
              {field(
                'sim-op',
                t('simulate.op'),
                <Select
                  id="sim-op"
                  style={{ minWidth: 200 }}
                  value={draft.op}
                  onChange={(op: Op) => setDraft({ op })}
                  options={ops.map((op) => ({ value: op, label: t(`simulate.ops.${op}`) }))}
                />,
              )}
              {(draft.op === 'addUserRole' || draft.op === 'removeUserRole') &&
                field(
                  'sim-user',
                  t('simulate.user'),
                  <Select
                    id="sim-user"
                    showSearch
                    optionFilterProp="label"
                    style={{ minWidth: 200 }}
                    value={draft.userId}
                    onChange={(userId: string) => update({ userId })}
                    options={userOptions}
                  />,
                )}
              {field(
                'sim-role',
                t('simulate.role'),
                <Select
                  id="sim-role"
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 220 }}
                  value={draft.roleId}
                  onChange={(roleId: string) => update({ roleId })}
                  options={roleOptions}
                />,
              )}
              {draft.op === 'setRoleParent' &&
                field(
                  'sim-parent',
                  t('simulate.parent'),
                  <Select
                    id="sim-parent"
                    showSearch
                    optionFilterProp="label"
                    style={{ minWidth: 220 }}
                    value={draft.parentRoleId}
                    onChange={(parentRoleId: string) => update({ parentRoleId })}
                    options={[
                      { value: NO_PARENT, label: t('simulate.parentNone') },
                      ...roleOptions.filter((o) => o.value !== draft.roleId),
                    ]}
                  />,
                )}
              {draft.op === 'setGrant' && (
                <>
                  {field(
                    'sim-object',
                    t('simulate.object'),
                    <Select
                      id="sim-object"
                      style={{ minWidth: 140 }}
                      value={draft.object}
                      onChange={(object: string) => update({ object, action: undefined, scope: undefined })}
                      options={[...accessObjects, SYSTEM_OBJECT].map((o) => ({
                        value: o,
                        label: labelOf(t, 'object', o),
                      }))}
                    />,
                  )}
                  {field(
                    'sim-action',
                    t('simulate.action'),
                    <Select
                      id="sim-action"
                      style={{ minWidth: 140 }}
                      value={draft.action}
                      onChange={(action: string) => update({ action })}
                      options={actionOptions}
                    />,
                  )}
                  {field(
                    'sim-scope',
                    t('simulate.scope'),
                    <Select
                      id="sim-scope"
                      style={{ minWidth: 160 }}
                      value={draft.scope}
                      onChange={(scope: string) => update({ scope })}
                      options={scopeOptions}
                    />,
                  )}
                </>
              )}
              <Button htmlType="submit" disabled={!ready} title={ready ? undefined : t('simulate.incomplete')}>
                + {t('simulate.add')}
              </Button>
            </form>
            <Space>
              <Button type="primary" onClick={run} disabled={changes.length === 0} loading={simulate.isPending}>
                {simulate.isPending ? t('simulate.running') : t('simulate.run')}
              </Button>
              <Button
                onClick={() => {
                  setChanges([]);
                  simulate.reset();
                }}
                disabled={changes.length === 0 && !simulate.data}
              >
                {t('simulate.clear')}
              </Button>
            </Space>
          </section>

          {simulate.isError &&
            (inheritance ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                className="acc-error"
                message={t('roles.inheritanceInvalid')}
                description={
                  <>
                    {inheritance}
                    <div className="acc-muted">
                      {t('errors.serverSays', { message: (simulate.error as Error).message })}
                    </div>
                  </>
                }
              />
            ) : (
              <ErrorBlock error={simulate.error} onRetry={run} retrying={simulate.isPending} />
            ))}
          {simulate.data && (
            <section aria-labelledby="sim-results">
              <h2 className="acc-section-title" id="sim-results">
                {t('simulate.results')}
              </h2>
              <SimulationResultView result={simulate.data} />
            </section>
          )}
        </>
      )}
    </AccessPage>
  );
}
