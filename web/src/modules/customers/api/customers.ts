import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { Customer, Followup, One, Page } from '../../../app/api/types.ts';

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: ['customers', 'one', id, null],
    queryFn: ({ signal }) => api.get<One<Customer>>(customerPath(id), undefined, signal).then((r) => r.data),
  });

/** Fields the server computes rather than stores; they are not asked for with `fields=`. */
export const COMPUTED_LITE_FIELDS = new Set(['lastFollowupAt']);

/** The phone header: only the tenant's lite fields (`fields=`), a few hundred bytes, and what the caller may do (`can`). */
export const customerLiteQuery = (id: string, liteFields: readonly string[]) => {
  const fields = [
    ...new Set(['name', 'can', ...liteFields.filter((f) => !COMPUTED_LITE_FIELDS.has(f) && !f.startsWith('custom.'))]),
  ];
  if (liteFields.some((f) => f.startsWith('custom.'))) fields.push('custom');
  return queryOptions({
    queryKey: ['customers', 'one', id, { fields }],
    queryFn: ({ signal }) =>
      api.get<One<Partial<Customer> & { id: string }>>(customerPath(id), { fields }, signal).then((r) => r.data),
  });
};

/** `lastFollowupAt` is not a stored column: the newest follow-up's time. */
export const latestFollowupQuery = (customerId: string) =>
  queryOptions({
    queryKey: ['followups', 'latest', customerId],
    queryFn: ({ signal }) =>
      api
        .get<Page<Pick<Followup, 'id' | 'occurredAt'>>>(
          '/followups',
          { filter: { customerId }, sort: '-occurredAt', limit: 1, fields: ['occurredAt'] },
          signal,
        )
        .then((page) => page.data[0]?.occurredAt ?? null),
  });
