import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Trx = Transaction<DB>;

/**
 * Runs `fn` in a transaction whose `app.tenant_id` is set, so the RLS backstop admits only
 * that tenant's rows. Every request and job touching business tables goes through here.
 */
export function withTenant<T>(db: Kysely<DB>, tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}

/**
 * Runs `fn` across tenants (login lookup, job sweeps, seeding a new tenant). Use sparingly:
 * anything reached from a request must run through `withTenant`.
 */
export function asSystem<T>(db: Kysely<DB>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.system', 'on', true)`.execute(trx);
    return fn(trx);
  });
}
