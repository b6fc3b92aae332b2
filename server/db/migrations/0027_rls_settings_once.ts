import { sql, type Kysely } from 'kysely';

/**
 * The row-level-security backstop reads its settings once per statement instead of once per
 * row. As `current_setting(…)` calls, the policy's test ran for every row a scan touched: on a
 * manager's list at 1M customers (about 3,000 rows through customers, users and departments)
 * it cost 0.7 ms of a 1.8 ms statement. As scalar subqueries the settings become init plans,
 * evaluated once, and each row compares a uuid with a parameter: 0.05 ms. The rows admitted
 * are the same; `with check` changes the same way. A table created later with sql-fragments'
 * `rlsStatements` (frozen, per-row form) fails the catalog check in tests/api/tenancy.test.ts
 * until its migration rewrites its policy the same way.
 */
const policy = (column: string, once: boolean) =>
  once
    ? `(${column} = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
        or (select current_setting('app.system', true) = 'on'))`
    : `(${column} = nullif(current_setting('app.tenant_id', true), '')::uuid
        or current_setting('app.system', true) = 'on')`;

async function guarded(db: Kysely<unknown>) {
  const { rows } = await sql<{ table: string; column: string }>`
    select c.relname as "table",
           case when exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                                           and not a.attisdropped)
                then 'tenant_id' else 'id' end as "column"
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
     where p.polname = 'tenant_isolation' and n.nspname = current_schema()
     order by c.relname`.execute(db);
  return rows;
}

async function rewrite(db: Kysely<unknown>, once: boolean) {
  for (const { table, column } of await guarded(db)) {
    const check = policy(column, once);
    await sql.raw(`alter policy tenant_isolation on "${table}" using ${check} with check ${check}`).execute(db);
  }
}

export const up = (db: Kysely<unknown>) => rewrite(db, true);
export const down = (db: Kysely<unknown>) => rewrite(db, false);
