import type { AccessAction, AccessObject, DataScope } from '../../common/access-vocabulary.ts';
import { findResource, findResourceByType } from '../resources/registry.ts';
import type { ResourceSpec } from '../resources/resource-spec.ts';

export * from '../../common/access-vocabulary.ts';

/** The customer action whose scope an inheriting object uses for an action of its own. */
export const customerActionFor = (action: AccessAction): AccessAction =>
  action === 'read' || action === 'export' ? 'read' : 'update';

/** Broadest first, for "widest scope" summaries. */
export const scopeBreadth: Record<DataScope, number> = {
  all: 5,
  department_tree: 4,
  department: 3,
  own_assigned: 2,
  own: 1,
  custom: 0,
  inherit: 0,
};

/** The resource an object's own records live in (the one whose record type is the object), from its definition. */
function ownResource(object: AccessObject): ResourceSpec | undefined {
  const spec = findResourceByType(object);
  return spec?.access.object === object ? spec : undefined;
}

/** The object that governs a resource's routes (URL path), from its definition. */
export const objectOfResource = (path: string): AccessObject | undefined => findResource(path)?.access.object;

/** The resource (URL path) each object's records live in. */
export const resourceOfObject = (object: AccessObject): string | undefined => ownResource(object)?.path;

/** The column that makes a record "mine" for own / department scopes. */
export const ownerColumnOf = (object: AccessObject): string | undefined => ownResource(object)?.access.owner;

/** Whether an object's records inherit access from their customer unless a grant names its own scope. */
export const inheritsFromCustomer = (object: AccessObject): boolean =>
  ownResource(object)?.access.inheritsFrom === 'customer';
