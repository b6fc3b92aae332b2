import { allFields } from './list-query.ts';
import type { ResourceSpec } from './resource-spec.ts';

/** Turns a row into the API shape: camelCase names, ISO timestamps, internal columns left out. */
export function presentRow(
  spec: ResourceSpec,
  row: Record<string, unknown>,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(allFields(spec))) {
    if (field.internal) continue;
    if (fields && !fields.includes(name)) continue;
    if (!(field.column in row)) continue;
    const value = row[field.column];
    out[name] = value instanceof Date ? value.toISOString() : value;
  }
  if (spec.customObject && 'custom' in row && (!fields || fields.includes('custom'))) out.custom = row.custom ?? {};
  return out;
}

/** The columns to select for a sparse fieldset (all when no fieldset is given). */
export function columnsFor(spec: ResourceSpec, fields?: string[]): string[] | undefined {
  if (!fields) return undefined;
  const columns = new Set<string>(['id', 'tenant_id', 'version']);
  const all = allFields(spec);
  for (const name of fields) {
    const field = all[name];
    if (field) columns.add(field.column);
    if (name === 'custom') columns.add('custom');
  }
  return [...columns];
}
