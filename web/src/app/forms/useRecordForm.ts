import { useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from '../api/client.ts';
import { createRecord, recordQuery, updateRecord, type Resource } from '../api/records.ts';
import type { RecordBase } from '../api/types.ts';
import { useTranslation } from '../i18n/index.ts';
import { showToast } from '../ui/toast.tsx';
import { changedFields, toNamePath, withoutEmpty, type Values } from './values.ts';

export interface FieldSpec {
  name: string;
  label: string;
  /** How a value reads in the conflict comparison (option labels, user names …). */
  display?: (value: unknown) => string;
}

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
