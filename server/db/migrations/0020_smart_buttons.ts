import { sql, type Kysely } from 'kysely';
import { ref, rlsStatements } from './sql-fragments.ts';

/**
 * Smart buttons and to-dos (issue 12): one follow-up settings row per company (its smart buttons,
 * working calendar and the grace period before an overdue next step is escalated), the taps of
 * smart buttons keyed by the caller's idempotency key (the same key twice is one follow-up), and
 * the state of a follow-up's next step (done, escalated once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table followup_settings (
      tenant_id uuid not null references tenants(id) primary key,
      smart_buttons jsonb,
      holidays jsonb not null default '[]',
      extra_workdays jsonb not null default '[]',
      escalation_grace_hours integer not null default 24 check (escalation_grace_hours between 1 and 720),
      version integer not null default 1,
      updated_at timestamptz(3) not null default now(),
      updated_by uuid
    )`,
    `create table smart_button_taps (
      tenant_id uuid not null references tenants(id),
      user_id uuid not null,
      idempotency_key text not null,
      button_key text not null,
      customer_id uuid not null,
      followup_id uuid not null,
      next_step_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, user_id, idempotency_key),
      ${ref('user_id', 'users', 'cascade')}
    )`,
    `create index smart_button_taps_followup on smart_button_taps (tenant_id, followup_id)`,
    `create table followup_next_steps (
      tenant_id uuid not null references tenants(id),
      followup_id uuid not null,
      done_at timestamptz(3),
      done_by uuid,
      escalated_at timestamptz(3),
      escalation_todo_id uuid,
      primary key (tenant_id, followup_id),
      ${ref('followup_id', 'followups', 'cascade')}
    )`,
    `create index followups_next_step_due on followups (tenant_id, next_step_at) where next_step_at is not null and deleted_at is null`,
    ...['followup_settings', 'smart_button_taps', 'followup_next_steps'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index followups_next_step_due').execute(db);
  for (const table of ['followup_next_steps', 'smart_button_taps', 'followup_settings'])
    await sql.raw(`drop table ${table}`).execute(db);
}
