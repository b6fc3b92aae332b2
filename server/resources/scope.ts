import { sql, type Expression, type SqlBool } from 'kysely';
import type { AccessContext } from '../access/access-context.ts';
import { objectOf } from '../access/object-of.ts';
import type { AccessAction } from '../access/model.ts';
import { sandboxSql, scopeSql } from '../access/scope-sql.ts';
import { getResource } from './registry.ts';
import type { ResourceSpec, Row } from './resource-spec.ts';
import type { CommandContext } from './context.ts';

/**
 * The one scoping function every list, include, search, export and job goes through: the
 * live rows of `spec` that the user may `action`, as SQL conditions applied before paging.
 * The data scopes themselves are compiled in access/scope-sql.ts.
 */
export function readScope(
  access: AccessContext,
  spec: ResourceSpec,
  action: AccessAction = 'read',
): Expression<SqlBool>[] {
  const table = spec.table;
  const base = [
    sql<SqlBool>`${sql.ref(`${table}.tenant_id`)} = ${access.actor.tenantId}`,
    sql<SqlBool>`${sql.ref(`${table}.deleted_at`)} is null`,
  ];
  if (spec.readableByAll && action === 'read') return base;
  const object = objectOf(spec);
  if (spec.scopeVia) {
    const parent = getResource(spec.scopeVia.resource);
    return [
      ...base,
      sql<SqlBool>`${sql.ref(`${table}.${spec.scopeVia.column}`)} in (select ${sql.ref(`${parent.table}.id`)} from ${sql.table(parent.table)}
        where ${sql.ref(`${parent.table}.tenant_id`)} = ${access.actor.tenantId} and ${scopeSql(access, object, action, parent.table)})`,
    ];
  }
  return [...base, scopeSql(access, object, action, table)];
}

/**
 * For a sandboxed new hire, the rows of `spec` they may open (created by them or assigned by
 * their manager), as SQL over its table; rows reached through a parent follow the parent.
 */
export function sandboxScope(access: AccessContext, spec: ResourceSpec): Expression<SqlBool> {
  const object = objectOf(spec);
  if (!spec.scopeVia) return sandboxSql(access, object, spec.table);
  const parent = getResource(spec.scopeVia.resource);
  return sql<SqlBool>`${sql.ref(`${spec.table}.${spec.scopeVia.column}`)} in (select ${sql.ref(`${parent.table}.id`)} from ${sql.table(parent.table)}
    where ${sql.ref(`${parent.table}.tenant_id`)} = ${access.actor.tenantId} and ${sandboxSql(access, object, parent.table)})`;
}

/** Loads a live (not deleted) row of the actor's tenant, or undefined. */
export async function loadLive(
  ctx: Pick<CommandContext, 'trx' | 'actor'>,
  spec: ResourceSpec,
  id: string,
  lock = false,
): Promise<Row | undefined> {
  let query = ctx.trx
    .selectFrom(spec.table)
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as Row | undefined;
}
