import type { ReactNode } from 'react';
import type { AccessAction, AccessObject } from '../../../../common/access-vocabulary.ts';
import type { RecordPermissions } from '../../../../common/permissions.ts';
import { usePermission } from './permissions.ts';

interface IfAllowedProps {
  action: AccessAction;
  object: AccessObject;
  /** The record the action is on: its `can` (from the server) decides when present. */
  record?: RecordPermissions | null;
  children: ReactNode;
}

/** Shows its children only when the caller may do `action` (on `record`), through the one `can()` check. */
export function IfAllowed({ action, object, record, children }: IfAllowedProps) {
  const can = usePermission();
  return can(action, object, record) ? <>{children}</> : null;
}
