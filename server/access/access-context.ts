import type { Actor } from '../resources/context.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import {
  accessActions,
  accessObjects,
  systemPermissions,
  SYSTEM_OBJECT,
  type AccessObject,
  type FieldRuleKind,
  type SystemPermission,
} from './model.ts';
import { effectiveGrants, type EffectiveGrant } from './role-graph.ts';
import { loadUserAccess, tenantAccess, type TenantAccess, type UserAccess } from './access-cache.ts';
import type { AccessSettings, RoleData } from './role-data.ts';

/** Everything needed to decide what one user may do, loaded once per request. */
export interface AccessContext {
  actor: Actor;
  settings: AccessSettings;
  grants: EffectiveGrant[];
  system: Set<SystemPermission>;
  /** Per object and field, the least restrictive rule across the roles that grant the object. */
  fieldRules: Map<string, Map<string, FieldRuleKind>>;
  departmentId: string | null;
  departmentPath: string | null;
  managerId: string | null;
  /** Set while the user is a new hire in the sandbox. */
  sandboxUntil: Date | null;
  heldRoleIds: string[];
  /** Records assigned to the user, by record type (for own + assigned scopes). */
  assigned: Map<string, string[]>;
  /** The tenant's custom-field definitions by object type (filters, sorts and masking use them). */
  customFields: Map<string, CustomFieldDef[]>;
  /** True when `customFields` holds every definition of the company (loaded, not simulated): writes use it. */
  customFieldsComplete?: boolean;
  /** The tenant's secret that seals list cursors (loaded with the rest; null in simulations). */
  cursorKey: string | null;
}

export function grantsFor(access: AccessContext, object: AccessObject | string, action: string): EffectiveGrant[] {
  return access.grants.filter((g) => g.object === object && g.action === action);
}

export const hasSystem = (access: AccessContext, permission: SystemPermission) => access.system.has(permission);

const ruleStrength: Record<FieldRuleKind | 'visible', number> = { visible: 3, readonly: 2, masked: 1, hidden: 0 };

/** What a set of held roles grants: the part of an access context that depends on roles alone. */
export interface RoleGrants {
  grants: EffectiveGrant[];
  system: Set<SystemPermission>;
  fieldRules: Map<string, Map<string, FieldRuleKind>>;
}

/** Combines held roles into their grants, system permissions and field rules (pure). */
export function combineRoles(heldRoleIds: string[], data: RoleData, settings: AccessSettings): RoleGrants {
  const all = effectiveGrants(heldRoleIds, data.roles, data.grants, settings.leastPrivilege);
  const system = new Set(all.filter((g) => g.object === SYSTEM_OBJECT).map((g) => g.action as SystemPermission));
  const grants = all.filter((g) => g.object !== SYSTEM_OBJECT);
  const contributing = new Set(grants.map((g) => g.sourceRoleId));
  const fieldRules = new Map<string, Map<string, FieldRuleKind>>();
  const objects = new Set(grants.map((g) => g.object));
  for (const object of objects) {
    const roleIdsForObject = new Set(grants.filter((g) => g.object === object).map((g) => g.sourceRoleId));
    const fields = new Set(
      data.fieldRules.filter((r) => r.object === object && contributing.has(r.roleId)).map((r) => r.field),
    );
    for (const field of fields) {
      let best: FieldRuleKind | 'visible' = 'hidden';
      for (const roleId of roleIdsForObject) {
        const rule =
          data.fieldRules.find((r) => r.roleId === roleId && r.object === object && r.field === field)?.rule ??
          'visible';
        if (ruleStrength[rule] > ruleStrength[best]) best = rule;
      }
      if (best !== 'visible') {
        if (!fieldRules.has(object)) fieldRules.set(object, new Map());
        fieldRules.get(object)!.set(field, best);
      }
    }
  }
  return { grants, system, fieldRules };
}

/** Combines a user's roles into an access context (pure: the simulator feeds it changed data). */
export function buildAccess(
  actor: Actor,
  heldRoleIds: string[],
  data: RoleData,
  settings: AccessSettings,
  user: {
    departmentId: string | null;
    departmentPath: string | null;
    managerId: string | null;
    sandboxUntil: Date | null;
    assigned?: Map<string, string[]>;
    customFields?: Map<string, CustomFieldDef[]>;
    cursorKey?: string | null;
  },
  roleGrants: RoleGrants = combineRoles(heldRoleIds, data, settings),
): AccessContext {
  const { grants, system, fieldRules } = roleGrants;
  return {
    actor,
    settings,
    grants,
    system,
    fieldRules,
    heldRoleIds,
    ...user,
    assigned: user.assigned ?? new Map<string, string[]>(),
    customFields: user.customFields ?? new Map<string, CustomFieldDef[]>(),
    cursorKey: user.cursorKey ?? null,
  };
}

