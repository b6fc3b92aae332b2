import type { Kysely } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import type { Row } from './resource-spec.ts';

/**
 * Every table as the generic engine sees it: one whose name it learns at run time (a resource's
 * `spec.table`), with any column, whose rows it knows only as `Row` (id, tenant and version typed,
 * the other columns unknown). Hooks and domain code see rows typed by their own table
 * (`TableRow<T>` in define-resource.ts); this is the one place the engine's queries are untyped.
 */
export type RuntimeTables = Record<string, Row>;

/** The transaction, for queries over a table named at run time (see `RuntimeTables`). */
export const resourceDb = (trx: Trx) => trx as unknown as Kysely<RuntimeTables>;
