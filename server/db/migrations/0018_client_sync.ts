import { sql, type Kysely } from 'kysely';
import { rlsStatements } from './sql-fragments.ts';

/**
 * The phone's offline outbox replays through POST /api/v1/sync/batch (issue 13): each operation
 * carries the client's idempotency key, and an applied operation keeps its key here, so a replay
 * of the same operation is answered "duplicate" and never applied twice.
 *
 * Image variants (issue 13): an uploaded image is converted in a job; `processing` says where
 * that stands (null for files that are not images), `variants` is what the API presents (web and
 * thumbnail: url, size, bytes) and `variant_keys` where their bytes are stored.
 *
 * Client error telemetry (issue 13): uncaught errors and failed saves the web app reports, without
 * personal data: the browser and OS parsed from the user agent, the app version, the route with
 * its ids blanked, the error's name and a scrubbed message. `reporter_key` is a hash of the
 * session, kept only to rate-limit one reporter; it names nobody.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table client_errors (
      tenant_id uuid not null references tenants(id),
      id uuid not null,
      reporter_key text not null,
      kind text not null check (kind in ('uncaught', 'unhandled_rejection', 'save_failed')),
      error_name text not null,
      message text not null,
      browser text not null,
      os text not null,
      app_version text not null,
      route text not null,
      screen text,
      occurred_at timestamptz(3) not null,
      received_at timestamptz(3) not null default now(),
      primary key (tenant_id, id)
    )`,
    `create table sync_operations (
      tenant_id uuid not null references tenants(id),
      idempotency_key uuid not null,
      user_id uuid not null,
      op text not null check (op in ('create', 'update')),
      record_type text not null,
      record_id uuid not null,
      client_version text,
      applied_at timestamptz(3) not null default now(),
      primary key (tenant_id, idempotency_key)
    )`,
    `alter table attachments
      add column processing text check (processing in ('pending', 'done', 'failed')),
      add column processing_error text,
      add column variants jsonb,
      add column variant_keys jsonb`,
    `create index client_errors_received on client_errors (tenant_id, received_at desc)`,
    `create index client_errors_reporter on client_errors (tenant_id, reporter_key, received_at desc)`,
    ...['client_errors', 'sync_operations'].flatMap(rlsStatements),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists client_errors, sync_operations').execute(db);
  await sql
    .raw(
      'alter table attachments drop column if exists processing, drop column if exists processing_error, drop column if exists variants, drop column if exists variant_keys',
    )
    .execute(db);
}
