import { sql, type Kysely } from 'kysely';
import { ref, rlsStatements } from './sql-fragments.ts';

/**
 * Automation engine, second part (issue 12):
 * - a rule's rate limit (`max_runs_per_hour`) and its webhook signing secret (sealed with the
 *   company key, as channel secrets are);
 * - runs over the rate limit are kept as `rate_limited`; a rerun of a failed run is a new run
 *   (`rerun_of`, `from_step`) of the same event, so the once-per-event key covers first runs only;
 * - webhook deliveries of rule actions: one row per call, retried with backoff, then dead;
 * - the call (or other source) a follow-up was recorded from (`followups.source_ref`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `alter table automation_rules add column max_runs_per_hour integer check (max_runs_per_hour >= 1)`,
    `alter table automation_rules add column webhook_secret_sealed text`,
    `alter table automation_runs drop constraint automation_runs_status_check`,
    `alter table automation_runs add constraint automation_runs_status_check
      check (status in ('running', 'succeeded', 'skipped', 'failed', 'stopped', 'rate_limited'))`,
    `alter table automation_runs add column rerun_of uuid`,
    `alter table automation_runs add column from_step integer`,
    `drop index automation_runs_once`,
    `create unique index automation_runs_once on automation_runs (tenant_id, rule_id, rule_version, event_id)
      where rerun_of is null`,
    `create index automation_runs_rate on automation_runs (tenant_id, rule_id, status, started_at)`,
    `create table automation_webhook_deliveries (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      rule_id uuid not null,
      run_id uuid not null,
      url text not null,
      headers jsonb not null default '{}',
      body jsonb not null,
      event_id uuid not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz(3),
      lease_until timestamptz(3),
      last_status integer,
      last_error text,
      reason text,
      created_at timestamptz(3) not null default now(),
      delivered_at timestamptz(3),
      primary key (tenant_id, id),
      ${ref('rule_id', 'automation_rules', 'cascade')}
    )`,
    `create index automation_webhook_deliveries_rule on automation_webhook_deliveries (tenant_id, rule_id, created_at desc)`,
    `alter table followups add column source_ref text`,
    ...rlsStatements('automation_webhook_deliveries'),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `alter table followups drop column source_ref`,
    `drop table automation_webhook_deliveries`,
    `drop index automation_runs_rate`,
    `drop index automation_runs_once`,
    `delete from automation_runs where rerun_of is not null or status = 'rate_limited'`,
    `create unique index automation_runs_once on automation_runs (tenant_id, rule_id, rule_version, event_id)`,
    `alter table automation_runs drop column from_step`,
    `alter table automation_runs drop column rerun_of`,
    `alter table automation_runs drop constraint automation_runs_status_check`,
    `alter table automation_runs add constraint automation_runs_status_check
      check (status in ('running', 'succeeded', 'skipped', 'failed', 'stopped'))`,
    `alter table automation_rules drop column webhook_secret_sealed`,
    `alter table automation_rules drop column max_runs_per_hour`,
  ])
    await sql.raw(statement).execute(db);
}
