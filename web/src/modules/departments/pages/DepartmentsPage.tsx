import { useCallback, useMemo, useState } from 'react';
import { Button, Form, Input, InputNumber, Tree, TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../../app/api/types.ts';
import { ErrorState } from '../../../app/ui/ErrorState.tsx';
import { FieldList } from '../../../app/ui/FieldList.tsx';
import { DeleteButton } from '../../../app/ui/records/DeleteButton.tsx';
import { EmptyState, Skeleton } from '../../../app/ui/states.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { useTranslation } from '../../../app/i18n/index.ts';
import { RecordModal } from '../../../app/forms/FormPage.tsx';
import { useRecordForm, type FieldSpec } from '../../../app/forms/useRecordForm.ts';
import { type Values } from '../../../app/forms/values.ts';
import { departmentsQuery, departmentTree, subtreeIds, type DepartmentNode } from '../api/departments.ts';
import { usersQuery } from '../../users/pages/UsersPage.tsx';
import { IfAllowed } from '../../auth/IfAllowed.tsx';

/** Admin: the department tree (parentId/path); pick one to see its people, add a sub-department, rename or move it. */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.departments'));
  const departments = useQuery(departmentsQuery);
  const users = useQuery(usersQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id?: string; parentId?: string | null } | null>(null);
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data]);
  const current = departments.data?.find((d) => d.id === selected);
  const members = (users.data ?? []).filter((u) => u.departmentId === selected);

  return (
    <div className="page page--wide">
      <div className="page__head">
        <h1 className="page__title">{t('nav.departments')}</h1>
        <Button type="primary" onClick={() => setEditing({ parentId: null })}>
          + {t('admin.departments.newRoot')}
        </Button>
      </div>
      {departments.isPending ? (
        <Skeleton rows={6} />
      ) : departments.isError ? (
        <ErrorState
          error={departments.error}
          onRetry={() => void departments.refetch()}
          retrying={departments.isFetching}
        />
      ) : !tree.length ? (
        <EmptyState title={t('admin.departments.empty')} />
      ) : (
        <div className="split">
          <section className="m-card split__side" aria-label={t('admin.departments.tree')}>
            <Tree<DepartmentNode>
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
            />
          </section>
          <section className="m-card split__main" aria-live="polite">
            {current ? (
              <>
                <h2 className="section-title">{current.name}</h2>
                <FieldList
                  items={[
                    {
                      label: t('admin.departments.parent'),
                      value: departments.data.find((d) => d.id === current.parentId)?.name,
                    },
                    { label: t('admin.departments.sortOrder'), value: String(current.sortOrder) },
                    {
                      label: t('admin.departments.members'),
                      value: members.map((u) => u.displayName).join('、'),
                      wide: true,
                    },
                  ]}
                />
                <div className="record-card__actions">
                  <Button onClick={() => setEditing({ parentId: current.id })}>
                    + {t('admin.departments.newChild')}
                  </Button>
                  <IfAllowed action="update" object="user" record={current}>
                    <Button onClick={() => setEditing({ id: current.id })}>{t('common.edit')}</Button>
                  </IfAllowed>
                  <DeleteButton
                    resource="departments"
                    object="user"
                    record={current}
                    id={current.id}
                    name={current.name}
                    onDeleted={() => setSelected(null)}
                  />
                </div>
              </>
            ) : (
              <p className="muted">{t('admin.departments.pick')}</p>
            )}
          </section>
        </div>
      )}
      {editing && (
        <DepartmentEditor
          id={editing.id}
          parentId={editing.parentId ?? null}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function DepartmentEditor({
  id,
  parentId,
  departments,
  onClose,
}: {
  id?: string;
  parentId: string | null;
  departments: Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  // A department cannot move under itself or its own children.
  const tree = useMemo(() => {
    const blocked = id ? subtreeIds(departments, id) : new Set<string>();
    return departmentTree(departments.filter((d) => !blocked.has(d.id)));
  }, [departments, id]);
  const fields: FieldSpec[] = [
    { name: 'name', label: t('admin.departments.name') },
    {
      name: 'parentId',
      label: t('admin.departments.parent'),
      display: (v) => departments.find((d) => d.id === v)?.name ?? String(v),
    },
    { name: 'sortOrder', label: t('admin.departments.sortOrder') },
  ];
  const fromRecord = useCallback(
    (d: Department): Values => ({ name: d.name, parentId: d.parentId, sortOrder: d.sortOrder }),
    [],
  );
  const toBody = useCallback(
    (v: Values): Values => ({
      name: typeof v.name === 'string' ? v.name.trim() : v.name,
      parentId: v.parentId ?? null,
      sortOrder: v.sortOrder ?? 0,
    }),
    [],
  );
  const state = useRecordForm<Department>({
    resource: 'departments',
    id,
    form,
    fields,
    fromRecord,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordModal
      title={id ? t('admin.departments.edit') : t('admin.departments.new')}
      open
      onClose={onClose}
      state={state}
      form={form}
      initialValues={{ parentId, sortOrder: 0 }}
    >
      <Form.Item
        name="name"
        label={t('admin.departments.name')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('admin.departments.name') }) },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="parentId" label={t('admin.departments.parent')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          treeData={tree}
          fieldNames={{ label: 'title', value: 'key' }}
          placeholder={t('admin.departments.noParent')}
        />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('admin.departments.sortOrder')}>
        <InputNumber min={0} max={9999} />
      </Form.Item>
    </RecordModal>
  );
}
