import { sql } from 'kysely';
import { loadRoleData } from '../access/role-data.ts';
import { chainOf, suspensionReason } from '../access/role-graph.ts';
import type { Trx } from '../db/tenant-transaction.ts';

/** Reads roles with everything the admin pages show: chain, depth, holders, grants, field rules. */
export async function loadRoles(trx: Trx, tenantId: string, onlyId?: string) {
  const data = await loadRoleData(trx, tenantId);
  const rows = await trx
    .selectFrom('roles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .$if(Boolean(onlyId), (q) => q.where('id', '=', onlyId!))
    .orderBy('name')
    .execute();
  const holders = await trx
    .selectFrom('user_roles')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'user_roles.tenant_id').onRef('users.id', '=', 'user_roles.user_id'),
    )
    .select(['user_roles.role_id', sql<number>`count(*)`.as('n')])
    .where('user_roles.tenant_id', '=', tenantId)
    .where('user_roles.deleted_at', 'is', null)
    .where('users.deleted_at', 'is', null)
    .where('users.is_active', '=', true)
    .groupBy('user_roles.role_id')
    .execute();
  return rows.map((r) => {
    const chain = chainOf(data.roles, r.id);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      parentRoleId: r.parent_role_id,
      status: r.status,
      statusReason: r.status_reason,
      suspendedReason: suspensionReason(data.roles, r.id) ?? null,
      isSystem: r.is_system,
      chain: chain.roles.map((c) => c.name),
      depth: chain.depth,
      holders: Number(holders.find((h) => h.role_id === r.id)?.n ?? 0),
      grants: data.grants
        .filter((g) => g.roleId === r.id)
        .map((g) => ({ object: g.object, action: g.action, scope: g.scope, filter: g.filter })),
      fieldRules: data.fieldRules
        .filter((f) => f.roleId === r.id)
        .map((f) => ({ object: f.object, field: f.field, rule: f.rule })),
      version: r.version,
    };
  });
}

export type PresentedRole = Awaited<ReturnType<typeof loadRoles>>[number];
