import { useState } from 'react';
import { Alert, Drawer, Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { AntdScope } from '../../../app/antd/AntdScope.tsx';
import { useMe } from '../../auth/session.ts';
import { labelOf, useAccessT, type AccessT } from '../i18n/index.ts';
import { explainQuery, usersQuery, type ExplainAction, type Explanation } from '../api/access.ts';
import { Chain, chainText, Loading, ScopeTag, useDateTime } from './shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

interface Props {
  open: boolean;
  recordType: string;
  recordId: string;
  onClose: () => void;
}

/** The reason in the current language, from the structured answer (the server's text is English). */
function localReason(t: AccessT, object: string, a: ExplainAction, userActive: boolean): string {
  const labels = { object: labelOf(t, 'object', object), action: labelOf(t, 'action', a.action) };
  if (!userActive) return t('explain.inactive');
  const matched = a.grants.filter((g) => g.matched);
  if (a.allowed)
    return matched.length
      ? t('explain.grantedBy', { chain: matched.map((g) => chainText(t, g.via)).join(t('common.groupSeparator')) })
      : t('explain.otherRule');
  if (a.grants.length === 0) return t('explain.noGrant', labels);
  if (matched.length === 0)
    return t('explain.outOfScope', {
      ...labels,
      scopes: [...new Set(a.grants.map((g) => labelOf(t, 'scope', g.scope)))].join(t('common.listSeparator')),
    });
  return t('explain.sandboxed');
}

function ExplainBody({ data }: { data: Explanation }) {
  const { t } = useAccessT();
  const dateTime = useDateTime();
  const rules = Object.entries(data.fieldRules);
  return (
    <>
      {data.sandboxUntil && (
        <Alert
          type="warning"
          showIcon
          message={t('explain.sandboxUntil', { until: dateTime(data.sandboxUntil) })}
          style={{ marginBottom: 12 }}
        />
      )}
      <p className="acc-muted">
        {data.leastPrivilege ? t('explain.leastPrivilegeOn') : t('explain.leastPrivilegeOff')}
      </p>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('explain.title')}>
        {data.actions.map((a) => (
          <li key={a.action} className="acc-explain__action">
            <div className="acc-explain__head">
              <span className={a.allowed ? 'acc-allowed' : 'acc-denied'} aria-hidden="true">
                {a.allowed ? '✓' : '✕'}
              </span>
              <span>{labelOf(t, 'action', a.action)}</span>
              <Tag color={a.allowed ? 'success' : 'error'}>
                {a.allowed ? t('explain.allowed') : t('explain.denied')}
              </Tag>
            </div>
            <p className="acc-explain__reason">{localReason(t, data.record.object, a, data.user.isActive)}</p>
            <p className="acc-muted" style={{ margin: '2px 0 0' }}>
              {t('explain.serverReason', { reason: a.reason })}
            </p>
            {a.grants.length > 0 && (
              <ul className="acc-explain__grants" aria-label={t('explain.grants')}>
                {a.grants.map((g, i) => (
                  <li key={i}>
                    <ScopeTag scope={g.scope} />
                    <Chain names={g.via} />
                    <Tag color={g.matched ? 'success' : 'default'}>
                      {g.matched ? t('explain.matched') : t('explain.notMatched')}
                    </Tag>
                    {g.combined && <Tag color="purple">{t('explain.combined')}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <h3 className="acc-section-title" style={{ marginTop: 20 }}>
        {t('explain.fieldRules')}
      </h3>
      {rules.length === 0 ? (
        <p className="acc-muted">{t('explain.noFieldRules')}</p>
      ) : (
        <table className="acc-grants">
          <thead>
            <tr>
              <th scope="col">{t('explain.field')}</th>
              <th scope="col">{t('explain.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map(([field, rule]) => (
              <tr key={field}>
                <td>
                  <code>{field}</code>
                </td>
                <td>{labelOf(t, 'fieldRule', rule)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function ExplainContent({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { t } = useAccessT();
  const me = useMe().data;
  const users = useQuery(usersQuery);
  const [picked, setPicked] = useState<string | undefined>();
  const userId = picked ?? me?.id;
  const explanation = useQuery({ ...explainQuery(userId ?? '', recordType, recordId), enabled: Boolean(userId) });

  const options = (users.data ?? []).map((u) => ({
    value: u.id,
    label:
      u.id === me?.id
        ? t('explain.userMe', { name: u.displayName })
        : `${u.displayName}${u.username ? ` (${u.username})` : ''}`,
  }));
  if (me && !options.some((o) => o.value === me.id))
    options.unshift({ value: me.id, label: t('explain.userMe', { name: me.displayName }) });

  return (
    <div className="acc-explain-drawer">
      <p className="acc-muted">{t('explain.intro')}</p>
      <div className="acc-toolbar__field" style={{ marginBottom: 16 }}>
        <label htmlFor="explain-user" className="acc-label">
          {t('explain.user')}
        </label>
        <Select
          id="explain-user"
          showSearch
          optionFilterProp="label"
          value={userId}
          onChange={(value: string) => setPicked(value)}
          options={options}
          loading={users.isPending}
        />
      </div>
      {!userId || explanation.isPending ? (
        <Loading rows={6} />
      ) : explanation.isError ? (
        <>
          <ErrorBlock
            error={explanation.error}
            onRetry={() => void explanation.refetch()}
            retrying={explanation.isFetching}
          />
          {userId !== me?.id && (explanation.error as { status?: number }).status === 403 && (
            <p className="acc-muted">{t('explain.forbiddenOther')}</p>
          )}
        </>
      ) : (
        <ExplainBody data={explanation.data} />
      )}
    </div>
  );
}

/** "谁能看到这条记录 / why can't I": per action allowed or denied, with the reason, grant chains and field rules. */
export default function ExplainDrawer({ open, recordType, recordId, onClose }: Props) {
  return (
    <AntdScope>
      <DrawerFrame open={open} onClose={onClose}>
        <ExplainContent recordType={recordType} recordId={recordId} />
      </DrawerFrame>
    </AntdScope>
  );
}

function DrawerFrame({ open, onClose, children }: { open: boolean; onClose: () => void; children: React.ReactNode }) {
  const { t } = useAccessT();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={Math.min(560, window.innerWidth)}
      title={t('explain.title')}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {children}
    </Drawer>
  );
}
