import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, rlsStatements } from './sql-fragments.ts';

/**
 * Automation (issue 12): workflow rules (trigger → conditions → actions, versioned, with an
 * owner and optionally a service identity they run as), their run history — one row per
 * (rule, rule version, trigger event), so the same event never runs a rule version twice —
 * inbound call records (unique call id per company), to-dos and in-app notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table automation_rules (${baseColumns},
      name text not null,
      owner_id uuid not null,
      service_user_id uuid,
      enabled boolean not null default true,
      trigger jsonb not null,
      trigger_topic text not null,
      conditions jsonb,
      actions jsonb not null,
      max_failures integer not null default 3 check (max_failures between 1 and 100),
      failure_streak integer not null default 0,
      paused_at timestamptz(3),
      paused_reason text,
      ${ref('owner_id', 'users', 'restrict')},
      ${ref('service_user_id', 'users', 'restrict')}
    )`,
    `create index automation_rules_topic on automation_rules (tenant_id, trigger_topic) where deleted_at is null and enabled`,
    // every foreign key has a plain index starting with its columns (the consistency scan checks)
    `create index automation_rules_owner on automation_rules (tenant_id, owner_id)`,
    `create index automation_rules_service_user on automation_rules (tenant_id, service_user_id)`,
    `create table automation_runs (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      rule_id uuid not null,
      rule_version integer not null,
      event_id uuid not null,
      topic text not null,
      depth integer not null,
      status text not null check (status in ('running', 'succeeded', 'skipped', 'failed', 'stopped')),
      trigger_payload jsonb not null,
      conditions jsonb,
      actions jsonb not null default '[]',
      error_code text,
      error text,
      identity_user_id uuid,
      started_at timestamptz(3) not null default now(),
      finished_at timestamptz(3),
      primary key (tenant_id, id),
      ${ref('rule_id', 'automation_rules', 'cascade')}
    )`,
    // the idempotency key: one run per trigger event and rule version
    `create unique index automation_runs_once on automation_runs (tenant_id, rule_id, rule_version, event_id)`,
    `create index automation_runs_rule on automation_runs (tenant_id, rule_id, started_at desc, id desc)`,
    `create table call_records (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      call_id text not null,
      direction text not null check (direction in ('inbound', 'outbound')),
      status text not null check (status in ('answered', 'missed', 'busy', 'failed')),
      from_number text not null,
      to_number text not null,
      customer_number_e164 text,
      agent_user_id uuid,
      started_at timestamptz(3) not null,
      talk_seconds integer not null check (talk_seconds >= 0),
      recording_url text,
      customer_id uuid,
      contact_id uuid,
      match_note text,
      followup_id uuid,
      format text not null check (format in ('json', 'twilio')),
      raw jsonb not null,
      received_by uuid,
      received_at timestamptz(3) not null default now(),
      primary key (tenant_id, id)
    )`,
    `create unique index call_records_call_id on call_records (tenant_id, call_id)`,
    `create index call_records_received on call_records (tenant_id, received_at desc, id desc)`,
    `create index call_records_customer on call_records (tenant_id, customer_id) where customer_id is not null`,
    `create table todos (${baseColumns},
      user_id uuid not null,
      title text not null,
      due_at timestamptz(3) not null,
      record_type text,
      record_id uuid,
      rule_id uuid,
      run_id uuid,
      completed_at timestamptz(3),
      ${ref('user_id', 'users', 'restrict')}
    )`,
    `create index todos_user_due on todos (tenant_id, user_id, due_at)`,
    `create table notifications (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      user_id uuid not null,
      kind text not null,
      message text not null,
      record_type text,
      record_id uuid,
      rule_id uuid,
      read_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id),
      ${ref('user_id', 'users', 'restrict')}
    )`,
    `create index notifications_user on notifications (tenant_id, user_id, created_at desc, id desc)`,
    ...['automation_rules', 'automation_runs', 'call_records', 'todos', 'notifications'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notifications', 'todos', 'call_records', 'automation_runs', 'automation_rules'])
    await sql.raw(`drop table ${table}`).execute(db);
}
