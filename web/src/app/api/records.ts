import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import type { One } from './types.ts';

/** REST collections under /api/v1 that follow the generic record contract. */
export type Resource =
  | 'customers'
  | 'contacts'
  | 'opportunities'
  | 'followups'
  | 'contracts'
  | 'payments'
  | 'attachments'
  | 'users'
  | 'departments'
  | 'custom-fields'
  | 'followup-templates';

const path = (resource: Resource, id?: string) => (id ? `/${resource}/${encodeURIComponent(id)}` : `/${resource}`);

export const recordQuery = <T>(resource: Resource, id: string, query?: { fields?: string[]; include?: string[] }) =>
  queryOptions({
    queryKey: [resource, 'one', id, query ?? null] as const,
    queryFn: ({ signal }) =>
      api.get<One<T>>(path(resource, id), query ? { ...query } : undefined, signal).then((r) => r.data),
  });

export const createRecord = <T>(resource: Resource, body: Record<string, unknown>) =>
  api.post<One<T>>(path(resource), body).then((r) => r.data);

/** `body.version` must be the version the user started from; a stale one answers 409 VERSION_CONFLICT. */
export const updateRecord = <T>(resource: Resource, id: string, body: Record<string, unknown> & { version: number }) =>
  api.patch<One<T>>(path(resource, id), body).then((r) => r.data);

export const deleteRecord = (resource: Resource, id: string) => api.delete(path(resource, id));
