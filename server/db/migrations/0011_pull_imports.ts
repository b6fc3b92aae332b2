import { sql, type Kysely } from 'kysely';
import { ref, rlsStatements } from './sql-fragments.ts';

/**
 * Scheduled pulls and file imports (issue 10): the cursor of each pull channel (saved in the
 * transaction that stores the page's raw records) and the cron slot it last fired for; one row
 * per pull run with what it took, how many records had no cursor value, and why it failed; one
 * row per imported file with its progress. Imported rows are intake records like any other,
 * tagged with their import and row number, and every intake record may carry the fields its
 * last failure named (for dead letters and the import error report).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const reasons = `'validation', 'mapping', 'permission', 'conflict', 'remote_4xx', 'remote_5xx', 'timeout'`;
  const statements = [
    `create table channel_cursors (
      tenant_id uuid not null references tenants(id),
      channel_id uuid not null,
      cursor text,
      -- the cron slot a pull was last sent for: a slot fires once, across every instance
      last_slot_at timestamptz(3),
      updated_at timestamptz(3) not null default now(),
      primary key (tenant_id, channel_id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create table pull_runs (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      channel_id uuid not null,
      trigger text not null check (trigger in ('schedule', 'manual')),
      status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
      started_at timestamptz(3) not null default now(),
      finished_at timestamptz(3),
      pages integer not null default 0,
      records integer not null default 0,
      stored integer not null default 0,
      missing_cursor integer not null default 0,
      cursor_before text,
      cursor_after text,
      http_status integer,
      reason text check (reason in (${reasons})),
      last_error text,
      primary key (tenant_id, id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create index pull_runs_channel on pull_runs (tenant_id, channel_id, started_at desc)`,
    `create table imports (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      channel_id uuid not null,
      file_name text not null,
      file_format text not null check (file_format in ('csv', 'xlsx')),
      file_hash text not null,
      size_bytes bigint not null,
      storage_key text not null,
      columns jsonb not null default '[]',
      status text not null default 'uploaded' check (status in ('uploaded', 'queued', 'running', 'finished', 'failed')),
      total_rows integer not null default 0,
      processed_rows integer not null default 0,
      -- rows whose idempotency key (file hash + row number) an earlier run of the file already stored
      repeated_rows integer not null default 0,
      started_at timestamptz(3),
      finished_at timestamptz(3),
      last_error text,
      created_at timestamptz(3) not null default now(),
      created_by uuid,
      primary key (tenant_id, id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create index imports_channel on imports (tenant_id, channel_id, created_at desc)`,
    `alter table intake_records add column import_id uuid, add column row_number integer,
      add column error_fields jsonb,
      add constraint intake_records_import_fk foreign key (tenant_id, import_id) references imports(tenant_id, id) on delete restrict`,
    // not partial: it also backs the foreign key (the consistency scan counts only full indexes)
    `create index intake_records_import on intake_records (tenant_id, import_id, row_number)`,
    ...['channel_cursors', 'pull_runs', 'imports'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop index intake_records_import',
    'alter table intake_records drop constraint intake_records_import_fk',
    'alter table intake_records drop column import_id, drop column row_number, drop column error_fields',
    'drop table imports',
    'drop table pull_runs',
    'drop table channel_cursors',
  ])
    await sql.raw(statement).execute(db);
}
