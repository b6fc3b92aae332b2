import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Customer, CustomerRelation, CustomerRelations, One, Page } from './types.ts';

export const CUSTOMER_PAGE_SIZE = 50;

/** Only what the list and the cards show; `id` is assumed to come back always. */
export const CUSTOMER_LIST_FIELDS = ['name', 'shortName', 'level', 'status', 'mainPhone', 'ownerId', 'industry', 'region', 'updatedAt'];

export type CustomerFilter = Record<string, string | { in: string[] }>;

export interface CustomerListParams {
  q: string;
  sort: string;
  filter: CustomerFilter;
}

/** One value is an equality, several become `{in:[…]}`. */
export function buildCustomerFilter(selection: Record<string, string[]>): CustomerFilter {
  const filter: CustomerFilter = {};
  for (const [field, values] of Object.entries(selection)) {
    if (values.length === 1) filter[field] = values[0]!;
    else if (values.length > 1) filter[field] = { in: values };
  }
  return filter;
}

export const customerListQuery = (params: CustomerListParams) =>
  infiniteQueryOptions({
    queryKey: ['customers', 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Customer>>(
        '/customers',
        {
          limit: CUSTOMER_PAGE_SIZE,
          cursor: pageParam,
          sort: params.sort,
          q: params.q.trim(),
          filter: params.filter,
          fields: CUSTOMER_LIST_FIELDS,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: ['customers', 'one', id],
    queryFn: ({ signal }) => api.get<One<Customer>>(`/customers/${encodeURIComponent(id)}`, undefined, signal).then((r) => r.data),
  });

/** Server-side order of each detail tab; undefined keeps the endpoint's default. */
const relationSorts: Record<CustomerRelation, string | undefined> = {
  contacts: '-isPrimary',
  opportunities: '-updatedAt',
  followups: '-occurredAt',
  contracts: '-signedDate',
};

export const RELATION_PAGE_SIZE = 20;

/**
 * A detail tab's records through the related list endpoint (`GET /contacts?filter={"customerId":…}`),
 * cursor-paged — `include=` embeds at most 50 per relation. Only runs once its tab is opened.
 */
export const customerRelationQuery = <R extends CustomerRelation>(customerId: string, relation: R) =>
  infiniteQueryOptions({
    queryKey: [relation, 'byCustomer', customerId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CustomerRelations[R][number]>>(
        `/${relation}`,
        { filter: { customerId }, sort: relationSorts[relation], limit: RELATION_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
