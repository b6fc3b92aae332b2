/** The role editor's state and checks, apart from its UI: grants as cells, custom filters, the chain preview. */
import type { AccessT } from '../i18n/index.ts';
import { MAX_INHERITANCE_DEPTH, SYSTEM_OBJECT, type Role } from '../api/access.ts';
import { chainText } from './shared.tsx';

export type CellState = { scope: string; filterText: string };
export type GrantState = Record<string, Record<string, CellState>>;

export interface HeadValues {
  name: string;
  description?: string;
  parentRoleId?: string | null;
  enabled: boolean;
}

/** Field names offered for field rules (custom fields are typed as custom.<key>). */
export const knownFields: Record<string, string[]> = {
  customer: [
    'name',
    'shortName',
    'creditCode',
    'industry',
    'level',
    'source',
    'region',
    'mainPhone',
    'ownerId',
    'status',
    'tags',
  ],
  contact: ['name', 'title', 'mobile', 'email', 'wecomId'],
  opportunity: ['name', 'amount', 'stage', 'expectedCloseDate', 'ownerId'],
  followup: ['content', 'nextStep', 'nextStepAt'],
  contract: ['number', 'title', 'amountInclTax', 'taxRate', 'signedDate', 'startDate', 'endDate', 'ownerId'],
  payment: ['amount', 'receivedDate', 'method', 'reference', 'note'],
  user: ['phone', 'email', 'employeeNo', 'hireDate'],
};

export function grantsToState(role: Role | undefined): { grants: GrantState; system: string[] } {
  const grants: GrantState = {};
  const system: string[] = [];
  for (const g of role?.grants ?? []) {
    if (g.object === SYSTEM_OBJECT) {
      system.push(g.action);
      continue;
    }
    grants[g.object] = {
      ...grants[g.object],
      [g.action]: { scope: g.scope, filterText: g.filter ? JSON.stringify(g.filter) : '' },
    };
  }
  return { grants, system };
}

export function parseFilter(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The chain the role would have with `parentId` as its parent, and the worst chain among its descendants. */
export function previewChain(
  roles: Role[],
  roleId: string | undefined,
  name: string,
  parentId: string | null | undefined,
) {
  const byId = new Map(roles.map((r) => [r.id, r]));
  const up: string[] = [name || '…'];
  const seen = new Set<string>(roleId ? [roleId] : []);
  let cycle = false;
  let current = parentId ? byId.get(parentId) : undefined;
  while (current) {
    if (seen.has(current.id)) {
      cycle = true;
      up.push(current.name);
      break;
    }
    seen.add(current.id);
    up.push(current.name);
    current = current.parentRoleId ? byId.get(current.parentRoleId) : undefined;
  }
  // The longest path down from this role (its descendants move along with it).
  let down: string[] = [];
  if (roleId && !cycle) {
    const walk = (id: string, path: string[], visited: Set<string>) => {
      for (const child of roles) {
        if (child.parentRoleId !== id || visited.has(child.id)) continue;
        const next = [child.name, ...path];
        if (next.length > down.length) down = next;
        walk(child.id, next, new Set([...visited, child.id]));
      }
    };
    walk(roleId, [], new Set([roleId]));
  }
  const chain = [...down, ...up];
  return { chain, depth: chain.length - 1, cycle };
}

export function inheritanceMessage(t: AccessT, details: Record<string, unknown>, fallback: string): string {
  const chain = Array.isArray(details.chain) ? (details.chain as unknown[]).map(String) : [];
  if (!chain.length) return fallback;
  if (details.cycle) return t('chain.cycle', { chain: chainText(t, [...chain, chain[0]!]) });
  return t('chain.tooDeep', {
    chain: chainText(t, chain),
    depth: Number(details.depth ?? chain.length - 1),
    max: MAX_INHERITANCE_DEPTH,
  });
}
