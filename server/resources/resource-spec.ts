import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { CustomFieldObject } from '../../common/enums.ts';
import type { AccessObject, SystemPermission } from '../../common/access-vocabulary.ts';
import type { DB } from '../db/schema.ts';
import type { CommandContext } from './context.ts';

export type FieldKind = 'text' | 'uuid' | 'int' | 'decimal' | 'date' | 'timestamp' | 'bool' | 'textArray' | 'json';

export interface FieldSpec {
  column: string;
  kind: FieldKind;
  /** May appear in `filter=`. */
  filter?: boolean;
  /** May appear in `sort=`. */
  sort?: boolean;
  /** The column is NOT NULL, so sorting needs no null handling and can use a plain index. */
  required?: boolean;
  /** Stored but never presented (hashes, normalised copies). */
  internal?: boolean;
  description?: string;
  /** Another field of the object whose field rule also governs this one (it reveals that field). */
  ruleOf?: string;
}

/** A presented value computed in SQL from other tables (a derived field). */
export interface DerivedField {
  kind: FieldKind;
  schema: z.ZodType;
  /** The value as SQL over the record's row; `table` is the name the row goes by. */
  select(table: string): RawBuilder<unknown>;
  /** Another field whose field rule also governs this one. */
  ruleOf?: string;
}

/** The caller's view of fields, for quick search: only what they see may match. */
export interface SearchView {
  /** A field of `resource` as the caller sees it, as SQL over its table: the column, its masked form, or undefined when hidden. */
  field(resource: string, name: string): RawBuilder<unknown> | undefined;
  /** Whether the caller sees the field in full. */
  visible(resource: string, name: string): boolean;
  /** The rows of `resource` the caller may read, as SQL over its table. */
  readable(resource: string): Expression<SqlBool>;
}

/** A related list: rows of `resource` whose `column` holds this record's id. */
export interface RelationSpec {
  resource: string;
  column: string;
  /** Extra equality conditions, e.g. attachments linked by record type. */
  where?: Record<string, string>;
}

export type Row = Record<string, unknown> & { id: string; tenant_id: string; version: number };
export type Input = Record<string, unknown>;

/**
 * Throws 409 DUPLICATE_RECORD naming the field and the existing record when another live record
 * holds the unique values of `candidate` (the row as it would be stored, columns by name).
 */
export type DuplicateCheck = ((
  ctx: CommandContext,
  candidate: Record<string, unknown>,
  selfId?: string,
) => Promise<void>) & {
  /**
   * The columns the table's unique indexes cover. An update leaving them all unchanged cannot be
   * refused by an index, so it writes without the savepoint. Unset: every update takes it.
   */
  columns?: readonly string[];
};

/** Who may reach a resource's records: the access object, its owner column and its inheritance. */
export interface ResourceAccess {
  /** The access object whose grants govern the resource's routes. */
  object: AccessObject;
  /** The column that makes a record "mine" for own and department scopes (on the object's own resource). */
  owner?: string;
  /** Records inherit their customer's scope unless a grant names a scope of its own. */
  inheritsFrom?: 'customer';
}

export interface ResourceSpec {
  /** URL segment under /api/v1 and the key in the registry. */
  path: string;
  /** Singular name used in audit rows, the recycle bin and events. */
  recordType: string;
  table: keyof DB & string;
  tag: string;
  access: ResourceAccess;
  fields: Record<string, FieldSpec>;
  titleField: string;
  createSchema: z.ZodObject;
  updateSchema: z.ZodObject;
  /** Output fields computed from other tables (e.g. nested installments). */
  derived?: Record<string, DerivedField>;
  customObject?: CustomFieldObject;
  /** Validated input → column values; checks references and business rules. */
  toColumns(ctx: CommandContext, input: Input, existing: Row | undefined): Promise<Record<string, unknown>>;
  afterWrite?(ctx: CommandContext, row: Row, input: Input, created: boolean): Promise<void>;
  /** Runs before every create and update, and again when a unique index refuses one (a race). */
  duplicateCheck?: DuplicateCheck;
  beforeDelete?(ctx: CommandContext, row: Row): Promise<void>;
  /** Business rules on changing an existing record (edit windows, locks). */
  beforeUpdate?(ctx: CommandContext, row: Row, input: Input): Promise<void>;
  includes?: Record<string, RelationSpec>;
  /** Children soft-deleted (and restored) together with this record. */
  cascade?: RelationSpec[];
  /** The record this one belongs to: restoring requires it to be live. */
  parent?: { resource: string; column: string };
  /** Audit change keys that carry a field's value under another name (an amendment carries the content). */
  auditAliases?: Record<string, string>;
  /** Quick search (`q=`): a condition over the table's columns, using only what `view` shows the caller. */
  search?: (q: string, view: SearchView) => Expression<SqlBool>;
  defaultSort?: string;
  /** Rows are reached through a parent's scope (installments through their contract). */
  scopeVia?: { column: string; resource: string };
  /** Writes need this system permission instead of object grants (users, departments). */
  writePermission?: SystemPermission;
  /** Any signed-in user may read (departments, custom-field definitions). */
  readableByAll?: boolean;
  /** Routes the generic set does not generate (delete is forbidden for audit rows etc.; a resource with its own list route). */
  operations?: { list?: boolean; create?: boolean; update?: boolean; delete?: boolean };
}
