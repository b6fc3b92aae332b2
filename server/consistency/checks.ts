import { sql } from 'kysely';
import type { Trx } from '../db/tenant-transaction.ts';
import { allResources } from '../resources/registry.ts';

/** The checks of a consistency scan, in the order they run. */
export const consistencyChecks = [
  'orphaned_contact',
  'phone_mismatch',
  'duplicate_customer',
  'unindexed_foreign_key',
  'inactive_owner',
] as const;
export type ConsistencyCheck = (typeof consistencyChecks)[number];

/**
 * One finding: what is wrong with which records, and how to fix it. Findings carry record ids,
 * never record data: whoever reads the report sees the records through their own access.
 */
export interface Finding {
  check: ConsistencyCheck;
  recordType: string | null;
  recordIds: string[];
  detail: Record<string, unknown>;
  suggestedFix: string;
  fixKind: 'reassign_owner' | 'merge' | null;
}

/** Live contacts whose customer is missing or in the recycle bin. */
async function orphanedContacts(trx: Trx, tenantId: string): Promise<Finding[]> {
  const rows = await sql<{ id: string; customer_id: string; customer_deleted: boolean | null }>`
    select c.id, c.customer_id, cu.deleted_at is not null as customer_deleted
    from contacts c
    left join customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
    where c.tenant_id = ${tenantId} and c.deleted_at is null and (cu.id is null or cu.deleted_at is not null)
    order by c.id`.execute(trx);
  return rows.rows.map((r) => ({
    check: 'orphaned_contact',
    recordType: 'contact',
    recordIds: [r.id],
    detail: { customerId: r.customer_id, customer: r.customer_deleted ? 'deleted' : 'missing' },
    suggestedFix:
      r.customer_deleted === null
        ? 'The customer does not exist: move the contact to the right customer or delete it'
        : 'The customer is in the recycle bin: restore the customer, move the contact to another customer, or delete it',
    fixKind: null,
  }));
}

/** Customers whose main phone differs from their primary contact's mobile (both set). */
async function phoneMismatches(trx: Trx, tenantId: string): Promise<Finding[]> {
  const rows = await sql<{ id: string; contact_id: string }>`
    select cu.id, p.id as contact_id
    from customers cu
    join contacts p on p.tenant_id = cu.tenant_id and p.customer_id = cu.id and p.is_primary and p.deleted_at is null
    where cu.tenant_id = ${tenantId} and cu.deleted_at is null
      and cu.main_phone_e164 is not null and p.mobile_e164 is not null
      and cu.main_phone_e164 <> p.mobile_e164
    order by cu.id, p.id`.execute(trx);
  return rows.rows.map((r) => ({
    check: 'phone_mismatch',
    recordType: 'customer',
    recordIds: [r.id],
    detail: { contactId: r.contact_id },
    suggestedFix:
      "Check which number is right: update the customer's main phone or the primary contact's mobile (or make another contact primary)",
    fixKind: null,
  }));
}

/**
 * Live customers that look like the same company: the same credit code ignoring case and spaces,
 * the same phone (E.164, or the digits where none was computed), or the same name ignoring case,
 * spaces and brackets. The oldest is the suggested target of a merge.
 */
async function duplicateCustomers(trx: Trx, tenantId: string): Promise<Finding[]> {
  const keys = {
    creditCode: sql`upper(regexp_replace(credit_code, '\\s', '', 'g'))`,
    // where no E.164 was computed (an import, psql): CN mobile, 0-prefixed landline or 86-prefixed digits
    phone: sql`coalesce(main_phone_e164, (select case
        when d ~ '^86\\d{9,}$' then '+' || d
        when d ~ '^0\\d{9,}$' then '+86' || substr(d, 2)
        when d ~ '^1\\d{10}$' then '+86' || d
        else nullif(d, '') end from (select regexp_replace(main_phone, '\\D', '', 'g') as d) digits))`,
    name: sql`lower(regexp_replace(name, '[[:space:]()（）【】·.,，、-]', '', 'g'))`,
  };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const [by, key] of Object.entries(keys)) {
    const rows = await sql<{ ids: string[] }>`
      select array_agg(id order by created_at, id) as ids from (
        select id, created_at, ${key} as k from customers where tenant_id = ${tenantId} and deleted_at is null
      ) c where k is not null and k <> '' group by k having count(*) > 1 order by min(created_at), k`.execute(trx);
    for (const { ids } of rows.rows) {
      const signature = [...ids].sort().join(',');
      if (seen.has(signature)) continue; // the same group found by an earlier key
      seen.add(signature);
      findings.push({
        check: 'duplicate_customer',
        recordType: 'customer',
        recordIds: ids,
        detail: { by, targetId: ids[0] },
        suggestedFix: `Merge into the oldest record ${ids[0]} (its contacts, deals and files move along; the others go to the recycle bin)`,
        fixKind: 'merge',
      });
    }
  }
  return findings;
}

/** Foreign keys no plain index starts with (read from the catalog): deletes and joins scan the table. */
export async function unindexedForeignKeys(trx: Trx): Promise<Finding[]> {
  const rows = await sql<{ table_name: string; constraint_name: string; columns: string[] }>`
    select c.conrelid::regclass::text as table_name, c.conname as constraint_name,
      (select array_agg(a.attname::text order by k.ord) from unnest(c.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indpred is null
        and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey)
    order by 1, 2`.execute(trx);
  return rows.rows.map((r) => ({
    check: 'unindexed_foreign_key',
    recordType: null,
    recordIds: [],
    detail: { table: r.table_name, constraint: r.constraint_name, columns: r.columns },
    suggestedFix: `create index concurrently ${r.table_name}_${r.columns.filter((c) => c !== 'tenant_id').join('_')} on ${r.table_name} (${r.columns.join(', ')}) (in a new migration)`,
    fixKind: null,
  }));
}

/** Live records owned by a user who is deactivated or deleted: one finding per record type and owner. */
async function inactiveOwners(trx: Trx, tenantId: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const spec of allResources().filter((s) => s.access.owner === 'owner_id')) {
    const rows = await sql<{ owner_id: string; manager_id: string | null; ids: string[] }>`
      select r.owner_id, u.manager_id, array_agg(r.id order by r.id) as ids
      from ${sql.table(spec.table)} r
      join users u on u.tenant_id = r.tenant_id and u.id = r.owner_id
      where r.tenant_id = ${tenantId} and r.deleted_at is null and (not u.is_active or u.deleted_at is not null)
      group by r.owner_id, u.manager_id order by r.owner_id`.execute(trx);
    for (const r of rows.rows)
      findings.push({
        check: 'inactive_owner',
        recordType: spec.recordType,
        recordIds: r.ids,
        detail: { ownerId: r.owner_id, count: r.ids.length, suggestedOwnerId: r.manager_id },
        suggestedFix: r.manager_id
          ? `Reassign the ${r.ids.length} ${spec.path} to the former owner's manager ${r.manager_id}`
          : `Reassign the ${r.ids.length} ${spec.path} to an active colleague`,
        fixKind: 'reassign_owner',
      });
  }
  return findings;
}

export const runCheck: Record<ConsistencyCheck, (trx: Trx, tenantId: string) => Promise<Finding[]>> = {
  orphaned_contact: orphanedContacts,
  phone_mismatch: phoneMismatches,
  duplicate_customer: duplicateCustomers,
  unindexed_foreign_key: (trx) => unindexedForeignKeys(trx),
  inactive_owner: inactiveOwners,
};
