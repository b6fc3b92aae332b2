import { sql, type Kysely } from 'kysely';
import { ref, rlsStatements } from './sql-fragments.ts';

/**
 * Outbound deliveries (issue 10, "to the finance system"): one row per event and outbound
 * channel — the event id is the delivery key, so an event is delivered to a channel at most once
 * after a 2xx — holding the exact body sent on every attempt, and an append-only log of each
 * attempt with its response code and duration. A delivery that runs out of retries becomes a
 * dead letter in intake_records (the one dead-letter list), keyed by the same event id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const reasons = `'validation', 'mapping', 'permission', 'conflict', 'remote_4xx', 'remote_5xx', 'timeout'`;
  const statements = [
    `create table outbound_deliveries (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      channel_id uuid not null,
      event_id uuid not null,
      event_type text not null,
      occurred_at timestamptz(3) not null,
      body jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz(3),
      -- a worker sending an attempt holds it until then; another worker does not send it meanwhile
      lease_until timestamptz(3),
      delivered_at timestamptz(3),
      reason text check (reason in (${reasons})),
      last_error text,
      last_status integer,
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id),
      ${ref('channel_id', 'channels', 'restrict')}
    )`,
    `create unique index outbound_deliveries_event on outbound_deliveries (tenant_id, channel_id, event_id)`,
    `create index outbound_deliveries_pending on outbound_deliveries (tenant_id, next_attempt_at)
      where status = 'pending'`,
    `create table outbound_delivery_log (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      channel_id uuid not null,
      delivery_id uuid not null,
      event_id uuid not null,
      attempt integer not null,
      response_code integer,
      duration_ms integer not null,
      error text,
      outcome text not null check (outcome in ('delivered', 'retry', 'dead')),
      created_at timestamptz(3) not null default now(),
      primary key (tenant_id, id),
      ${ref('channel_id', 'channels', 'restrict')},
      ${ref('delivery_id', 'outbound_deliveries', 'restrict')}
    )`,
    `create index outbound_delivery_log_channel on outbound_delivery_log (tenant_id, channel_id, created_at desc, id desc)`,
    `create index outbound_delivery_log_delivery on outbound_delivery_log (tenant_id, delivery_id)`,
    ...['outbound_deliveries', 'outbound_delivery_log'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of ['drop table outbound_delivery_log', 'drop table outbound_deliveries'])
    await sql.raw(statement).execute(db);
}
