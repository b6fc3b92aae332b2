import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, logout, meQueryKey } from '../api/auth.ts';
import type { User } from '../api/types.ts';

export function useMe() {
  return useQuery<User>({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 10 * 60_000,
  });
}

export function useLogout(): () => Promise<void> {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await logout();
    await navigate('/login', { replace: true });
    queryClient.clear();
  }, [navigate, queryClient]);
}

/** What the login page receives in `location.state`. */
export interface LoginLocationState {
  from?: string;
  reason?: 'expired';
}
