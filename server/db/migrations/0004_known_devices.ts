import { sql, type Kysely } from 'kysely';
import { rlsStatements } from './sql-fragments.ts';

/**
 * Devices a user has signed in from (server/auth/login-limits.ts): the right password from one
 * of them passes the per-user sign-in delay, so nobody can lock a colleague out by guessing.
 * Only a hash of the device id is stored. The purge job needs the attempt time indexed.
 */
const statements = [
  `create table known_devices (
    tenant_id uuid not null references tenants(id),
    user_id uuid not null,
    device_hash text not null,
    first_seen_at timestamptz(3) not null default now(),
    last_seen_at timestamptz(3) not null default now(),
    primary key (tenant_id, user_id, device_hash),
    foreign key (tenant_id, user_id) references users(tenant_id, id) on delete cascade
  )`,
  `create index login_attempts_time on login_attempts (attempted_at)`,
  `create index sessions_expires on sessions (expires_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  for (const statement of rlsStatements('known_devices')) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists known_devices').execute(db);
  await sql.raw('drop index if exists login_attempts_time').execute(db);
  await sql.raw('drop index if exists sessions_expires').execute(db);
}
