import { accessActions, accessObjects, systemPermissions } from '../../common/access-vocabulary.ts';
import type { EffectivePermissions } from '../../common/permissions.ts';
import { grantsFor, hasSystem, type AccessContext } from './access-context.ts';

/** What the caller may do in general (function permissions and system permissions), for the web app to decide what to show. */
export function effectivePermissions(access: AccessContext): EffectivePermissions {
  const functions: EffectivePermissions['functions'] = {};
  for (const object of accessObjects) {
    const actions = accessActions.filter((action) => grantsFor(access, object, action).length > 0);
    if (actions.length) functions[object] = actions;
  }
  return { functions, system: systemPermissions.filter((permission) => hasSystem(access, permission)) };
}
