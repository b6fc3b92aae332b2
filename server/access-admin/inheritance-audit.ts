import { loadRoleData } from '../access/role-data.ts';
import { chainOf, suspensionReason } from '../access/role-graph.ts';
import { MAX_INHERITANCE_DEPTH } from '../access/model.ts';
import type { Trx } from '../db/tenant-transaction.ts';

/** Every role's chain, and the alerts: roles over depth 2, in a cycle, suspended or disabled. */
export async function inheritanceAudit(trx: Trx, tenantId: string) {
  const data = await loadRoleData(trx, tenantId);
  const roles = [...data.roles.values()]
    .map((role) => {
      const chain = chainOf(data.roles, role.id);
      return {
        id: role.id,
        name: role.name,
        status: role.status,
        chain: chain.roles.map((r) => r.name),
        depth: chain.depth,
        cycle: chain.cycle,
        suspendedReason: suspensionReason(data.roles, role.id) ?? null,
      };
    })
    .sort((a, b) => b.depth - a.depth || a.name.localeCompare(b.name, 'zh-CN'));
  const alerts = roles
    .filter((r) => r.cycle || r.depth > MAX_INHERITANCE_DEPTH || r.status === 'suspended')
    .map((r) => ({
      roleId: r.id,
      name: r.name,
      chain: r.chain,
      depth: r.depth,
      reason: r.suspendedReason ?? 'suspended',
      fix: 'shorten the chain to 2 levels (PATCH /api/v1/roles/{id} with a nearer parentRoleId) to lift the suspension',
    }));
  return { maxDepth: MAX_INHERITANCE_DEPTH, roles, alerts };
}
