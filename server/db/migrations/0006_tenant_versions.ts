import { sql, type Kysely } from 'kysely';
import { rlsStatements } from './sql-fragments.ts';

/**
 * One row per company whose `access_version` changes, in the same transaction, whenever
 * anything the per-tenant access cache holds changes (server/access/access-cache.ts): the
 * company's settings and cursor key, roles, grants, field rules and custom-field definitions.
 * Triggers make it so for every writer (the app, the CLI, a person with psql). The version is a
 * fresh random value, not a counter, so a rolled-back change can never be mistaken for a later
 * committed one.
 */
const tracked = ['roles', 'role_grants', 'role_field_rules', 'custom_fields'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table tenant_versions (
      tenant_id uuid primary key references tenants(id) on delete cascade,
      access_version text not null default gen_random_uuid()::text
    )`,
    `insert into tenant_versions (tenant_id) select id from tenants`,
    ...rlsStatements('tenant_versions'),
    `create function bump_access_version() returns trigger language plpgsql as $$
    begin
      insert into tenant_versions as v (tenant_id)
        values (((case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end) ->> tg_argv[0])::uuid)
        on conflict (tenant_id) do update set access_version = gen_random_uuid()::text;
      return null;
    end $$`,
    `create trigger tenants_access_version after insert or update of settings, cursor_key on tenants
      for each row execute function bump_access_version('id')`,
    ...tracked.map(
      (table) => `create trigger ${table}_access_version after insert or update or delete on ${table}
        for each row execute function bump_access_version('tenant_id')`,
    ),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['tenants', ...tracked])
    await sql.raw(`drop trigger if exists ${table}_access_version on ${table}`).execute(db);
  await sql.raw('drop function if exists bump_access_version()').execute(db);
  await sql.raw('drop table if exists tenant_versions').execute(db);
}
