import { useCallback } from 'react';
import type { AccessAction, AccessObject, SystemPermission } from '../../../../common/access-vocabulary.ts';
import { can, type RecordPermissions } from '../../../../common/permissions.ts';
import { useMe } from './session.ts';

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
