import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { Customer, CustomerRelation, CustomerRelations, MaskedRow, Page } from '../../../app/api/types.ts';

export const CUSTOMER_PAGE_SIZE = 50;

/** What the phone cards show; `id` always comes back. */
export const CUSTOMER_CARD_FIELDS = [
  'name',
  'shortName',
  'level',
  'status',
  'mainPhone',
  'ownerId',
  'region',
  'updatedAt',
];

export type CustomerFilter = Record<string, string | { in: string[] }>;
export type CustomerRow = Customer | MaskedRow;

export interface CustomerListParams {
  q: string;
  sort: string;
  filter: CustomerFilter;
  fields: string[];
}

/** New-hire sandbox rows: the server marks them `masked: true` (and sends only id, `X***` name and owner). */
export const isMasked = (row: { masked?: boolean; name?: string; status?: unknown }): row is MaskedRow =>
  row.masked === true || (row.status === undefined && typeof row.name === 'string' && row.name.endsWith('***'));

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
      api.get<Page<CustomerRow>>(
        '/customers',
        {
          limit: CUSTOMER_PAGE_SIZE,
          cursor: pageParam,
          sort: params.sort,
          q: params.q.trim(),
          filter: params.filter,
          fields: params.fields,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Server-side order of each related list; undefined keeps the endpoint's default. */
const relationSorts: Record<CustomerRelation, string | undefined> = {
  contacts: '-isPrimary',
  opportunities: '-updatedAt',
  followups: '-occurredAt',
  contracts: '-signedDate',
  attachments: '-createdAt',
};

export const RELATION_PAGE_SIZE = 20;

/** A related list (`GET /contacts?filter={"customerId":…}`), cursor-paged; runs only once its tab or section is opened. */
export const customerRelationQuery = <R extends CustomerRelation>(customerId: string, relation: R) =>
  infiniteQueryOptions({
    queryKey: [relation, 'byCustomer', customerId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CustomerRelations[R][number]>>(
        `/${relation}`,
        {
          filter: { customerId },
          sort: relationSorts[relation],
          limit: RELATION_PAGE_SIZE,
          cursor: pageParam,
          include: relation === 'contracts' ? ['payments'] : undefined,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