/**
 * Loads the signed-in user's access for this request. The user's own part (department, roles
 * held, assignments) is read each time, together with the company's access version; the
 * company's part (settings, roles, grants, field rules, custom fields, cursor key) comes from
 * the per-tenant cache while that version is unchanged (server/access/access-cache.ts).
 */
export async function loadAccess(trx: Trx, actor: Actor, now = new Date()): Promise<AccessContext> {
  const user = await loadUserAccess(trx, actor);
  return assembleAccess(actor, user, await tenantAccess(trx, actor.tenantId, user.version), now);
}

/** Combines a user's part and their company's part into an access context. */
export function assembleAccess(actor: Actor, user: UserAccess, tenant: TenantAccess, now = new Date()): AccessContext {
  const { data, heldRoleIds, roleGrants } = rolesOf(tenant, user.held, actor.role === 'admin');
  const person = user.person;
  const access = buildAccess(
    actor,
    heldRoleIds,
    data,
    tenant.settings,
    {
      departmentId: person?.department_id ?? null,
      departmentPath: person?.path ?? null,
      managerId: person?.manager_id ?? null,
      sandboxUntil: sandboxUntil(
        person?.hire_date ?? null,
        person?.sandbox_ended_at ? new Date(person.sandbox_ended_at) : null,
        tenant.settings.sandboxDays,
        now,
      ),
      assigned: user.assigned,
      customFields: tenant.customFields,
      cursorKey: tenant.cursorKey,
    },
    roleGrants,
  );
  return { ...access, customFieldsComplete: true };
}

interface HeldRoles {
  data: RoleData;
  heldRoleIds: string[];
  roleGrants: RoleGrants;
}

/**
 * Per cached company part (replaced whenever the company's access version moves), the grants of
 * each set of held roles seen so far: combining roles is pure, and every request of a user repeats it.
 */
const rolesCache = new WeakMap<TenantAccess, Map<string, HeldRoles>>();
const ROLE_SETS_PER_COMPANY = 1000;

function rolesOf(tenant: TenantAccess, held: string[], admin: boolean): HeldRoles {
  let cache = rolesCache.get(tenant);
  if (!cache) rolesCache.set(tenant, (cache = new Map<string, HeldRoles>()));
  const key = `${admin ? 'admin' : 'user'}:${[...held].sort().join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // the cached company part is shared between requests: the built-in admin role goes on copies
  const data: RoleData = admin
    ? { roles: new Map(tenant.data.roles), grants: [...tenant.data.grants], fieldRules: tenant.data.fieldRules }
    : tenant.data;
  const heldRoleIds = admin ? [...held, BUILT_IN_ADMIN_ROLE] : [...held];
  if (admin) addBuiltInAdmin(data);
  const entry = { data, heldRoleIds, roleGrants: combineRoles(heldRoleIds, data, tenant.settings) };
  if (cache.size >= ROLE_SETS_PER_COMPANY) cache.clear();
  cache.set(key, entry);
  return entry;
}

export const BUILT_IN_ADMIN_ROLE = '00000000-0000-7000-8000-000000000001';

/**
 * A user flagged admin (the company's first administrator, break-glass) always holds a built-in
 * role with every grant, so a broken role set-up can never lock the company out.
 */
function addBuiltInAdmin(data: RoleData) {
  data.roles.set(BUILT_IN_ADMIN_ROLE, {
    id: BUILT_IN_ADMIN_ROLE,
    name: '系统管理员（内置）',
    parentRoleId: null,
    status: 'active',
  });
  for (const object of accessObjects)
    for (const action of accessActions)
      data.grants.push({ roleId: BUILT_IN_ADMIN_ROLE, object, action, scope: 'all', filter: null });
  for (const permission of systemPermissions)
    data.grants.push({
      roleId: BUILT_IN_ADMIN_ROLE,
      object: SYSTEM_OBJECT,
      action: permission,
      scope: 'all',
      filter: null,
    });
}

/** When a new hire's sandbox period ends: `days` after the hire date, at midnight China time. */
export function sandboxEndsAt(hireDate: string, days: number): Date {
  const until = new Date(`${hireDate}T00:00:00+08:00`);
  until.setUTCDate(until.getUTCDate() + days);
  return until;
}

/** A new hire is sandboxed for `days` from the hire date, unless an admin ended it early. */
export function sandboxUntil(hireDate: string | null, endedAt: Date | null, days: number, now: Date): Date | null {
  if (!hireDate || endedAt || days <= 0) return null;
  const until = sandboxEndsAt(hireDate, days);
  return until > now ? until : null;
}
