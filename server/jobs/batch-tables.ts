import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface BatchTable {
  name: string;
  /** The rows point at stored files (attachments, export files). */
  hasStorageKey: boolean;
}

/**
 * Every table whose rows carry delete_batch_id, read from the catalog so tables added by later
 * migrations are purged too — children before parents (by foreign key), so a RESTRICT
 * reference inside a batch never blocks the delete. Cycles, if any, are broken arbitrarily.
 */
export async function loadBatchTables(db: Kysely<DB>): Promise<BatchTable[]> {
  const { rows: tables } = await sql<{ name: string; has_storage_key: boolean }>`
    select c.relname as name,
      exists (select 1 from pg_attribute s where s.attrelid = c.oid and s.attname = 'storage_key' and not s.attisdropped) as has_storage_key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'delete_batch_id' and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  const { rows: references } = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid`.execute(db);

  const children = new Map<string, string[]>();
  for (const { child, parent } of references) children.set(parent, [...(children.get(parent) ?? []), child]);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: BatchTable[] = [];
  const visited = new Set<string>();
  const visit = (name: string) => {
    if (visited.has(name)) return;
    visited.add(name);
    for (const child of children.get(name) ?? []) visit(child);
    const table = byName.get(name);
    if (table) ordered.push({ name, hasStorageKey: table.has_storage_key });
  };
  for (const table of tables) visit(table.name);
  return ordered;
}
