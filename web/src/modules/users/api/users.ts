import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client.ts';
import type { Page } from '../../../app/api/types.ts';

export interface UserName {
  id: string;
  displayName: string;
  isActive?: boolean;
}

const NAMES_KEY = 'cairn.userNames';
const STALE_MS = 5 * 60_000;

/** The last list seen, so a phone shows the owner's name without waiting for /users (refreshed in the background). */
function storedNames(): { page: Page<UserName>; at: number } | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(NAMES_KEY) ?? 'null') as { page: Page<UserName>; at: number } | null;
    return stored && Array.isArray(stored.page?.data) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export const userNamesQuery = queryOptions({
  queryKey: ['users', 'names'],
  queryFn: async ({ signal }) => {
    const page = await api.get<Page<UserName>>('/users', { limit: 200, fields: ['displayName', 'isActive'] }, signal);
    try {
      localStorage.setItem(NAMES_KEY, JSON.stringify({ page, at: Date.now() }));
    } catch {
      /* storage full or unavailable */
    }
    return page;
  },
  initialData: () => storedNames()?.page,
  initialDataUpdatedAt: () => storedNames()?.at,
  staleTime: STALE_MS,
});

const emptyNames = new Map<string, string>();

/** id → display name; while loading (or on error) lookups just return undefined. */
export function useUserNames(): Map<string, string> {
  const { data } = useQuery({ ...userNamesQuery, select: selectNames });
  return data ?? emptyNames;
}

function selectNames(page: Page<UserName>) {
  return new Map(page.data.map((u) => [u.id, u.displayName]));
}

/** Options for an owner picker (active users first). */
export function useUserOptions(): Array<{ value: string; label: string }> {
  const { data } = useQuery(userNamesQuery);
  return (data?.data ?? []).filter((u) => u.isActive !== false).map((u) => ({ value: u.id, label: u.displayName }));
}
