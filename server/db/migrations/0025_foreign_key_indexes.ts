import { sql, type Kysely } from 'kysely';

/**
 * An index under every foreign key that had none (server/db/foreign-key-indexes.test.ts keeps it
 * so): deleting or re-keying a user, role, department, opportunity, product, installment or
 * template no longer scans the whole child table for each row, and lists by these columns
 * (a contract's or an order's owner, an opportunity's follow-ups) are index scans. Each index
 * leads with tenant_id like the key itself.
 */
const indexes: Array<[table: string, column: string]> = [
  ['departments', 'parent_id'],
  ['users', 'manager_id'],
  ['sessions', 'user_id'],
  ['api_keys', 'user_id'],
  ['followups', 'opportunity_id'],
  ['contracts', 'opportunity_id'],
  ['contracts', 'owner_id'],
  ['payments', 'installment_id'],
  ['orders', 'product_id'],
  ['orders', 'owner_id'],
  ['roles', 'parent_role_id'],
  ['step_up_tokens', 'user_id'],
  ['followup_template_uses', 'template_id'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of indexes)
    await sql.raw(`create index if not exists ${table}_${column}_fk on ${table} (tenant_id, ${column})`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of indexes) await sql.raw(`drop index if exists ${table}_${column}_fk`).execute(db);
}
