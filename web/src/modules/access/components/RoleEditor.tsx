import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Switch, type InputRef } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../app/api/client.ts';
import { labelOf, useAccessT } from '../i18n/index.ts';
import {
  accessActions,
  accessKeys,
  accessObjects,
  createRole,
  dataScopes,
  isNonInheritable,
  MAX_INHERITANCE_DEPTH,
  matrixQuery,
  SYSTEM_OBJECT,
  systemPermissions,
  updateRole,
  type FieldRule,
  type Role,
  type RoleInput,
} from '../api/access.ts';
import { Chain, chainText } from './shared.tsx';
import { ErrorBlock } from '../../../app/ui/ErrorBlock.tsx';
import { FieldRulesEditor } from './FieldRulesEditor.tsx';
import {
  grantsToState,
  inheritanceMessage,
  parseFilter,
  previewChain,
  type GrantState,
  type HeadValues,
} from './role-editor-model.ts';

export function RoleEditor({ role, roles, onClose }: { role?: Role; roles: Role[]; onClose: () => void }) {
  const { t } = useAccessT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HeadValues>();
  const initial = useMemo(() => grantsToState(role), [role]);
  const [grants, setGrants] = useState<GrantState>(initial.grants);
  const [system, setSystem] = useState<string[]>(initial.system);
  const [fieldRules, setFieldRules] = useState<FieldRule[]>(role?.fieldRules ?? []);
  const [rejectedChain, setRejectedChain] = useState<string | null>(null);
  const matrix = useQuery(matrixQuery);
  const nameInput = useRef<InputRef>(null);

  useEffect(() => {
    form.setFieldsValue({
      name: role?.name ?? '',
      description: role?.description ?? '',
      parentRoleId: role?.parentRoleId ?? null,
      enabled: role ? role.status !== 'disabled' : true,
    });
  }, [role, form]);

  const name = Form.useWatch('name', form) ?? role?.name ?? '';
  const parentId = Form.useWatch('parentRoleId', form);
  const preview = previewChain(roles, role?.id, name, parentId);
  const previewBad = preview.cycle || preview.depth > MAX_INHERITANCE_DEPTH;

  // What the parent passes down (effective grants of the parent, minus non-inheritable ones under least privilege).
  const parentCells = useMemo(() => {
    if (!parentId || !matrix.data) return {};
    const parent = matrix.data.roles.find((r) => r.id === parentId);
    if (!parent || parent.suspendedReason) return {};
    return parent.cells;
  }, [parentId, matrix.data]);
  const leastPrivilege = matrix.data?.leastPrivilege ?? true;

  const setCell = (object: string, action: string, scope: string | undefined) =>
    setGrants((previous) => {
      const row = { ...previous[object] };
      if (!scope) delete row[action];
      else row[action] = { scope, filterText: row[action]?.filterText ?? '' };
      return { ...previous, [object]: row };
    });
  const setFilter = (object: string, action: string, filterText: string) =>
    setGrants((previous) => ({
      ...previous,
      [object]: { ...previous[object], [action]: { scope: 'custom', filterText } },
    }));

  const badFilters = Object.entries(grants).flatMap(([object, row]) =>
    Object.entries(row)
      .filter(([, cell]) => cell.scope === 'custom' && !parseFilter(cell.filterText))
      .map(([action]) => `${object}.${action}`),
  );
  const badRules = fieldRules.some((r) => !r.field.trim());

  const save = useMutation({
    mutationFn: (values: HeadValues) => {
      const body: RoleInput = {
        name: values.name.trim(),
        description: values.description?.trim() ? values.description.trim() : null,
        parentRoleId: values.parentRoleId ?? null,
        grants: [
          ...Object.entries(grants).flatMap(([object, row]) =>
            Object.entries(row).map(([action, cell]) => ({
              object,
              action,
              scope: cell.scope,
              filter: cell.scope === 'custom' ? parseFilter(cell.filterText) : null,
            })),
          ),
          ...system.map((action) => ({ object: SYSTEM_OBJECT, action, scope: 'all', filter: null })),
        ],
        fieldRules: fieldRules.map((r) => ({ ...r, field: r.field.trim() })),
      };
      if (!role) return createRole(body);
      return updateRole(role.id, { ...body, status: values.enabled ? 'active' : 'disabled', version: role.version });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.all });
      void message.success(role ? t('roles.updated', { name: saved.name }) : t('roles.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'ROLE_INHERITANCE_INVALID') {
        const text = inheritanceMessage(t, error.details, error.message);
        setRejectedChain(text);
        form.setFields([{ name: 'parentRoleId', errors: [text] }]);
        form.scrollToField('parentRoleId');
        return;
      }
      const head = error.fields.filter((f) => ['name', 'description', 'parentRoleId'].includes(f.path));
      if (head.length) form.setFields(head.map((f) => ({ name: f.path as keyof HeadValues, errors: [f.message] })));
    },
  });

  const parentOptions = roles
    .filter((r) => r.id !== role?.id)
    .map((r) => ({
      value: r.id,
      label: r.chain.length > 1 ? t('roles.parentOption', { name: r.name, chain: chainText(t, r.chain) }) : r.name,
    }));

  return (
    <Drawer
      open
      width={Math.min(1080, window.innerWidth - 40)}
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.newTitle')}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => visible && nameInput.current?.focus()}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={save.isPending}
            disabled={badFilters.length > 0 || badRules}
          >
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </Space>
      }
    >
      {save.isError && (
        <div style={{ marginBottom: 16 }}>
          {isApiError(save.error) && save.error.code === 'ROLE_INHERITANCE_INVALID' ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={t('roles.inheritanceInvalid')}
              description={
                <>
                  {rejectedChain}
                  <div className="acc-muted">{t('errors.serverSays', { message: save.error.message })}</div>
                </>
              }
            />
          ) : isApiError(save.error) && (save.error.code === 'VERSION_CONFLICT' || save.error.status === 409) ? (
            <Alert
              type="warning"
              showIcon
              role="alert"
              message={t('roles.versionConflict')}
              description={t('errors.serverSays', { message: save.error.message })}
            />
          ) : (
            <ErrorBlock error={save.error} fallback="saveFailed" />
          )}
        </div>
      )}
      <Form<HeadValues>
        form={form}
        layout="vertical"
        disabled={save.isPending || role?.isSystem}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed) => {
          if ('parentRoleId' in changed) {
            setRejectedChain(null);
            form.setFields([{ name: 'parentRoleId', errors: [] }]);
          }
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(220px, 1fr) minmax(260px, 1.3fr)', gap: '0 16px' }}>
          <Form.Item
            name="name"
            label={t('roles.name')}
            rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }, { max: 60 }]}
          >
            <Input maxLength={60} ref={nameInput} />
          </Form.Item>
          <Form.Item
            name="parentRoleId"
            label={t('roles.parent')}
            extra={
              <>
                {t('roles.parentHint')}
                <div
                  className={previewBad ? 'acc-chain-preview acc-chain-preview--bad' : 'acc-chain-preview'}
                  aria-live="polite"
                >
                  {preview.cycle
                    ? t('roles.previewCycle', { chain: chainText(t, preview.chain) })
                    : previewBad
                      ? t('roles.previewTooDeep', {
                          chain: chainText(t, preview.chain),
                          depth: preview.depth,
                          max: MAX_INHERITANCE_DEPTH,
                        })
                      : t('roles.previewChain', { chain: chainText(t, preview.chain), depth: preview.depth })}
                </div>
              </>
            }
          >
            <Select
              allowClear
              placeholder={t('roles.parentNone')}
              options={parentOptions}
              optionFilterProp="label"
              showSearch
            />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('roles.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        {role && (
          <Form.Item name="enabled" label={t('roles.status')} valuePropName="checked">
            <Switch
              checkedChildren={t('roleStatus.active')}
              unCheckedChildren={t('roleStatus.disabled')}
              aria-label={t('roles.enabled')}
            />
          </Form.Item>
        )}
      </Form>

      <fieldset disabled={save.isPending || role?.isSystem} style={{ border: 0, padding: 0, margin: 0 }}>
        <h2 className="acc-section-title" id="grants-title">
          {t('roles.grants')}
        </h2>
        <p className="acc-muted">{t('roles.grantsHint')}</p>
        <div className="acc-grants__scroll" role="region" aria-labelledby="grants-title" tabIndex={0}>
          <table className="acc-grants">
            <thead>
              <tr>
                <th scope="col">{t('matrix.objectCol')}</th>
                {accessActions.map((a) => (
                  <th scope="col" key={a}>
                    {labelOf(t, 'action', a)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {accessObjects.map((object) => (
                <tr key={object}>
                  <th scope="row">{labelOf(t, 'object', object)}</th>
                  {accessActions.map((action) => {
                    const cell = grants[object]?.[action];
                    const inherited = parentCells[object]?.[action];
                    const passes = inherited && !(leastPrivilege && isNonInheritable(object, action));
                    const placeholder = passes
                      ? t('roles.inheritedPlaceholder', { scope: labelOf(t, 'scope', inherited.scope) })
                      : t('common.none');
                    const bad = cell?.scope === 'custom' && !parseFilter(cell.filterText);
                    return (
                      <td key={action}>
                        <Select
                          size="small"
                          allowClear
                          value={cell?.scope}
                          placeholder={placeholder}
                          title={inherited && !passes ? t('roles.notInheritable') : undefined}
                          aria-label={t('roles.cellLabel', {
                            object: labelOf(t, 'object', object),
                            action: labelOf(t, 'action', action),
                          })}
                          onChange={(value?: string) => setCell(object, action, value)}
                          options={dataScopes.map((s) => ({ value: s, label: labelOf(t, 'scope', s) }))}
                          popupMatchSelectWidth={false}
                        />
                        {cell?.scope === 'custom' && (
                          <Input
                            size="small"
                            className="acc-grants__filter"
                            status={bad ? 'error' : undefined}
                            value={cell.filterText}
                            placeholder={t('roles.customFilterHint')}
                            aria-label={`${t('roles.customFilter')} — ${labelOf(t, 'object', object)} · ${labelOf(t, 'action', action)}`}
                            aria-invalid={bad}
                            title={bad ? t('roles.customFilterInvalid') : undefined}
                            onChange={(e) => setFilter(object, action, e.target.value)}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {badFilters.length > 0 && (
          <p className="acc-chain-preview acc-chain-preview--bad" role="alert">
            {t('roles.customFilterInvalid')}
          </p>
        )}

        <h2 className="acc-section-title" style={{ marginTop: 20 }} id="system-title">
          {t('roles.systemPermissions')}
        </h2>
        <Checkbox.Group
          value={system}
          onChange={(values) => setSystem(values as string[])}
          aria-labelledby="system-title"
          style={{ width: '100%' }}
        >
          <div className="acc-system-perms">
            {systemPermissions.map((p) => (
              <Checkbox key={p} value={p}>
                {labelOf(t, 'system', p)}
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>

        <FieldRulesEditor rules={fieldRules} onChange={setFieldRules} />
      </fieldset>
      {role && role.chain.length > 1 && (
        <p className="acc-muted" style={{ marginTop: 24 }}>
          {t('roles.chain')}: <Chain names={role.chain} />
        </p>
      )}
    </Drawer>
  );
}
