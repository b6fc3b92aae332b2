import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, rlsStatements } from './sql-fragments.ts';

/**
 * Follow-up templates (issue 13): the company's library of follow-up texts a rep picks from in
 * the composer (title, body, and optionally the status and kind they record), and per user the
 * templates they used last, so the phone keeps the 30 most recent ones for offline reading.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table followup_templates (${baseColumns},
      title text not null check (char_length(title) between 1 and 40),
      body text not null check (char_length(body) between 1 and 2000),
      status text,
      kind text
    )`,
    `create unique index followup_templates_title on followup_templates (tenant_id, lower(title)) where deleted_at is null`,
    `create table followup_template_uses (
      tenant_id uuid not null references tenants(id),
      user_id uuid not null,
      template_id uuid not null,
      last_used_at timestamptz(3) not null default now(),
      uses integer not null default 1 check (uses > 0),
      primary key (tenant_id, user_id, template_id),
      ${ref('user_id', 'users', 'cascade')},
      ${ref('template_id', 'followup_templates', 'cascade')}
    )`,
    `create index followup_template_uses_recent on followup_template_uses (tenant_id, user_id, last_used_at desc)`,
    ...['followup_templates', 'followup_template_uses'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['followup_template_uses', 'followup_templates'])
    await sql.raw(`drop table ${table}`).execute(db);
}
