/** What every step of the demo seed shares, and the bulk insert they all use. */
import type { Insertable } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { DB } from '../db/schema.ts';
import type { Random } from './random.ts';

export interface SeedContext {
  trx: Trx;
  tenantId: string;
  adminId: string;
  now: Date;
  random: Random;
}

/** Rows are inserted this many at a time: well under PostgreSQL's 65535 bind parameters. */
export const CHUNK_SIZE = 500;

/** id, tenant and audit columns of a new business row. */
export function baseColumns(ctx: SeedContext, at: Date, by: string | null = ctx.adminId) {
  return { id: newId(), tenant_id: ctx.tenantId, created_at: at, updated_at: at, created_by: by, updated_by: by };
}

type Timestamps = 'created_at' | 'updated_at';

/**
 * An insertable row of `T`. Seed rows set their own timestamps, so those two columns are
 * typed as plain `Date | string`: in the schema they are `Generated<Timestamp>`, a ColumnType
 * nested in a ColumnType, which Kysely's `Insertable` cannot see through.
 */
export type Row<T extends keyof DB> = Omit<Insertable<DB[T]>, Timestamps> & {
  [K in Timestamps & keyof DB[T]]?: Date | string;
};

/** Inserts `rows` in chunks; returns how many were inserted. */
export async function insertInChunks<T extends keyof DB & string>(
  trx: Trx,
  table: T,
  rows: readonly Row<T>[],
): Promise<number> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE);
    // `Row` only differs from `Insertable` in the timestamp typing explained above.
    await trx
      .insertInto(table)
      .values(chunk as unknown as Insertable<DB[T]>[])
      .execute();
  }
  return rows.length;
}
