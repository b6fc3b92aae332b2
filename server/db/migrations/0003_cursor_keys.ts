import { sql, type Kysely } from 'kysely';

/**
 * Each company gets a secret that seals its list cursors (server/resources/cursor.ts). It lives
 * in the database so every app instance seals and opens the same cursors.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table tenants add column cursor_key text not null
        default encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table tenants drop column cursor_key').execute(db);
}
