import type { Selectable, Updateable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
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

export type FieldDefinitions = Record<string, FieldDefinition>;
export type InputOnlyDefinitions = Record<string, InputOnlyDefinition>;
export type ResourceTable = keyof DB & string;

/** A stored row of a resource's table, as `selectAll()` reads it. */
export type TableRow<T extends ResourceTable> = Selectable<DB[T]>;

/** Column values to store in a resource's table (every column optional). */
export type TableColumns<T extends ResourceTable> = Updateable<DB[T]>;

type Parsed<S> = S extends z.ZodType ? z.output<S> : never;
type BodyValue<E> = E extends { input?: infer C; update?: infer U } ? Parsed<C> | Parsed<U> : never;

/**
 * A create or update body as a hook receives it, typed from the definition's own schemas: every
 * key is optional (an update sends only what changes) and holds what its create or update
 * schema parses to. Keys the client never sends are `undefined`.
 */
export type HookInput<F extends FieldDefinitions, I extends InputOnlyDefinitions = Record<never, never>> = {
  [K in keyof F | keyof I]?: K extends keyof F ? BodyValue<F[K]> : K extends keyof I ? BodyValue<I[K]> : never;
};

/**
 * One resource, defined once: its fields (column, kind, filter and sort flags, description and
 * body schemas), its access metadata, relations, hooks and presenters. The create and update
 * bodies, the field→column copy and the access maps are derived from it. Hooks see the body as
 * its schemas parse it and rows typed by the resource's table.
 */
export interface ResourceDefinition<
  T extends ResourceTable = ResourceTable,
  F extends FieldDefinitions = FieldDefinitions,
  I extends InputOnlyDefinitions = Record<never, never>,
> extends Omit<
  ResourceSpec,
  'table' | 'fields' | 'createSchema' | 'updateSchema' | 'toColumns' | 'afterWrite' | 'beforeDelete' | 'beforeUpdate'
> {
  table: T;
  fields: F;
  inputOnly?: I;
  /**
   * Business rules and the columns no field copies: receives the input already copied to its
   * columns (`columns`) and returns the columns to store.
   */
  toColumns?: (
    ctx: CommandContext,
    input: HookInput<F, I>,
    existing: TableRow<T> | undefined,
    columns: TableColumns<T>,
  ) => Promise<TableColumns<T>>;
  afterWrite?: (ctx: CommandContext, row: TableRow<T>, input: HookInput<F, I>, created: boolean) => Promise<void>;
  beforeDelete?: (ctx: CommandContext, row: TableRow<T>) => Promise<void>;
  /** Business rules on changing an existing record (edit windows, locks). */
  beforeUpdate?: (ctx: CommandContext, row: TableRow<T>, input: HookInput<F, I>) => Promise<void>;
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

/**
 * The one boundary between the typed definition and the engine, which serves every resource
 * through the same code and so holds bodies as `Input` and rows as `Row`. The casts are sound:
 * the engine parses each body with the schemas derived below from these same fields, reads each
 * row with `selectAll()` from this definition's table, and `copyToColumns` fills the columns
 * these fields name with the values their schemas parsed.
 */
const asBody = <F extends FieldDefinitions, I extends InputOnlyDefinitions>(input: Input) => input as HookInput<F, I>;
const asTableRow = <T extends ResourceTable>(row: Row) => row as unknown as TableRow<T>;

/** A resource's spec, built from its definition (not registered). */
export function buildResource<
  T extends ResourceTable,
  F extends FieldDefinitions,
  I extends InputOnlyDefinitions = Record<never, never>,
>(definition: ResourceDefinition<T, F, I>): ResourceSpec {
  const { fields, inputOnly, toColumns: hook, afterWrite, beforeDelete, beforeUpdate, ...rest } = definition;
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
    ...(afterWrite && {
      afterWrite: (ctx, row, input, created) => afterWrite(ctx, asTableRow<T>(row), asBody<F, I>(input), created),
    }),
    ...(beforeDelete && { beforeDelete: (ctx, row) => beforeDelete(ctx, asTableRow<T>(row)) }),
    ...(beforeUpdate && {
      beforeUpdate: (ctx, row, input) => beforeUpdate(ctx, asTableRow<T>(row), asBody<F, I>(input)),
    }),
    fields: Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, presentedField(field)])),
    createSchema,
    updateSchema,
    toColumns: async (ctx, input, existing) => {
      const columns = copyToColumns(input, columnMap);
      return hook
        ? hook(ctx, asBody<F, I>(input), existing && asTableRow<T>(existing), columns as TableColumns<T>)
        : columns;
    },
  };
}

/** Builds a resource's spec from its definition and registers it (its bodies then refuse unknown keys). */
export const defineResource = <
  T extends ResourceTable,
  F extends FieldDefinitions,
  I extends InputOnlyDefinitions = Record<never, never>,
>(
  definition: ResourceDefinition<T, F, I>,
): ResourceSpec => registerResource(buildResource(definition));
