import { useCallback } from 'react';
import type { AccessAction, AccessObject, SystemPermission } from '../../../../common/access-vocabulary.ts';
import { can, type RecordPermissions } from '../../../../common/permissions.ts';
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

/** One permission check for what the UI shows: a system permission, an object × action, or one record (its `can` wins). */
export interface PermissionCheck {
  (permission: SystemPermission): boolean;
  (action: AccessAction, object: AccessObject, record?: RecordPermissions | null): boolean;
}

/** `can(…)` for the signed-in user; false for everything until /me has answered. */
export function usePermission(): PermissionCheck {
  const { data: me } = useMe();
  const permissions = me?.permissions;
  return useCallback(
    ((...args: Parameters<PermissionCheck>) =>
      (can as (...a: unknown[]) => boolean)(permissions, ...args)) as PermissionCheck,
    [permissions],
  );
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
