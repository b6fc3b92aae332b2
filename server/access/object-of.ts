import type { ResourceSpec } from '../resources/resource-spec.ts';
import { objectOfResource, type AccessObject } from './model.ts';

/** The access object a resource's records are checked as. */
export const objectOf = (spec: ResourceSpec): AccessObject => objectOfResource[spec.path] ?? 'settings';
