import { sql, type Kysely } from 'kysely';

/**
 * A whole-table index under the four foreign keys that only partial indexes covered (`where
 * deleted_at is null`): the referential action of a deleted user or role (`on delete set null` /
 * `cascade`) reads every child row, soft-deleted ones included, and cannot use a partial index, so
 * it scanned the table. The consistency scan's `unindexed_foreign_key` check named them; the
 * catalog test now runs that same check (server/consistency/checks.ts).
 */
const indexes: Array<[table: string, column: string]> = [
  ['customers', 'owner_id'],
  ['role_grants', 'role_id'],
  ['role_field_rules', 'role_id'],
  ['user_roles', 'user_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of indexes)
    await sql.raw(`create index if not exists ${table}_${column}_fk on ${table} (tenant_id, ${column})`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of indexes) await sql.raw(`drop index if exists ${table}_${column}_fk`).execute(db);
}
