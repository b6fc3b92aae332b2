import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../support/test-database.ts';
import type { Database } from '../../server/db/database.ts';

// Citus distributes a table by one column and can only enforce a primary key, a unique index or a
// foreign key between distributed tables when it contains that column. Cairn's tables are meant
// to be distributed by tenant_id (docs/scale-out.md); the rest are reference tables, copied to
// every node. This reads the catalog of the migrated schema and names every constraint that would
// stop `create_distributed_table(…, 'tenant_id')`.

/** Tables without tenant_id: copied whole to every node (`create_reference_table`). */
export const referenceTables = ['tenants'];
/**
 * Left as plain tables on the coordinator, never joined with distributed ones: the migration
 * tool's bookkeeping, and failed sign-ins (keyed by username or IP before any tenant is known).
 */
export const localTables = ['kysely_migration', 'kysely_migration_lock', 'login_attempts'];

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

async function tables(): Promise<Array<{ table: string; hasTenantId: boolean }>> {
  const { rows } = await sql<{ table: string; has_tenant_id: boolean }>`
    select c.relname as table,
           exists (select 1 from pg_attribute a
                   where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant_id
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(database.owner);
  return rows.map((r) => ({ table: r.table, hasTenantId: r.has_tenant_id }));
}

/** Unique indexes (primary keys included) of public tables, with their columns. */
async function uniqueIndexes() {
  const { rows } = await sql<{ table: string; index: string; columns: string[] | null; partial: boolean }>`
    select t.relname as table, i.relname as index,
           array(select a.attname::text from unnest(x.indkey) k join pg_attribute a
                 on a.attrelid = t.oid and a.attnum = k) as columns,
           x.indpred is not null as partial
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and x.indisunique`.execute(database.owner);
  return rows;
}

/** Foreign keys between public tables: each column of the key paired with the one it references. */
async function foreignKeys() {
  const { rows } = await sql<{ table: string; name: string; target: string; pairs: string[] }>`
    select t.relname as table, con.conname as name, r.relname as target,
           array(select a.attname::text || '=' || ra.attname::text
                 from unnest(con.conkey, con.confkey) as k(col, ref)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.col
                 join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.ref) as pairs
    from pg_constraint con
    join pg_class t on t.oid = con.conrelid
    join pg_class r on r.oid = con.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and con.contype = 'f'`.execute(database.owner);
  return rows;
}

describe('the schema is ready to be distributed by tenant_id (Citus)', () => {
  it('every table has tenant_id, or is listed as a reference or local table', async () => {
    const missing = (await tables())
      .filter((t) => !t.hasTenantId && !referenceTables.includes(t.table) && !localTables.includes(t.table))
      .map((t) => t.table);
    expect(missing, 'tables without tenant_id: add it, or list them in referenceTables').toEqual([]);
  });

  it('every primary key and unique index of a tenant table includes tenant_id', async () => {
    const tenantTables = new Set((await tables()).filter((t) => t.hasTenantId).map((t) => t.table));
    const indexes = await uniqueIndexes();
    expect(indexes.length).toBeGreaterThan(tenantTables.size); // the catalog query found them
    const offending = indexes
      .filter((i) => tenantTables.has(i.table) && !(i.columns ?? []).includes('tenant_id'))
      .map((i) => `${i.table}.${i.index} (${(i.columns ?? []).join(', ') || 'an expression'})`);
    expect(offending, 'unique indexes Citus cannot enforce on a table distributed by tenant_id').toEqual([]);
  });

  it('every foreign key between tenant tables pairs tenant_id with tenant_id; reference tables point at no tenant table', async () => {
    const all = await tables();
    const tenantTables = new Set(all.filter((t) => t.hasTenantId).map((t) => t.table));
    const keys = await foreignKeys();
    expect(keys.length).toBeGreaterThan(0);
    const offending = keys
      .filter((k) => {
        if (referenceTables.includes(k.target)) return false; // to a reference table: always allowed
        if (!tenantTables.has(k.table)) return true; // a reference table pointing at a distributed one
        return !k.pairs.includes('tenant_id=tenant_id');
      })
      .map((k) => `${k.table}.${k.name} → ${k.target} (${k.pairs.join(', ')})`);
    expect(offending, 'foreign keys Citus cannot enforce between tables distributed by tenant_id').toEqual([]);
  });

  it('the reference tables exist', async () => {
    const names = new Set((await tables()).map((t) => t.table));
    for (const table of referenceTables) expect(names.has(table), table).toBe(true);
  });
});
