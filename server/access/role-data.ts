import { tenantSettingDefaults } from '../../common/tenant-settings.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { DataScope, FieldRuleKind } from './model.ts';
import type { GrantRow, RoleNode } from './role-graph.ts';

// A company's role data and access settings: what every user's access is computed from.

export interface AccessSettings {
  leastPrivilege: boolean;
  sandboxDays: number;
  followupEditWindowHours: number;
  /** Requests from an older app version (x-cairn-client) are refused with 426 (http/client-version.ts). */
  minClientVersion: string;
}

export const defaultAccessSettings: AccessSettings = {
  leastPrivilege: tenantSettingDefaults.leastPrivilege,
  sandboxDays: tenantSettingDefaults.sandboxDays,
  followupEditWindowHours: tenantSettingDefaults.followupEditWindowHours,
  minClientVersion: tenantSettingDefaults.minClientVersion,
};

export function readSettings(settings: Record<string, unknown> | undefined): AccessSettings {
  const s = settings ?? {};
  return {
    leastPrivilege: typeof s.leastPrivilege === 'boolean' ? s.leastPrivilege : defaultAccessSettings.leastPrivilege,
    sandboxDays: typeof s.sandboxDays === 'number' ? s.sandboxDays : defaultAccessSettings.sandboxDays,
    followupEditWindowHours:
      typeof s.followupEditWindowHours === 'number'
        ? s.followupEditWindowHours
        : defaultAccessSettings.followupEditWindowHours,
    minClientVersion:
      typeof s.minClientVersion === 'string' ? s.minClientVersion : defaultAccessSettings.minClientVersion,
  };
}

export interface RoleData {
  roles: Map<string, RoleNode>;
  grants: GrantRow[];
  fieldRules: Array<{ roleId: string; object: string; field: string; rule: FieldRuleKind }>;
}

/** All roles, grants and field rules of a tenant (a few hundred rows at most). */
export async function loadRoleData(trx: Trx, tenantId: string): Promise<RoleData> {
  const [roles, grants, rules] = await Promise.all([
    trx
      .selectFrom('roles')
      .select(['id', 'name', 'parent_role_id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .execute(),
    trx
      .selectFrom('role_grants')
      .select(['role_id', 'object', 'action', 'scope', 'filter'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .execute(),
    trx
      .selectFrom('role_field_rules')
      .select(['role_id', 'object', 'field', 'rule'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  return {
    roles: new Map(
      roles.map((r) => [r.id, { id: r.id, name: r.name, parentRoleId: r.parent_role_id, status: r.status }]),
    ),
    grants: grants.map((g) => ({
      roleId: g.role_id,
      object: g.object,
      action: g.action,
      scope: g.scope as DataScope,
      filter: g.filter,
    })),
    fieldRules: rules.map((r) => ({
      roleId: r.role_id,
      object: r.object,
      field: r.field,
      rule: r.rule as FieldRuleKind,
    })),
  };
}
