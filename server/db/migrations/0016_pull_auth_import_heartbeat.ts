import { sql, type Kysely } from 'kysely';

/**
 * Issue 10 gaps:
 * - `channels.auth_headers`: the headers a pull channel sends its source (e.g. Authorization),
 *   header name → value sealed under the company's key like the channel secret; the API shows
 *   the names only.
 * - `imports.heartbeat_at`: when a running import last saved progress; an import still
 *   `running` without a heartbeat for a while lost its worker and is marked failed by the sweep.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table channels add column auth_headers jsonb not null default '{}'`,
    `alter table imports add column heartbeat_at timestamptz(3)`,
    `create index imports_running on imports (tenant_id, heartbeat_at) where status = 'running'`,
  ])
    await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop index imports_running',
    'alter table imports drop column heartbeat_at',
    'alter table channels drop column auth_headers',
  ])
    await sql.raw(statement).execute(db);
}
