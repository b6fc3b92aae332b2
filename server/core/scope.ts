import { sql, type Expression, type SqlBool } from 'kysely';
import { forbidden, notFound } from '../http/errors.ts';
import { isAdmin, type Actor, type CommandContext } from './context.ts';
import { getResource } from './registry.ts';
import type { ResourceSpec, Row } from './resource-spec.ts';

/**
 * The one scoping function every list, include, search and export goes through: the rows of
 * `spec` that `actor` may read, as SQL conditions applied before paging. For now members read
 * everything in their tenant; the access-control issue compiles data scopes in here.
 */
export function readScope(actor: Actor, _spec: ResourceSpec): Expression<SqlBool>[] {
  return [sql<SqlBool>`${sql.ref('tenant_id')} = ${actor.tenantId}`, sql<SqlBool>`${sql.ref('deleted_at')} is null`];
}

/** Record-level write check: admins write everything, members only what they own. */
export async function assertCanWrite(ctx: CommandContext, spec: ResourceSpec, row: Record<string, unknown>): Promise<void> {
  if (isAdmin(ctx.actor)) return;
  const ownership = spec.ownership;
  switch (ownership.kind) {
    case 'anyMember':
      return;
    case 'admin':
      throw forbidden(`only administrators may change ${spec.path}`, { missing: `${spec.recordType}.write` });
    case 'column':
      if (row[ownership.column] !== ctx.actor.userId) {
        throw forbidden(`you may only change ${spec.path} you own`, { missing: `${spec.recordType}.write`, field: ownership.column });
      }
      return;
    case 'parent': {
      const parentSpec = getResource(ownership.resource);
      const parentId = row[ownership.column];
      if (typeof parentId !== 'string') throw forbidden(`you may only change ${spec.path} of records you own`);
      const parent = await loadLive(ctx, parentSpec, parentId);
      if (!parent) throw notFound(parentSpec.recordType, parentId);
      await assertCanWrite(ctx, parentSpec, parent);
      return;
    }
  }
}

/** Loads a live (not deleted) row of the actor's tenant, or undefined. */
export async function loadLive(ctx: CommandContext, spec: ResourceSpec, id: string, lock = false): Promise<Row | undefined> {
  let query = ctx.trx
    .selectFrom(spec.table)
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as Row | undefined;
}
