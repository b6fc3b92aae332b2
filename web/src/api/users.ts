import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Page } from './types.ts';

interface UserName {
  id: string;
  displayName: string;
}

export const userNamesQuery = queryOptions({
  queryKey: ['users', 'names'],
  queryFn: ({ signal }) => api.get<Page<UserName>>('/users', { limit: 200, fields: ['displayName'] }, signal),
  select: (page) => new Map(page.data.map((u) => [u.id, u.displayName])),
  staleTime: 5 * 60_000,
});

/** id → display name; while loading (or on error) lookups just return undefined. */
export function useUserNames(): Map<string, string> {
  const { data } = useQuery(userNamesQuery);
  return data ?? emptyNames;
}

const emptyNames = new Map<string, string>();
