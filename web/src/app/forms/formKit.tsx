import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, type FormInstance } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currencies } from '../../../../common/enums.ts';
import { isApiError, type ApiError } from '../api/client.ts';
import { customFieldsQuery } from '../../modules/custom-fields/api/customFields.ts';
import { createRecord, recordQuery, updateRecord, type Resource } from '../api/records.ts';
import type { CustomField, CustomFieldObject, RecordBase } from '../api/types.ts';
import { BackLink } from '../ui/BackLink.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { describeError } from '../ui/describeError.ts';
import { Skeleton } from '../ui/states.tsx';
import { showToast } from '../ui/toast.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useTranslation } from '../i18n/index.ts';
import { Link } from 'wouter';

export type Values = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  label: string;
  /** How a value reads in the conflict comparison (option labels, user names …). */
  display?: (value: unknown) => string;
}

// ---------- value helpers ----------

export const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
export const trimOrNull = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** `<input type="datetime-local">` value ↔ ISO timestamp, in the user's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
export const fromLocalInput = (value: unknown) =>
  typeof value === 'string' && value ? new Date(value).toISOString() : null;

/** Decimal strings only; money never passes through a float. */
export const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `next` that differ from `base`; custom values per key (the server merges them). */
/** An amount with its currency side by side (money always shows its currency). */
export function MoneyFormItem({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required>
      <Space.Compact className="full-width">
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('form.required', { label }) },
            { pattern: DECIMAL, message: t('form.decimal') },
          ]}
        >
          <Input inputMode="decimal" aria-label={label} />
        </Form.Item>
        <Form.Item name="currency" noStyle>
          <Select
            className="currency-select"
            aria-label={t('form.currency')}
            options={currencies.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

export function changedFields(base: Values, next: Values): Values {
  const patch: Values = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'custom' && value && typeof value === 'object') {
      const before = (base.custom ?? {}) as Values;
      const changed: Values = {};
      for (const [k, v] of Object.entries(value as Values)) if (!same(before[k], v)) changed[k] = v;
      if (Object.keys(changed).length) patch.custom = changed;
    } else if (!same(base[key], value)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** A create body without empty values (the server fills its defaults). */
export function withoutEmpty(body: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || value === '') continue;
    if (key === 'custom' && typeof value === 'object') {
      const custom = withoutEmpty(value as Values);
      if (Object.keys(custom).length) out.custom = custom;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Server paths (`name`, `custom.budget`, `installments.0.amount`) → antd name paths. */
const toNamePath = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

// ---------- custom fields ----------

export function useCustomFieldDefs(objectType: CustomFieldObject) {
  return useQuery(customFieldsQuery(objectType));
}

/** Stored custom values → form values (money as {amount, currency}). */
export function customToForm(defs: readonly CustomField[], custom: Values | undefined): Values {
  const out: Values = {};
  for (const def of defs)
    out[def.key] =
      custom?.[def.key] ??
      (def.type === 'multiSelect' ? [] : def.type === 'money' ? { amount: '', currency: 'CNY' } : null);
  return out;
}

/** Form values → the custom object the API takes; cleared fields become null (removes the value). */
export function customFromForm(defs: readonly CustomField[], values: Values | undefined): Values {
  const out: Values = {};
  for (const def of defs) {
    const value = values?.[def.key];
    if (def.type === 'money') {
      const money = (value ?? {}) as { amount?: string; currency?: string };
      out[def.key] = money.amount ? { amount: String(money.amount).trim(), currency: money.currency || 'CNY' } : null;
    } else if (def.type === 'multiSelect') {
      out[def.key] = Array.isArray(value) && value.length ? value : null;
    } else if (def.type === 'number') {
      out[def.key] = typeof value === 'number' ? value : null;
    } else {
      out[def.key] = typeof value === 'string' ? (value.trim() ? value.trim() : null) : (value ?? null);
    }
  }
  return out;
}

export function CustomFieldItems({ defs }: { defs: readonly CustomField[] }) {
  const { t } = useTranslation();
  if (!defs.length) return null;
  return (
    <fieldset className="form-section">
      <legend>{t('form.customFields')}</legend>
      {defs.map((def) => {
        const name = ['custom', def.key];
        const rules = def.required ? [{ required: true, message: t('form.required', { label: def.label }) }] : [];
        switch (def.type) {
          case 'number':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <InputNumber className="full-width" />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input type="date" />
              </Form.Item>
            );
          case 'singleSelect':
          case 'multiSelect':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Select
                  allowClear
                  mode={def.type === 'multiSelect' ? 'multiple' : undefined}
                  options={(def.options ?? []).map((o) => ({ value: o, label: o }))}
                />
              </Form.Item>
            );
          case 'money':
            return (
              <Form.Item key={def.key} label={def.label} required={def.required}>
                <Space.Compact className="full-width">
                  <Form.Item
                    name={[...name, 'amount']}
                    noStyle
                    rules={[...rules, { pattern: DECIMAL, message: t('form.decimal') }]}
                  >
                    <Input inputMode="decimal" aria-label={`${def.label} ${t('form.amount')}`} />
                  </Form.Item>
                  <Form.Item name={[...name, 'currency']} noStyle>
                    <Select
                      className="currency-select"
                      aria-label={`${def.label} ${t('form.currency')}`}
                      options={currencies.map((c) => ({ value: c, label: c }))}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            );
          case 'email':
            return (
              <Form.Item
                key={def.key}
                name={name}
                label={def.label}
                rules={[...rules, { type: 'email', message: t('form.email') }]}
              >
                <Input type="email" inputMode="email" />
              </Form.Item>
            );
          case 'phone':
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input type="tel" inputMode="tel" />
              </Form.Item>
            );
          default:
            return (
              <Form.Item key={def.key} name={name} label={def.label} rules={rules}>
                <Input maxLength={2000} />
              </Form.Item>
            );
        }
      })}
    </fieldset>
  );
}

