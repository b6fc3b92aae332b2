import { sql, type Kysely } from 'kysely';
import { ref, rlsStatements } from './sql-fragments.ts';

/**
 * Reports finance and sales both trust (issue 11): metric definitions (口径) as versioned
 * documents — a version is a draft until approved, and an approved one never changes (a trigger
 * refuses it) — dated exchange rates per rate set with their source, and sealed monthly report
 * snapshots forming a hash chain per company, which triggers keep append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table metric_definitions (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      name text not null,
      description text,
      created_at timestamptz(3) not null default now(),
      created_by uuid,
      primary key (tenant_id, id)
    )`,
    `create unique index metric_definitions_name on metric_definitions (tenant_id, name)`,
    `create table metric_definition_versions (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      definition_id uuid not null,
      semver text not null,
      valid_from date not null,
      document jsonb not null,
      hash text not null,
      status text not null default 'draft' check (status in ('draft', 'approved')),
      change_note text not null,
      diff jsonb not null default '[]',
      based_on uuid,
      rolled_back_to uuid,
      author_id uuid,
      approver_id uuid,
      approved_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id),
      ${ref('definition_id', 'metric_definitions', 'restrict')}
    )`,
    `create unique index metric_definition_versions_semver on metric_definition_versions (tenant_id, definition_id, semver)`,
    `create index metric_definition_versions_valid on metric_definition_versions (tenant_id, definition_id, valid_from)
      where status = 'approved'`,
    // an approved version is immutable: only a draft may change (to become approved) or go away
    `create function metric_version_immutable() returns trigger language plpgsql as $$
    begin
      if old.status = 'approved' then
        raise exception 'approved metric definition versions are immutable' using errcode = '55000';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`,
    `create trigger metric_definition_versions_immutable before update or delete on metric_definition_versions
      for each row execute function metric_version_immutable()`,
    `create table fx_rates (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      rate_set text not null,
      base char(3) not null,
      quote char(3) not null,
      rate_date date not null,
      rate numeric(20, 10) not null check (rate > 0),
      source text not null,
      published_at timestamptz(3),
      fetched_at timestamptz(3) not null default now(),
      payload_hash text,
      reason text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id)
    )`,
    `create unique index fx_rates_day on fx_rates (tenant_id, rate_set, base, quote, rate_date)`,
    `create table report_snapshots (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      seq integer not null,
      period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      definition_id uuid not null,
      version_id uuid not null,
      semver text not null,
      definition_hash text not null,
      rate_set text not null,
      group_by jsonb not null,
      result jsonb not null,
      hash text not null,
      prev_hash text,
      created_by uuid,
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id),
      ${ref('definition_id', 'metric_definitions', 'restrict')},
      ${ref('version_id', 'metric_definition_versions', 'restrict')}
    )`,
    `create unique index report_snapshots_seq on report_snapshots (tenant_id, seq)`,
    `create unique index report_snapshots_period on report_snapshots (tenant_id, definition_id, period)`,
    `create index report_snapshots_version on report_snapshots (tenant_id, version_id)`,
    `create function report_snapshots_sealed() returns trigger language plpgsql as $$
    begin
      raise exception 'report snapshots are sealed: % is not allowed', tg_op using errcode = '55000';
    end $$`,
    `create trigger report_snapshots_no_change before update or delete on report_snapshots
      for each row execute function report_snapshots_sealed()`,
    `create trigger report_snapshots_no_truncate before truncate on report_snapshots
      for each statement execute function report_snapshots_sealed()`,
    // the basis dates reports filter on, per company
    `create index contracts_signed_date on contracts (tenant_id, signed_date) where deleted_at is null`,
    `create index payments_received_date on payments (tenant_id, received_date) where deleted_at is null`,
    `create index contract_installments_due_date on contract_installments (tenant_id, due_date) where deleted_at is null`,
    `create index orders_ordered_at on orders (tenant_id, ordered_at) where deleted_at is null`,
    ...['metric_definitions', 'metric_definition_versions', 'fx_rates', 'report_snapshots'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table report_snapshots',
    'drop function report_snapshots_sealed',
    'drop table fx_rates',
    'drop table metric_definition_versions',
    'drop function metric_version_immutable',
    'drop table metric_definitions',
    'drop index contracts_signed_date',
    'drop index payments_received_date',
    'drop index contract_installments_due_date',
    'drop index orders_ordered_at',
  ])
    await sql.raw(statement).execute(db);
}
