import type { ResourceSpec } from './resource-spec.ts';

const specs = new Map<string, ResourceSpec>();

export function registerResource(spec: ResourceSpec): ResourceSpec {
  specs.set(spec.path, spec);
  return spec;
}

export function getResource(path: string): ResourceSpec {
  const spec = specs.get(path);
  if (!spec) throw new Error(`unknown resource ${path}`);
  return spec;
}

export function findResourceByType(recordType: string): ResourceSpec | undefined {
  for (const spec of specs.values()) if (spec.recordType === recordType) return spec;
  return undefined;
}

export const allResources = (): ResourceSpec[] => [...specs.values()];
