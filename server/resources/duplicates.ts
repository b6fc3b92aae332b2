import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import type { DuplicateCheck, ResourceSpec } from './resource-spec.ts';
import { resourceDb } from './resource-db.ts';

/** Values that must be unique among a table's live rows, as one of its unique indexes holds them. */
export interface UniqueKey {
  /** The API field a duplicate is reported on. */
  field: string;
  columns: string[];
  /** The index compares lower(column) (user names). */
  caseInsensitive?: boolean;
}

/**
 * A duplicate check over a table's unique keys: a live row (not `selfId`) holding the same
 * values answers 409 DUPLICATE_RECORD naming the field and the existing record.
 */
export function uniqueKeyCheck(options: {
  recordType: string;
  table: string;
  titleColumn: string;
  keys: UniqueKey[];
}): DuplicateCheck {
  const { recordType, table, titleColumn, keys } = options;
  const check: DuplicateCheck = async (ctx, candidate, selfId) => {
    for (const key of keys) {
      const values = key.columns.map((column) => candidate[column]);
      if (values.some((v) => v === null || v === undefined || v === '')) continue;
      let query = resourceDb(ctx.trx)
        .selectFrom(table)
        .select(['id', sql.ref(titleColumn).as('title')])
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('deleted_at', 'is', null);
      key.columns.forEach((column, i) => {
        query = key.caseInsensitive
          ? query.where(sql`lower(${sql.ref(column)})`, '=', String(values[i]).toLowerCase())
          : query.where(column, '=', values[i]);
      });
      if (selfId) query = query.where('id', '<>', selfId);
      const match = (await query.executeTakeFirst()) as { id: string; title: unknown } | undefined;
      if (match) {
        throw new AppError(
          'DUPLICATE_RECORD',
          `a ${recordType} with the same ${key.field} already exists: ${String(match.title)}`,
          {
            field: key.field,
            existingId: match.id,
            existingName: match.title,
          },
        );
      }
    }
  };
  return Object.assign(check, { columns: keys.flatMap((key) => key.columns) });
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505';

/**
 * Runs one update of `spec`'s table with no duplicate read before it: the table's unique indexes
 * decide. The write runs under a savepoint so that, when an index refuses it (an existing row, or
 * one committed by a concurrent request), the check can run in the same transaction and answer
 * 409 DUPLICATE_RECORD naming the field and the existing record. (Creates need no savepoint: they
 * insert with `on conflict do nothing`, which an update cannot.) An update of `existing` that
 * leaves every column the indexes cover unchanged cannot be refused, and skips the savepoint.
 * `refuseFirst` runs after a refusal, before the naming: a refusal that would have come first.
 */
export async function writeOrNameDuplicate<T>(
  ctx: CommandContext,
  spec: ResourceSpec,
  candidate: Record<string, unknown>,
  selfId: string | undefined,
  write: () => Promise<T>,
  existing?: Record<string, unknown>,
  refuseFirst?: () => Promise<unknown>,
): Promise<T> {
  if (!spec.duplicateCheck) return write();
  const covered = spec.duplicateCheck.columns;
  if (existing && covered?.every((column) => candidate[column] === existing[column])) return write();
  await sql`savepoint unique_write`.execute(ctx.trx);
  try {
    const result = await write();
    await sql`release savepoint unique_write`.execute(ctx.trx);
    return result;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await sql`rollback to savepoint unique_write`.execute(ctx.trx);
    await refuseFirst?.();
    await spec.duplicateCheck(ctx, candidate, selfId);
    throw error;
  }
}
