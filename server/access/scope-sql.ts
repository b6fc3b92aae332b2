import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../errors.ts';
import { filterConditions } from '../resources/list-query.ts';
import { getResource } from '../resources/registry.ts';
import { grantsFor, type AccessContext } from './access-context.ts';
import {
  customerActionFor,
  inheritsFromCustomer,
  ownerColumnOf,
  resourceOfObject,
  type AccessAction,
  type AccessObject,
} from './model.ts';
import type { EffectiveGrant } from './role-graph.ts';

const FALSE = sql<SqlBool>`false`;
const TRUE = sql<SqlBool>`true`;

const or = (parts: Expression<SqlBool>[]) =>
  parts.length === 0 ? FALSE : parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;

/** The expression holding a child row's customer id (payments and installments reach it through their contract). */
function customerIdOf(object: AccessObject, table: string) {
  if (object === 'payment' || table === 'contract_installments') {
    return sql`(select c.customer_id from contracts c where c.tenant_id = ${sql.ref(`${table}.tenant_id`)} and c.id = ${sql.ref(`${table}.contract_id`)})`;
  }
  return sql.ref(`${table}.customer_id`);
}

/** One grant's data scope as SQL over `table` (the unaliased table of the query). */
export function grantCondition(
  access: AccessContext,
  object: AccessObject,
  grant: EffectiveGrant,
  table: string,
): Expression<SqlBool> {
  const me = access.actor.userId;
  const tenant = access.actor.tenantId;
  if (grant.scope === 'inherit' && inheritsFromCustomer(object)) {
    const customerScope = scopeSql(access, 'customer', customerActionFor(grant.action as AccessAction), 'customers');
    return sql<SqlBool>`${customerIdOf(object, table)} in (select customers.id from customers where customers.tenant_id = ${tenant} and ${customerScope})`;
  }
  const ownerColumn = ownerColumnOf(object);
  if (grant.scope === 'all') return TRUE;
  if (!ownerColumn) return FALSE;
  const owner = sql.ref(`${table}.${ownerColumn}`);
  switch (grant.scope) {
    case 'own':
    case 'inherit':
      return sql<SqlBool>`${owner} = ${me}`;
    case 'own_assigned': {
      // assignments are loaded with the access context, so the planner sees plain id lists
      const assigned = access.assigned.get(object) ?? [];
      if (assigned.length === 0) return sql<SqlBool>`${owner} = ${me}`;
      return sql<SqlBool>`(${owner} = ${me} or ${sql.ref(`${table}.id`)} in (${sql.join(assigned.map((id) => sql`${id}`))}))`;
    }
    case 'department':
      if (!access.departmentId) return FALSE;
      return sql<SqlBool>`${owner} in (select u.id from users u where u.tenant_id = ${tenant} and u.department_id = ${access.departmentId})`;
    case 'department_tree':
      if (!access.departmentPath) return FALSE;
      return sql<SqlBool>`${owner} in (select u.id from users u join departments d on d.tenant_id = u.tenant_id and d.id = u.department_id
        where u.tenant_id = ${tenant} and d.path like ${subtreePattern(access.departmentPath)})`;
    case 'custom':
      return customScopeSql(access, object, grant.filter);
  }
}

/**
 * The LIKE pattern of a department's subtree. A path is made of ids and slashes, so it goes into
 * the statement as a literal: PostgreSQL then plans the statement once per department and
 * keeps it prepared (a pattern given as a parameter is planned on every request, see
 * db/pg-pool.ts). A path with any other character stays a parameter.
 */
function subtreePattern(path: string) {
  return /^[0-9A-Za-z/-]+$/.test(path) ? sql.lit(`${path}%`) : sql`${`${path}%`}`;
}

/**
 * A custom scope: the grant's filter over the object's fields. Filters are checked when the
 * role is saved; one that no longer fits (a custom field was deleted since) matches nothing.
 */
function customScopeSql(
  access: AccessContext,
  object: AccessObject,
  filter: Record<string, unknown> | null,
): Expression<SqlBool> {
  const resource = resourceOfObject(object);
  if (!resource || !filter) return FALSE;
  const spec = getResource(resource);
  try {
    const defs = spec.customObject ? (access.customFields.get(spec.customObject) ?? []) : [];
    const conditions = filterConditions(spec, filter, defs, 'filter');
    return conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : TRUE;
  } catch (error) {
    if (error instanceof AppError) return FALSE;
    throw error;
  }
}

/**
 * The rows of `object` that the user may `action`, as one SQL condition: the union of the
 * data scopes of every grant the user holds for it. Lists, includes, exports and jobs all
 * filter with this before paging, so a page is never thinned after the fact.
 */
export function scopeSql(
  access: AccessContext,
  object: AccessObject,
  action: AccessAction,
  table: string,
): Expression<SqlBool> {
  const grants = grantsFor(access, object, action);
  if (grants.some((g) => g.scope === 'all')) return TRUE;
  return or(grants.map((g) => grantCondition(access, object, g, table)));
}

/** Rows a sandboxed new hire may open: created by them, or assigned to them by their manager. */
export function sandboxSql(access: AccessContext, object: AccessObject, table: string): Expression<SqlBool> {
  const me = access.actor.userId;
  const tenant = access.actor.tenantId;
  const assignedByManager = (recordType: string, idExpr: Expression<unknown>) =>
    access.managerId
      ? sql<SqlBool>`exists (select 1 from assignments a where a.tenant_id = ${tenant} and a.record_type = ${recordType} and a.record_id = ${idExpr}
          and a.user_id = ${me} and a.assigned_by = ${access.managerId} and a.deleted_at is null)`
      : FALSE;
  const own = sql<SqlBool>`${sql.ref(`${table}.created_by`)} = ${me}`;
  if (inheritsFromCustomer(object)) {
    const customerOpen = sql<SqlBool>`${customerIdOf(object, table)} in (select customers.id from customers where customers.tenant_id = ${tenant}
      and (customers.created_by = ${me} or ${assignedByManager('customer', sql.ref('customers.id'))}))`;
    return sql<SqlBool>`(${own} or ${customerOpen})`;
  }
  return sql<SqlBool>`(${own} or ${assignedByManager(object, sql.ref(`${table}.id`))})`;
}
