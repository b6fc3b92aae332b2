import { z } from 'zod';
import type { ResourceSpec } from './resource-spec.ts';

const specs = new Map<string, ResourceSpec>();
const byRecordType = new Map<string, ResourceSpec>();

/**
 * The schema answering 400 for keys it does not know, instead of dropping them silently: a
 * client must never believe it saved a field that was not saved. Its OpenAPI id moves along.
 */
function refuseUnknownKeys(schema: z.ZodObject): z.ZodObject {
  const strict = schema.strict();
  const meta = z.globalRegistry.get(schema);
  if (!meta) return strict;
  z.globalRegistry.remove(schema);
  return strict.meta(meta);
}

/** Registers a resource; its create and update bodies refuse unknown keys. */
export function registerResource(spec: ResourceSpec): ResourceSpec {
  const registered: ResourceSpec = {
    ...spec,
    createSchema: refuseUnknownKeys(spec.createSchema),
    updateSchema: refuseUnknownKeys(spec.updateSchema),
  };
  specs.set(spec.path, registered);
  byRecordType.set(spec.recordType, registered);
  return registered;
}

export function getResource(path: string): ResourceSpec {
  const spec = specs.get(path);
  if (!spec) throw new Error(`unknown resource ${path}`);
  return spec;
}

/** The resource at a URL segment, if there is one. */
export const findResource = (path: string): ResourceSpec | undefined => specs.get(path);

export const findResourceByType = (recordType: string): ResourceSpec | undefined => byRecordType.get(recordType);

export const allResources = (): ResourceSpec[] => [...specs.values()];
