import { sql, type RawBuilder } from 'kysely';
import type { CustomFieldType } from '../../common/enums.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { Actor } from '../resources/context.ts';
import type { CustomFieldDef } from '../resources/custom-values.ts';
import { readSettings, type AccessSettings, type RoleData } from './role-data.ts';
import type { DataScope, FieldRuleKind } from './model.ts';

/** What of one user's access is their own: read on every request. */
export interface UserAccess {
  person: {
    department_id: string | null;
    manager_id: string | null;
    hire_date: string | null;
    sandbox_ended_at: string | null;
    path: string | null;
  } | null;
  held: string[];
  assigned: Map<string, string[]>;
  /** The company's access version when this was read (null: no version row, so nothing is cached). */
  version: string | null;
}

/** What of every user's access is the company's: cached per tenant while its version holds. */
export interface TenantAccess {
  version: string | null;
  settings: AccessSettings;
  data: RoleData;
  customFields: Map<string, CustomFieldDef[]>;
  cursorKey: string | null;
}

/**
 * SQL of the user's own part, for a query that already has the tenant `t` and user `u`: the
 * session lookup folds it into its own statement (server/auth/authenticate.ts).
 */
export const userAccessColumns = (t: string, u: string | RawBuilder<unknown>) => sql`
  (select access_version from tenant_versions where tenant_id = ${t}) as access_version,
  (select json_build_object('department_id', pu.department_id, 'manager_id', pu.manager_id, 'hire_date', pu.hire_date,
                            'sandbox_ended_at', pu.sandbox_ended_at, 'path', d.path)
     from users pu left join departments d on d.tenant_id = pu.tenant_id and d.id = pu.department_id
    where pu.tenant_id = ${t} and pu.id = ${u}) as person,
  (select json_agg(role_id) from user_roles where tenant_id = ${t} and user_id = ${u} and deleted_at is null) as held,
  (select json_agg(json_build_object('record_type', record_type, 'record_id', record_id))
     from assignments where tenant_id = ${t} and user_id = ${u} and deleted_at is null) as assigned`;

export interface UserAccessRow {
  access_version: string | null;
  person: UserAccess['person'];
  held: string[] | null;
  assigned: Array<{ record_type: string; record_id: string }> | null;
}

export function userAccessFromRow(row: UserAccessRow): UserAccess {
  const assigned = new Map<string, string[]>();
  for (const a of row.assigned ?? [])
    assigned.set(a.record_type, [...(assigned.get(a.record_type) ?? []), a.record_id]);
  return { person: row.person, held: row.held ?? [], assigned, version: row.access_version };
}

export async function loadUserAccess(trx: Trx, actor: Actor): Promise<UserAccess> {
  const { rows } = await sql<UserAccessRow>`select ${userAccessColumns(actor.tenantId, actor.userId)}`.execute(trx);
  return userAccessFromRow(rows[0]!);
}

interface TenantAccessRow {
  access_version: string | null;
  settings: Record<string, unknown> | null;
  roles: Array<{ id: string; name: string; parent_role_id: string | null; status: string }> | null;
  grants: Array<{
    role_id: string;
    object: string;
    action: string;
    scope: string;
    filter: Record<string, unknown> | null;
  }> | null;
  rules: Array<{ role_id: string; object: string; field: string; rule: string }> | null;
  custom_fields: Array<{
    object_type: string;
    key: string;
    label: string;
    type: string;
    options: string[] | null;
    required: boolean;
  }> | null;
  cursor_key: string | null;
}

/** The company's part in one round trip, with the version it belongs to. */
export async function loadTenantAccess(trx: Trx, t: string): Promise<TenantAccess> {
  const { rows } = await sql<TenantAccessRow>`select
      (select access_version from tenant_versions where tenant_id = ${t}) as access_version,
      (select settings from tenants where id = ${t}) as settings,
      (select json_agg(json_build_object('id', id, 'name', name, 'parent_role_id', parent_role_id, 'status', status))
         from roles where tenant_id = ${t} and deleted_at is null) as roles,
      (select json_agg(json_build_object('role_id', role_id, 'object', object, 'action', action, 'scope', scope, 'filter', filter))
         from role_grants where tenant_id = ${t} and deleted_at is null) as grants,
      (select json_agg(json_build_object('role_id', role_id, 'object', object, 'field', field, 'rule', rule))
         from role_field_rules where tenant_id = ${t} and deleted_at is null) as rules,
      (select json_agg(json_build_object('object_type', object_type, 'key', key, 'label', label, 'type', type,
                                         'options', options, 'required', required) order by sort_order, key)
         from custom_fields where tenant_id = ${t} and deleted_at is null) as custom_fields,
      (select cursor_key from tenants where id = ${t}) as cursor_key`.execute(trx);
  const row = rows[0]!;
  const customFields = new Map<string, CustomFieldDef[]>();
  for (const f of row.custom_fields ?? []) {
    const def = {
      key: f.key,
      label: f.label,
      type: f.type as CustomFieldType,
      options: f.options ?? [],
      required: f.required,
    };
    customFields.set(f.object_type, [...(customFields.get(f.object_type) ?? []), def]);
  }
  return {
    version: row.access_version,
    settings: readSettings(row.settings ?? undefined),
    data: {
      roles: new Map(
        (row.roles ?? []).map((r) => [
          r.id,
          { id: r.id, name: r.name, parentRoleId: r.parent_role_id, status: r.status },
        ]),
      ),
      grants: (row.grants ?? []).map((g) => ({
        roleId: g.role_id,
        object: g.object,
        action: g.action,
        scope: g.scope as DataScope,
        filter: g.filter,
      })),
      fieldRules: (row.rules ?? []).map((r) => ({
        roleId: r.role_id,
        object: r.object,
        field: r.field,
        rule: r.rule as FieldRuleKind,
      })),
    },
    customFields,
    cursorKey: row.cursor_key,
  };
}

/** Companies whose part is kept; past this the least recently loaded is dropped. */
const MAX_TENANTS = 1000;
const cache = new Map<string, TenantAccess>();
let hits = 0;
let misses = 0;

/**
 * The company's part for a request that read `version`: from the cache when it was loaded at
 * that version, else loaded now (and cached under the version the load itself read, so a change
 * committed in between is caught by the next request's version check).
 */
export async function tenantAccess(trx: Trx, tenantId: string, version: string | null): Promise<TenantAccess> {
  const cached = cache.get(tenantId);
  if (version !== null && cached?.version === version) {
    hits++;
    return cached;
  }
  misses++;
  const loaded = await loadTenantAccess(trx, tenantId);
  if (loaded.version !== null) {
    cache.delete(tenantId);
    cache.set(tenantId, loaded);
    if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value!);
  }
  return loaded;
}

/** Hits and misses since start (tests, metrics). */
export const accessCacheStats = () => ({ hits, misses, tenants: cache.size });
