import { useErrorText } from '../../../app/ui/describeError.ts';
import { Fragment, useMemo, useState } from 'react';
import { Alert, App, Button, Select, Switch } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { labelOf, useAccessT } from '../i18n/index.ts';
import { Link } from 'wouter';
import { matrixQuery, type MatrixRole } from '../api/access.ts';
import { downloadMatrixXlsx } from '../api/exports.ts';
import { AccessPage, Chain, chainText, EmptyBlock, Loading, ScopeTag, suspensionText } from '../components/shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';

/** 权限矩阵: roles × objects × actions, each effective grant with its scope and where it comes from. */
export default function MatrixPage() {
  const { t } = useAccessT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const matrix = useQuery(matrixQuery);
  const [roleFilter, setRoleFilter] = useState<string[]>([]);
  const [objectFilter, setObjectFilter] = useState<string[]>([]);
  const [onlyGranted, setOnlyGranted] = useState(true);

  const download = useMutation({
    mutationFn: () => downloadMatrixXlsx(`${t('title.matrix')}.xlsx`),
    onSuccess: () => void message.success(t('matrix.exported')),
    onError: (error) => {
      void message.error(errorText(error));
    },
  });

  const data = matrix.data;
  const roles = useMemo(
    () => (data?.roles ?? []).filter((r) => !roleFilter.length || roleFilter.includes(r.id)),
    [data, roleFilter],
  );
  const objects = useMemo(
    () => (data?.objects ?? []).filter((o) => !objectFilter.length || objectFilter.includes(o)),
    [data, objectFilter],
  );
  const actions = data?.actions ?? [];

  const rowsOf = (role: MatrixRole) =>
    objects.filter((object) => {
      if (!onlyGranted) return true;
      return Object.keys(role.cells[object] ?? {}).length > 0 || role.fieldRules.some((f) => f.object === object);
    });

  const exportButton = (
    <Button onClick={() => download.mutate()} loading={download.isPending} disabled={!data}>
      {download.isPending ? t('matrix.exporting') : t('matrix.export')}
    </Button>
  );

  return (
    <AccessPage title={t('title.matrix')} intro={t('matrix.intro')} actions={exportButton}>
      {matrix.isPending ? (
        <Loading rows={8} />
      ) : matrix.isError ? (
        <ErrorBlock error={matrix.error} onRetry={() => void matrix.refetch()} retrying={matrix.isFetching} />
      ) : !data || data.roles.length === 0 ? (
        <EmptyBlock>{t('matrix.empty')}</EmptyBlock>
      ) : (
        <>
          <Alert
            type={data.leastPrivilege ? 'info' : 'warning'}
            showIcon
            className="acc-error"
            message={data.leastPrivilege ? t('matrix.leastPrivilegeOn') : t('matrix.leastPrivilegeOff')}
          />
          <div className="acc-toolbar">
            <div className="acc-toolbar__field">
              <label htmlFor="matrix-roles">{t('matrix.filterRoles')}</label>
              <Select
                id="matrix-roles"
                mode="multiple"
                allowClear
                style={{ minWidth: 260 }}
                placeholder={t('common.all')}
                value={roleFilter}
                onChange={setRoleFilter}
                optionFilterProp="label"
                options={data.roles.map((r) => ({ value: r.id, label: r.name }))}
              />
            </div>
            <div className="acc-toolbar__field">
              <label htmlFor="matrix-objects">{t('matrix.filterObjects')}</label>
              <Select
                id="matrix-objects"
                mode="multiple"
                allowClear
                style={{ minWidth: 260 }}
                placeholder={t('common.all')}
                value={objectFilter}
                onChange={setObjectFilter}
                optionFilterProp="label"
                options={data.objects.map((o) => ({ value: o, label: labelOf(t, 'object', o) }))}
              />
            </div>
            <div className="acc-toolbar__field" style={{ minWidth: 0, alignItems: 'flex-start' }}>
              <label htmlFor="matrix-only">{t('matrix.onlyGranted')}</label>
              <Switch id="matrix-only" checked={onlyGranted} onChange={setOnlyGranted} />
            </div>
          </div>
          <div className="acc-legend" aria-label={t('matrix.legend')}>
            <span>
              <span className="acc-legend__swatch acc-legend__swatch--inherited" aria-hidden="true" />
              {t('matrix.legendInherited')}
            </span>
            <span>
              <span className="acc-legend__swatch acc-legend__swatch--suspended" aria-hidden="true" />
              {t('matrix.legendSuspended')}
            </span>
            <Link to="/access/roles">{t('matrix.holdersLink')}</Link>
          </div>

          <div className="acc-matrix-wrap" tabIndex={0} role="region" aria-label={t('matrix.tableCaption')}>
            <table className="acc-matrix">
              <caption className="sr-only">{t('matrix.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('matrix.role')}</th>
                  <th scope="col">{t('matrix.objectCol')}</th>
                  {actions.map((a) => (
                    <th scope="col" key={a}>
                      {labelOf(t, 'action', a)}
                    </th>
                  ))}
                  <th scope="col">{t('matrix.fieldRules')}</th>
                </tr>
              </thead>
              {roles.map((role) => {
                const suspended = suspensionText(t, role);
                const rows = suspended ? [] : rowsOf(role);
                const roleHeader = (span: number) => (
                  <th scope="rowgroup" rowSpan={span} className="acc-matrix__role">
                    <Chain names={role.chain} />
                    {suspended && (
                      <span className="acc-suspended-note">{t('chain.suspended', { reason: suspended })}</span>
                    )}
                    {role.status === 'disabled' && !suspended && (
                      <span className="acc-suspended-note">{t('chain.disabled')}</span>
                    )}
                  </th>
                );
                if (suspended || rows.length === 0) {
                  return (
                    <tbody
                      key={role.id}
                      className={suspended ? 'is-suspended' : undefined}
                      title={role.suspendedReason ?? undefined}
                    >
                      <tr>
                        {roleHeader(1)}
                        <td
                          colSpan={actions.length + 2}
                          className={suspended ? 'acc-matrix__suspended-cell' : 'acc-muted'}
                        >
                          {suspended ? t('matrix.suspendedRow') : t('matrix.noRows')}
                        </td>
                      </tr>
                    </tbody>
                  );
                }
                return (
                  <tbody key={role.id}>
                    {rows.map((object, index) => (
                      <tr key={object}>
                        {index === 0 && roleHeader(rows.length)}
                        <th scope="row" className="acc-matrix__object">
                          {labelOf(t, 'object', object)}
                        </th>
                        {actions.map((action) => {
                          const cell = role.cells[object]?.[action];
                          if (!cell) {
                            return (
                              <td key={action} className="acc-matrix__cell acc-matrix__empty">
                                <span aria-hidden="true">·</span>
                                <span className="sr-only">{t('matrix.notGranted')}</span>
                              </td>
                            );
                          }
                          const inherited = cell.source === 'inherited';
                          return (
                            <td
                              key={action}
                              className={
                                inherited ? 'acc-matrix__cell acc-matrix__cell--inherited' : 'acc-matrix__cell'
                              }
                            >
                              <ScopeTag scope={cell.scope} />
                              {inherited && (
                                <span
                                  className="acc-matrix__via"
                                  title={t('chain.via', { chain: chainText(t, cell.via) })}
                                >
                                  ↑ {t('chain.inheritedFrom', { name: cell.via.at(-1) ?? '' })}
                                  <span className="sr-only">. {t('chain.via', { chain: chainText(t, cell.via) })}</span>
                                </span>
                              )}
                            </td>
                          );
                        })}
                        <td>
                          {role.fieldRules
                            .filter((f) => f.object === object)
                            .map((f) => (
                              <Fragment key={f.field}>
                                <code>{f.field}</code>: {labelOf(t, 'fieldRule', f.rule)}
                                <br />
                              </Fragment>
                            ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>

          <section className="acc-card" style={{ marginTop: 16 }} aria-labelledby="matrix-system">
            <h2 id="matrix-system">{t('matrix.systemTitle')}</h2>
            <div
              className="acc-matrix-wrap"
              style={{ maxHeight: 'none' }}
              tabIndex={0}
              role="region"
              aria-label={t('matrix.systemCaption')}
            >
              <table className="acc-matrix">
                <caption className="sr-only">{t('matrix.systemCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('matrix.role')}</th>
                    {data.systemPermissions.map((p) => (
                      <th scope="col" key={p}>
                        {labelOf(t, 'system', p)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {roles.map((role) => {
                    const suspended = suspensionText(t, role);
                    return (
                      <tr key={role.id} className={suspended ? 'is-suspended' : undefined}>
                        <th scope="row" className="acc-matrix__role">
                          {role.name}
                          {suspended && <span className="acc-suspended-note">{t('roleStatus.suspended')}</span>}
                        </th>
                        {data.systemPermissions.map((p) =>
                          role.system.includes(p) ? (
                            <td key={p} className="acc-check">
                              <span aria-hidden="true">✓</span>
                              <span className="sr-only">{t('matrix.granted')}</span>
                            </td>
                          ) : (
                            <td key={p} className="acc-matrix__empty">
                              <span aria-hidden="true">·</span>
                              <span className="sr-only">{t('matrix.notGranted')}</span>
                            </td>
                          ),
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </AccessPage>
  );
}
