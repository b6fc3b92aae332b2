import type { ResourceSpec } from '../resources/resource-spec.ts';
import type { AccessObject } from './model.ts';

/** The access object a resource's records are checked as, from its definition. */
export const objectOf = (spec: ResourceSpec): AccessObject => spec.access.object;