// ---------- saving ----------

interface Duplicate {
  existingId: string;
  existingName: string;
  message: string;
}

interface UseRecordFormOptions<T extends RecordBase> {
  resource: Resource;
  /** Record id when editing; undefined creates. */
  id?: string;
  form: FormInstance<Values>;
  fields: FieldSpec[];
  /** Extra top-level names that take server errors (e.g. `custom`, `installments`). */
  errorRoots?: string[];
  fromRecord: (record: T) => Values;
  toBody: (values: Values) => Values;
  /** Fixed parts of a create body (customerId …). */
  createDefaults?: Values;
  onSaved: (record: T, created: boolean) => void;
  /** When the form needs more than the record to be ready (custom field definitions). */
  ready?: boolean;
}

/**
 * Create/edit with the API's error contract: field errors on their fields, 409 DUPLICATE_RECORD
 * ("open the existing one"), 409 VERSION_CONFLICT (reload or compare field by field).
 */
export function useRecordForm<T extends RecordBase>(options: UseRecordFormOptions<T>) {
  const { resource, id, form, fields, fromRecord, toBody, onSaved, ready = true } = options;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const record = useQuery({ ...recordQuery<T>(resource, id ?? ''), enabled: Boolean(id), staleTime: 0 });
  const base = useRef<T | null>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [banner, setBanner] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [conflict, setConflict] = useState<{ server: T; original: Values } | null>(null);

  useEffect(() => {
    if (!id || !record.data || !ready || loadedFor === id) return;
    base.current = record.data;
    form.setFieldsValue(fromRecord(record.data) as never);
    setLoadedFor(id);
  }, [id, record.data, ready, loadedFor, form, fromRecord]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<T> => {
      const body = toBody(values);
      if (id && base.current) {
        const patch = changedFields(toBody(fromRecord(base.current)), body);
        return updateRecord<T>(resource, id, { ...patch, version: base.current.version });
      }
      return createRecord<T>(resource, { ...withoutEmpty(body), ...options.createDefaults });
    },
    onMutate: () => {
      setBanner(null);
      setDuplicate(null);
    },
    onSuccess: (saved) => {
      base.current = saved;
      queryClient.setQueryData(recordQuery<T>(resource, saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: [resource] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      if (resource !== 'customers') void queryClient.invalidateQueries({ queryKey: ['customers', 'one'] });
      showToast(t('form.saved'));
      onSaved(saved, !id);
    },
    onError: (error) => {
      if (!isApiError(error)) return setBanner(error);
      if (error.code === 'VERSION_CONFLICT' && error.details.current) {
        return setConflict({
          server: error.details.current as T,
          original: base.current ? fromRecord(base.current) : {},
        });
      }
      if (error.code === 'DUPLICATE_RECORD') {
        const details = error.details as { existingId?: string; existingName?: string; field?: string };
        setDuplicate({
          existingId: String(details.existingId ?? ''),
          existingName: String(details.existingName ?? ''),
          message: error.message,
        });
        form.setFields([{ name: details.field ?? 'name', errors: [t('form.duplicate')] }]);
        return;
      }
      applyFieldErrors(error);
    },
  });

  const roots = new Set([...fields.map((f) => f.name), ...(options.errorRoots ?? [])]);
  function applyFieldErrors(error: ApiError) {
    const mine = error.fields.filter((f) => roots.has(f.path.split('.')[0]!));
    form.setFields(mine.map((f) => ({ name: toNamePath(f.path) as never, errors: [f.message] })));
    if (mine.length !== error.fields.length || !error.fields.length) setBanner(error);
    if (mine.length) {
      const first = mine[0]!;
      form.scrollToField(toNamePath(first.path) as never, { block: 'center', focus: true });
    }
  }

  /** "Reload": take the server's record and drop my changes. */
  const reload = () => {
    if (!conflict) return;
    base.current = conflict.server;
    form.resetFields();
    form.setFieldsValue(fromRecord(conflict.server) as never);
    queryClient.setQueryData(recordQuery<T>(resource, conflict.server.id).queryKey, conflict.server);
    setConflict(null);
  };

  /** "Compare": the chosen values go into the form, on top of the server's version, and are saved. */
  const applyMerge = (merged: Values) => {
    if (!conflict) return;
    base.current = conflict.server;
    form.setFieldsValue(merged as never);
    setConflict(null);
    save.mutate(form.getFieldsValue(true) as Values);
  };

  return {
    isEdit: Boolean(id),
    loading: Boolean(id) && (record.isPending || !ready),
    loadError: record.isError ? record.error : null,
    retryLoad: () => void record.refetch(),
    record: base.current ?? record.data,
    saving: save.isPending,
    submit: (values: Values) => save.mutate(values),
    banner,
    duplicate,
    conflict: conflict
      ? {
          server: fromRecord(conflict.server),
          mine: form.getFieldsValue(true) as Values,
          original: conflict.original,
          fields,
        }
      : null,
    reload,
    applyMerge,
    closeConflict: () => setConflict(null),
  };
}

export type RecordFormState = ReturnType<typeof useRecordForm>;

// ---------- page frame ----------

interface FormPageProps {
  title: string;
  backTo: string;
  backLabel: string;
  state: RecordFormState;
  form: FormInstance<Values>;
  initialValues?: Values;
  children: ReactNode;
  onCancel: () => void;
}

/** Title, back link, the antd form, error banners, the conflict dialog and a sticky save bar. */
export function FormPage({ title, backTo, backLabel, state, form, initialValues, children, onCancel }: FormPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="page page--form">
      <BackLink to={backTo}>{backLabel}</BackLink>
      <h1 className="page__title">{title}</h1>
      {state.loading ? (
        <Skeleton rows={8} />
      ) : state.loadError ? (
        <ErrorState error={state.loadError} onRetry={state.retryLoad} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={state.submit}
          onFinishFailed={({ errorFields }) =>
            errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center', focus: true })
          }
          disabled={state.saving}
          scrollToFirstError={false}
          className="record-form m-card"
        >
          {state.duplicate && (
            <Alert
              type="warning"
              showIcon
              className="form-banner"
              role="alert"
              message={t('form.duplicateTitle')}
              description={state.duplicate.message}
              action={
                <Link
                  className="btn btn--small btn--primary"
                  to={`/customers/${encodeURIComponent(state.duplicate.existingId)}`}
                >
                  {t('form.openExisting')}
                </Link>
              }
            />
          )}
          {state.banner !== null && !state.duplicate && (
            <Alert
              type="error"
              showIcon
              className="form-banner"
              role="alert"
              message={describeError(t, state.banner, 'saveFailed').headline}
              description={describeError(t, state.banner).detail}
            />
          )}
          {children}
          <div className="form-actions">
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={state.saving}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      )}
      {state.conflict && <ConflictDialog state={state} />}
    </div>
  );
}

