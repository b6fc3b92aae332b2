import { AppError } from '../errors.ts';
import { MAX_INHERITANCE_DEPTH } from '../access/model.ts';
import { chainOf, describeChain, type RoleNode } from '../access/role-graph.ts';

/**
 * Rejects a role graph in which `changedRoleId` (after the change) or any role below it sits
 * in a cycle or in a chain deeper than allowed; the message names the offending chain.
 */
export function assertValidInheritance(roles: ReadonlyMap<string, RoleNode>, changedRoleId: string) {
  const affected = [changedRoleId, ...descendantsOf(roles, changedRoleId)];
  for (const id of affected) {
    const chain = chainOf(roles, id);
    if (chain.cycle) {
      throw new AppError(
        'ROLE_INHERITANCE_INVALID',
        `inheritance would form a cycle: ${describeChain(chain)} › ${chain.roles[0]!.name}`,
        {
          field: 'parentRoleId',
          chain: chain.roles.map((r) => r.name),
          cycle: true,
        },
      );
    }
    if (chain.depth > MAX_INHERITANCE_DEPTH) {
      throw new AppError(
        'ROLE_INHERITANCE_INVALID',
        `inheritance chain ${describeChain(chain)} has ${chain.depth} levels; at most ${MAX_INHERITANCE_DEPTH} are allowed`,
        {
          field: 'parentRoleId',
          chain: chain.roles.map((r) => r.name),
          depth: chain.depth,
        },
      );
    }
  }
}

/** Every role that inherits from `roleId`, directly or not (cycle-safe). */
export function descendantsOf(roles: ReadonlyMap<string, RoleNode>, roleId: string): string[] {
  const result: string[] = [];
  const queue = [roleId];
  const seen = new Set([roleId]);
  while (queue.length) {
    const current = queue.shift()!;
    for (const role of roles.values()) {
      if (role.parentRoleId === current && !seen.has(role.id)) {
        seen.add(role.id);
        result.push(role.id);
        queue.push(role.id);
      }
    }
  }
  return result;
}
