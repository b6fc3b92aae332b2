import { sql, type Kysely } from 'kysely';

/**
 * Where the primary's WAL was after a session's latest writing request (server/db/replica.ts):
 * its reads go to a replica only once the replica has replayed past it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table sessions add column write_lsn pg_lsn').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('alter table sessions drop column write_lsn').execute(db);
}