export interface RecordModalProps {
  title: string;
  open: boolean;
  onClose: () => void;
  state: RecordFormState;
  form: FormInstance<Values>;
  initialValues?: Values;
  children: ReactNode;
}

/** The same form contract in a dialog (admin pages). */
export function RecordModal({ title, open, onClose, state, form, initialValues, children }: RecordModalProps) {
  const { t } = useTranslation();
  return (
    <>
      <Modal
        open={open}
        title={title}
        onCancel={onClose}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: state.saving, disabled: state.loading }}
        onOk={() => form.submit()}
      >
        {state.loading ? (
          <Skeleton rows={5} />
        ) : state.loadError ? (
          <ErrorState error={state.loadError} onRetry={state.retryLoad} />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={state.submit}
            disabled={state.saving}
          >
            {state.banner !== null && (
              <Alert
                type="error"
                showIcon
                className="form-banner"
                role="alert"
                message={describeError(t, state.banner, 'saveFailed').headline}
                description={describeError(t, state.banner).detail}
              />
            )}
            {children}
            <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
          </Form>
        )}
      </Modal>
      {state.conflict && <ConflictDialog state={state} />}
    </>
  );
}

export function ConflictDialog({ state }: { state: RecordFormState }) {
  const { t } = useTranslation();
  const conflict = state.conflict!;
  const [comparing, setComparing] = useState(false);
  const show = (spec: FieldSpec, value: unknown) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length))
      return t('common.none');
    if (spec.display) return spec.display(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const rows = conflict.fields.filter((spec) => !same(conflict.mine[spec.name], conflict.server[spec.name]));
  // What I changed keeps my value by default; what only the other person changed keeps theirs.
  const edited = (name: string) => !same(conflict.mine[name], conflict.original[name]);
  const [choice, setChoice] = useState<Record<string, 'mine' | 'server'>>(() =>
    Object.fromEntries(rows.map((r) => [r.name, edited(r.name) ? 'mine' : 'server'])),
  );
  return (
    <Modal
      open
      title={t('conflict.title')}
      onCancel={state.closeConflict}
      width={comparing ? 760 : 480}
      footer={
        comparing
          ? [
              <Button key="back" onClick={() => setComparing(false)}>
                {t('common.back')}
              </Button>,
              <Button
                key="save"
                type="primary"
                onClick={() =>
                  state.applyMerge(
                    Object.fromEntries(
                      rows.map((r) => [
                        r.name,
                        choice[r.name] === 'server' ? conflict.server[r.name] : conflict.mine[r.name],
                      ]),
                    ),
                  )
                }
              >
                {t('conflict.saveChosen')}
              </Button>,
            ]
          : [
              <Button key="reload" onClick={state.reload}>
                {t('conflict.reload')}
              </Button>,
              <Button key="compare" type="primary" onClick={() => setComparing(true)}>
                {t('conflict.compare')}
              </Button>,
            ]
      }
    >
      <p>{t('conflict.message')}</p>
      {comparing &&
        (rows.length ? (
          <div className="table-scroll">
            <table className="mini-table compare">
              <thead>
                <tr>
                  <th scope="col">{t('history.field')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                  <th scope="col">{t('conflict.server')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((spec) => (
                  <tr key={spec.name}>
                    <th scope="row">
                      {spec.label}
                      {edited(spec.name) && <span className="muted small"> · {t('conflict.edited')}</span>}
                    </th>
                    <td colSpan={2}>
                      <Radio.Group
                        className="compare__choice"
                        aria-label={spec.label}
                        value={choice[spec.name]}
                        onChange={(event) =>
                          setChoice((c) => ({ ...c, [spec.name]: event.target.value as 'mine' | 'server' }))
                        }
                      >
                        <Radio value="mine">{show(spec, conflict.mine[spec.name])}</Radio>
                        <Radio value="server">{show(spec, conflict.server[spec.name])}</Radio>
                      </Radio.Group>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('conflict.noDifference')}</p>
        ))}
    </Modal>
  );
}
