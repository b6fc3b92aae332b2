import { sql, type Kysely } from 'kysely';

/**
 * A linked WeCom external contact keeps the name it goes by in WeCom (PUT
 * /api/v1/wecom/external-contacts/{externalUserId}), so a link is recognisable without WeCom.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table wecom_external_contacts add column name text`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table wecom_external_contacts drop column name`).execute(db);
}
