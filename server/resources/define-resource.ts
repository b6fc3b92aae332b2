import { z } from 'zod';
import { versionField } from '../http/common-schemas.ts';
import type { CommandContext } from './context.ts';
import { registerResource } from './registry.ts';
import type { FieldSpec, Input, ResourceSpec, Row } from './resource-spec.ts';

/** How a field is written: its create body schema, its update body schema, and who stores it. */
export interface FieldDefinition extends FieldSpec {
  /** The field's schema in the create body; leave it out for fields a client never sends. */
  input?: z.ZodType;
  /** The field's schema in the update body when it differs from `input` (no default); false: it never changes. */
  update?: z.ZodType | false;
  /** The resource's `toColumns` hook stores the column itself (normalised copies, JSON); it is not copied from the input. */
  writtenByHook?: true;
}

/** A body key that is not one of the resource's columns (custom values, a nested plan, a password). */
export interface InputOnlyDefinition {
  input: z.ZodType;
  update?: z.ZodType | false;
}

/**
 * One resource, defined once: its fields (column, kind, filter and sort flags, description and
 * body schemas), its access metadata, relations, hooks and presenters. The create and update
 * bodies, the field→column copy and the access maps are derived from it.
 */
export interface ResourceDefinition extends Omit<
  ResourceSpec,
  'fields' | 'createSchema' | 'updateSchema' | 'toColumns'
> {
  fields: Record<string, FieldDefinition>;
  inputOnly?: Record<string, InputOnlyDefinition>;
  /**
   * Business rules and the columns no field copies: receives the input already copied to its
   * columns (`columns`) and returns the columns to store.
   */
  toColumns?(
    ctx: CommandContext,
    input: Input,
    existing: Row | undefined,
    columns: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/** The schema id prefix for a record type: customField → CustomField. */
export const schemaNameOf = (recordType: string) => `${recordType[0]!.toUpperCase()}${recordType.slice(1)}`;

type Writable = { input?: z.ZodType; update?: z.ZodType | false };

function bodyShapes(entries: Array<[string, Writable]>) {
  const create: Record<string, z.ZodType> = {};
  const update: Record<string, z.ZodType> = {};
  for (const [name, entry] of entries) {
    if (entry.input) create[name] = entry.input;
    const changed = entry.update === false ? undefined : (entry.update ?? entry.input);
    if (changed) update[name] = changed;
  }
  return { create, update };
}

/** The field → column copy of every field the client writes directly. */
export function writableColumns(fields: Record<string, FieldDefinition>): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    if ((field.input || field.update) && !field.writtenByHook) columns[name] = field.column;
  }
  return columns;
}

/** Copies the provided input fields to their columns (undefined means "not sent"). */
export function copyToColumns(input: Input, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(map)) {
    if (input[field] !== undefined) out[column] = input[field];
  }
  return out;
}

function presentedField(field: FieldDefinition): FieldSpec {
  const { input: _input, update: _update, writtenByHook: _hook, ...spec } = field;
  return spec;
}

/** A resource's spec, built from its definition (not registered). */
export function buildResource(definition: ResourceDefinition): ResourceSpec {
  const { fields, inputOnly, toColumns: hook, ...rest } = definition;
  const name = schemaNameOf(definition.recordType);
  const shapes = bodyShapes([...Object.entries(fields), ...Object.entries(inputOnly ?? {})]);
  const createSchema = Object.keys(shapes.create).length
    ? z.object(shapes.create).meta({ id: `${name}Create` })
    : z.object({});
  const updateSchema = Object.keys(shapes.update).length
    ? z
        .object(shapes.update)
        .partial()
        .extend({ version: versionField })
        .meta({ id: `${name}Update` })
    : z.object({});
  const columnMap = writableColumns(fields);
  return {
    ...rest,
    fields: Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, presentedField(field)])),
    createSchema,
    updateSchema,
    toColumns: async (ctx, input, existing) => {
      const columns = copyToColumns(input, columnMap);
      return hook ? hook(ctx, input, existing, columns) : columns;
    },
  };
}

/** Builds a resource's spec from its definition and registers it (its bodies then refuse unknown keys). */
export const defineResource = (definition: ResourceDefinition): ResourceSpec =>
  registerResource(buildResource(definition));
