import { MAX_INHERITANCE_DEPTH, isNonInheritable, scopeBreadth, type DataScope } from './model.ts';

export interface RoleNode {
  id: string;
  name: string;
  parentRoleId: string | null;
  status: string;
}

export interface GrantRow {
  roleId: string;
  object: string;
  action: string;
  scope: DataScope;
  filter: Record<string, unknown> | null;
}

export interface EffectiveGrant {
  object: string;
  action: string;
  scope: DataScope;
  filter: Record<string, unknown> | null;
  /** The role the user holds. */
  heldRoleId: string;
  /** The role that defines the grant (the held role or one of its ancestors). */
  sourceRoleId: string;
  /** Role names from the held role up to the source, e.g. ['实习生', '销售代表']. */
  via: string[];
  /** True when least privilege is off and the scope came from another grant of the object. */
  combined?: boolean;
}

export interface Chain {
  /** The role and its ancestors, nearest first. */
  roles: RoleNode[];
  /** Inheritance hops: 0 for a role without a parent. */
  depth: number;
  cycle: boolean;
}

/** Follows parent links from a role; stops at a cycle or a missing parent. */
export function chainOf(roles: ReadonlyMap<string, RoleNode>, roleId: string): Chain {
  const seen = new Set<string>();
  const chain: RoleNode[] = [];
  let current = roles.get(roleId);
  while (current) {
    if (seen.has(current.id)) return { roles: chain, depth: chain.length - 1, cycle: true };
    seen.add(current.id);
    chain.push(current);
    current = current.parentRoleId ? roles.get(current.parentRoleId) : undefined;
  }
  return { roles: chain, depth: chain.length - 1, cycle: false };
}

export const describeChain = (chain: Chain) => chain.roles.map((r) => r.name).join(' › ');

/** Why a role's grants do not apply, or undefined when they do. */
export function suspensionReason(roles: ReadonlyMap<string, RoleNode>, roleId: string): string | undefined {
  const role = roles.get(roleId);
  if (!role) return 'role not found';
  if (role.status === 'disabled') return 'disabled';
  const chain = chainOf(roles, roleId);
  if (chain.cycle) return `inheritance cycle: ${describeChain(chain)}`;
  if (chain.depth > MAX_INHERITANCE_DEPTH)
    return `inheritance chain of ${chain.depth} levels exceeds ${MAX_INHERITANCE_DEPTH}: ${describeChain(chain)}`;
  if (role.status === 'suspended') return 'suspended';
  return undefined;
}

/**
 * The grants a user gets from the roles they hold. Each held role contributes its own grants
 * and those of its ancestors — except, under least privilege, delete, export and attachment
 * management, which must be granted on the held role itself. Several roles combine as the
 * union of their (action, scope) pairs; only with least privilege off does an object's widest
 * scope spread to every action granted on it (the legacy cross-product).
 */
export function effectiveGrants(
  heldRoleIds: string[],
  roles: ReadonlyMap<string, RoleNode>,
  grants: GrantRow[],
  leastPrivilege: boolean,
): EffectiveGrant[] {
  const byRole = new Map<string, GrantRow[]>();
  for (const g of grants) {
    const list = byRole.get(g.roleId);
    if (list) list.push(g);
    else byRole.set(g.roleId, [g]);
  }
  const result: EffectiveGrant[] = [];
  for (const heldRoleId of new Set(heldRoleIds)) {
    if (suspensionReason(roles, heldRoleId)) continue;
    const chain = chainOf(roles, heldRoleId);
    chain.roles.forEach((source, index) => {
      if (index > 0 && source.status === 'disabled') return;
      for (const g of byRole.get(source.id) ?? []) {
        if (index > 0 && leastPrivilege && isNonInheritable(g.object, g.action)) continue;
        result.push({
          object: g.object,
          action: g.action,
          scope: g.scope,
          filter: g.filter,
          heldRoleId,
          sourceRoleId: source.id,
          via: chain.roles.slice(0, index + 1).map((r) => r.name),
        });
      }
    });
  }
  if (leastPrivilege) return result;
  const widest = new Map<string, EffectiveGrant>();
  for (const g of result) {
    const current = widest.get(g.object);
    if (!current || scopeBreadth[g.scope] > scopeBreadth[current.scope]) widest.set(g.object, g);
  }
  return result.map((g) => {
    const w = widest.get(g.object)!;
    return w.scope === g.scope ? g : { ...g, scope: w.scope, filter: w.filter, combined: true };
  });
}
