import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, logout, meQueryKey } from './api/auth.ts';
import type { User } from '../../app/api/types.ts';
import { navigate } from '../../app/routing/router.tsx';

export const meQuery = {
  queryKey: meQueryKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchMe(signal),
  staleTime: 10 * 60_000,
};

export function useMe() {
  return useQuery<User>(meQuery);
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await logout();
    navigate('/login', { replace: true });
    queryClient.clear();
  }, [queryClient]);
}

/** What the login page receives in `location.state`. */
export interface LoginLocationState {
  from?: string;
  reason?: 'expired';
}
