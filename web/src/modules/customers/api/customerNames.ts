import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { Page } from '../../../app/api/types.ts';

/** Names of the customers a list of other records points at, in one request (`filter={"id":{"in":[…]}}`). */
export function useCustomerNames(ids: readonly string[]): Map<string, string> {
  const unique = [...new Set(ids)].sort();
  const { data } = useQuery({
    queryKey: ['customers', 'names', unique],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>(
        '/customers',
        { filter: { id: { in: unique } }, fields: ['name'], limit: 200 },
        signal,
      ),
    enabled: unique.length > 0,
    staleTime: 5 * 60_000,
    select: (page) => new Map(page.data.map((c) => [c.id, c.name])),
  });
  return data ?? new Map();
}
