import type { FieldSpec } from './resource-spec.ts';

/** Fields every business record presents, in addition to its own. */
export const baseFields: Record<string, FieldSpec> = {
  id: { column: 'id', kind: 'uuid', filter: true, sort: true, required: true },
  version: { column: 'version', kind: 'int', required: true },
  createdAt: { column: 'created_at', kind: 'timestamp', filter: true, sort: true, required: true },
  createdBy: { column: 'created_by', kind: 'uuid', filter: true },
  updatedAt: { column: 'updated_at', kind: 'timestamp', filter: true, sort: true, required: true },
  updatedBy: { column: 'updated_by', kind: 'uuid', filter: true },
  deletedAt: { column: 'deleted_at', kind: 'timestamp' },
};
