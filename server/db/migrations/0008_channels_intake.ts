import { sql, type Kysely } from 'kysely';
import { baseColumns, ref, rlsStatements } from './sql-fragments.ts';

/**
 * Integration channels and the inbound intake (issue 10): a channel's mapping, merge policy,
 * match order and service identity; every received payload, stored append-only with its
 * idempotency key and its outcome (queued → created / updated / unchanged / review / dead);
 * the external id each channel knows a record by; and the channel that last set each field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table channels (${baseColumns},
      key text not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
      name text not null,
      kind text not null check (kind in ('webhook', 'pull', 'import', 'outbound')),
      trigger text not null check (trigger in ('realtime', 'scheduled')),
      record_type text not null default 'customer',
      mapping jsonb not null default '[]',
      merge_policy jsonb not null default '{"default":"nonNullWins"}',
      match_order jsonb not null default '["externalId","creditCode","phone","name"]',
      idempotency_field text,
      -- what a kind needs beyond the mapping (a pull's URL and cursor, an outbound URL, a schedule)
      config jsonb not null default '{}',
      service_user_id uuid,
      secret_hash text,
      secret_sealed text,
      retry_base_seconds integer not null default 5 check (retry_base_seconds between 0 and 3600),
      retry_limit integer not null default 5 check (retry_limit between 0 and 20),
      last_success_at timestamptz(3),
      last_error text,
      last_error_at timestamptz(3),
      ${ref('service_user_id', 'users', 'restrict')}
    )`,
    `create unique index channels_key on channels (tenant_id, key) where deleted_at is null`,
    // the intake endpoint finds a channel by its key before it knows the company (see intake-auth.ts)
    `create index channels_key_lookup on channels (key) where deleted_at is null`,
    `create index channels_service_user on channels (tenant_id, service_user_id)`,
    `create table intake_records (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      channel_id uuid not null,
      idempotency_key text not null,
      payload jsonb not null,
      content_type text,
      received_at timestamptz(3) not null default now(),
      -- the source's change time; a missing one is the receipt time (the record is never skipped)
      source_at timestamptz(3),
      status text not null default 'queued'
        check (status in ('queued', 'created', 'updated', 'unchanged', 'review', 'dead')),
      record_type text,
      record_id uuid,
      reason text check (reason in ('validation', 'mapping', 'permission', 'conflict', 'remote_4xx', 'remote_5xx', 'timeout')),
      last_error text,
      attempts integer not null default 0,
      next_attempt_at timestamptz(3),
      processed_at timestamptz(3),
      candidates jsonb,
      resolved_at timestamptz(3),
      resolved_by uuid,
      discarded_at timestamptz(3),
      discarded_by uuid,
      discard_reason text,
      primary key (tenant_id, id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create unique index intake_records_key on intake_records (tenant_id, channel_id, idempotency_key)`,
    `create index intake_records_channel on intake_records (tenant_id, channel_id, received_at desc)`,
    `create index intake_records_open on intake_records (tenant_id, status, received_at desc)
      where status in ('queued', 'review', 'dead') and discarded_at is null`,
    // the raw payload is append-only: what arrived is never edited or removed
    `create function intake_records_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'intake records are append-only' using errcode = '42501';
      end if;
      if new.payload is distinct from old.payload or new.idempotency_key is distinct from old.idempotency_key
         or new.channel_id is distinct from old.channel_id or new.received_at is distinct from old.received_at then
        raise exception 'the raw payload of an intake record never changes' using errcode = '42501';
      end if;
      return new;
    end $$`,
    `create trigger intake_records_append_only before update or delete on intake_records
      for each row execute function intake_records_append_only()`,
    `create table channel_links (
      tenant_id uuid not null references tenants(id),
      channel_id uuid not null,
      external_id text not null,
      record_type text not null,
      record_id uuid not null,
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, channel_id, external_id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create index channel_links_record on channel_links (tenant_id, record_type, record_id)`,
    `create table field_provenance (
      tenant_id uuid not null references tenants(id),
      record_type text not null,
      record_id uuid not null,
      field text not null,
      channel_id uuid,
      intake_id uuid,
      source_at timestamptz(3),
      set_at timestamptz(3) not null default now(),
      primary key (tenant_id, record_type, record_id, field),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create index field_provenance_channel on field_provenance (tenant_id, channel_id)`,
    ...['channels', 'intake_records', 'channel_links', 'field_provenance'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table field_provenance',
    'drop table channel_links',
    'drop trigger intake_records_append_only on intake_records',
    'drop table intake_records',
    'drop function intake_records_append_only()',
    'drop table channels',
  ])
    await sql.raw(statement).execute(db);
}
