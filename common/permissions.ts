import type { AccessAction, AccessObject, SystemPermission } from './access-vocabulary.ts';

/**
 * A user's effective permissions as `/api/v1/me` reports them: the actions they hold some grant of,
 * per object (the data scope still decides which records), and their system permissions.
 */
export interface EffectivePermissions {
  functions: Partial<Record<AccessObject, AccessAction[]>>;
  system: SystemPermission[];
}

/** What a record says the caller may do with it (`can: {update, delete}`), when the server sends it. */
export interface RecordPermissions {
  can?: Partial<Record<AccessAction, boolean>>;
}

/**
 * The one permission check the web app uses: `can(p, 'manageRoles')` for a system permission,
 * `can(p, 'update', 'customer')` for a function permission, and `can(p, 'update', 'customer', record)`
 * for one record, where the record's own `can` (when present) is the answer.
 */
export function can(permissions: EffectivePermissions | undefined, permission: SystemPermission): boolean;
export function can(
  permissions: EffectivePermissions | undefined,
  action: AccessAction,
  object: AccessObject,
  record?: RecordPermissions | null,
): boolean;
export function can(
  permissions: EffectivePermissions | undefined,
  actionOrPermission: AccessAction | SystemPermission,
  object?: AccessObject,
  record?: RecordPermissions | null,
): boolean {
  if (object === undefined) return permissions?.system.includes(actionOrPermission as SystemPermission) ?? false;
  const action = actionOrPermission as AccessAction;
  const onRecord = record?.can?.[action];
  if (onRecord !== undefined) return onRecord;
  return permissions?.functions[object]?.includes(action) ?? false;
}
