import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { hasSystem } from '../access/access-context.ts';
import { loadRoleData } from '../access/role-data.ts';
import { writeAudit } from '../audit/audit.ts';
import type { CommandContext } from '../resources/context.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import { assertFieldRuleNames, assertGrantFilters } from './grant-validation.ts';
import { assertValidInheritance } from './role-validation.ts';
import type { RoleCreateInput, RoleUpdateInput } from './role-schemas.ts';
import { loadRoles, type PresentedRole } from './role-store.ts';

export function requireRoleAdmin(ctx: CommandContext) {
  if (!hasSystem(ctx.access, 'manageRoles'))
    throw new AppError('MISSING_GRANT', 'managing roles needs the manageRoles permission', { missing: 'manageRoles' });
}

async function replaceGrants(
  ctx: CommandContext,
  roleId: string,
  input: Pick<RoleCreateInput, 'grants' | 'fieldRules'> | RoleUpdateInput,
) {
  const { trx, actor } = ctx;
  if (input.grants) {
    assertGrantFilters(ctx.access, input.grants);
    await trx.deleteFrom('role_grants').where('tenant_id', '=', actor.tenantId).where('role_id', '=', roleId).execute();
    const unique = new Map(input.grants.map((g) => [`${g.object}.${g.action}`, g]));
    if (unique.size) {
      await trx
        .insertInto('role_grants')
        .values(
          [...unique.values()].map((g) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            role_id: roleId,
            object: g.object,
            action: g.action,
            scope: g.scope,
            filter: g.filter ? JSON.stringify(g.filter) : null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })),
        )
        .execute();
    }
  }
  if (input.fieldRules) {
    assertFieldRuleNames(ctx.access, input.fieldRules);
    await trx
      .deleteFrom('role_field_rules')
      .where('tenant_id', '=', actor.tenantId)
      .where('role_id', '=', roleId)
      .execute();
    const unique = new Map(input.fieldRules.map((f) => [`${f.object}.${f.field}`, f]));
    if (unique.size) {
      await trx
        .insertInto('role_field_rules')
        .values(
          [...unique.values()].map((f) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            role_id: roleId,
            object: f.object,
            field: f.field,
            rule: f.rule,
            created_by: actor.userId,
            updated_by: actor.userId,
          })),
        )
        .execute();
    }
  }
}

const summary = (r: PresentedRole | undefined) =>
  r && {
    name: r.name,
    parent: r.chain[1] ?? null,
    status: r.status,
    grants: r.grants.map((g) => `${g.object}.${g.action}:${g.scope}`).sort(),
    fieldRules: r.fieldRules.map((f) => `${f.object}.${f.field}:${f.rule}`).sort(),
  };

async function auditRoleChange(
  ctx: CommandContext,
  action: string,
  roleId: string,
  before: PresentedRole | undefined,
  after: PresentedRole | undefined,
) {
  const b = summary(before) ?? {};
  const a = summary(after) ?? {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const bv = (b as Record<string, unknown>)[key] ?? null;
    const av = (a as Record<string, unknown>)[key] ?? null;
    if (JSON.stringify(bv) !== JSON.stringify(av)) changes[key] = { before: bv, after: av };
  }
  await writeAudit(ctx, [{ action, recordType: 'role', recordId: roleId, changes }]);
}

async function assertGraph(
  ctx: CommandContext,
  roleId: string,
  name: string,
  parentRoleId: string | null,
  status = 'active',
) {
  const data = await loadRoleData(ctx.trx, ctx.actor.tenantId);
  if (parentRoleId && !data.roles.has(parentRoleId))
    throw new AppError('VALIDATION_FAILED', 'parentRoleId: is not a role of this company', {
      fields: [{ path: 'parentRoleId', message: 'is not a role of this company' }],
    });
  data.roles.set(roleId, { id: roleId, name, parentRoleId, status });
  assertValidInheritance(data.roles, roleId);
}

export async function createRole(ctx: CommandContext, input: RoleCreateInput) {
  requireRoleAdmin(ctx);
  const id = newId();
  await assertGraph(ctx, id, input.name, input.parentRoleId ?? null);
  await ctx.trx
    .insertInto('roles')
    .values({
      id,
      tenant_id: ctx.actor.tenantId,
      name: input.name,
      description: input.description ?? null,
      parent_role_id: input.parentRoleId ?? null,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
  await replaceGrants(ctx, id, input);
  const [after] = await loadRoles(ctx.trx, ctx.actor.tenantId, id);
  await auditRoleChange(ctx, 'create', id, undefined, after);
  return after!;
}

export async function updateRole(ctx: CommandContext, id: string, input: RoleUpdateInput) {
  requireRoleAdmin(ctx);
  const row = await ctx.trx
    .selectFrom('roles')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('role', id);
  const [before] = await loadRoles(ctx.trx, ctx.actor.tenantId, id);
  if (row.version !== input.version) throw versionConflict('role', id, row.version).withDetails({ current: before });
  const parent = input.parentRoleId === undefined ? row.parent_role_id : input.parentRoleId;
  await assertGraph(ctx, id, input.name ?? row.name, parent, input.status ?? row.status);
  // re-saving a role whose chain is now valid lifts a suspension
  const status = input.status ?? (row.status === 'suspended' ? 'active' : row.status);
  await ctx.trx
    .updateTable('roles')
    .set({
      name: input.name ?? row.name,
      description: input.description === undefined ? row.description : input.description,
      parent_role_id: parent,
      status,
      status_reason: status === 'active' ? null : row.status_reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await replaceGrants(ctx, id, input);
  const [after] = await loadRoles(ctx.trx, ctx.actor.tenantId, id);
  await auditRoleChange(ctx, 'update', id, before, after);
  return after!;
}

/** A role still held by someone or inherited from is never deleted. */
export async function deleteRole(ctx: CommandContext, id: string) {
  requireRoleAdmin(ctx);
  const [role] = await loadRoles(ctx.trx, ctx.actor.tenantId, id);
  if (!role) throw notFound('role', id);
  const references = await roleReferences(ctx, id);
  if (references.users + references.children > 0) {
    throw new AppError(
      'CONFLICT',
      `role ${role.name} is still referenced by ${references.users} user(s) and ${references.children} role(s)`,
      references,
    );
  }
  await ctx.trx
    .updateTable('roles')
    .set({ deleted_at: sql`now()`, delete_batch_id: newId(), updated_by: ctx.actor.userId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await auditRoleChange(ctx, 'delete', id, role, undefined);
  return role;
}

export async function roleReferences(ctx: Pick<CommandContext, 'trx' | 'actor'>, id: string) {
  const [users, children] = await Promise.all([
    ctx.trx
      .selectFrom('user_roles')
      .select(sql<number>`count(*)`.as('n'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('role_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.trx
      .selectFrom('roles')
      .select(sql<number>`count(*)`.as('n'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('parent_role_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { users: Number(users.n), children: Number(children.n) };
}

/** Replaces a user's roles; audited as a grant change on the user. */
export async function setUserRoles(ctx: CommandContext, userId: string, roleIds: string[]) {
  if (!hasSystem(ctx.access, 'manageRoles') && !hasSystem(ctx.access, 'manageUsers')) {
    throw new AppError('MISSING_GRANT', 'assigning roles needs manageRoles or manageUsers', { missing: 'manageRoles' });
  }
  const user = await ctx.trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const known = await ctx.trx
    .selectFrom('roles')
    .select(['id', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  const unknown = roleIds.filter((id) => !known.some((r) => r.id === id));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', `roleIds: unknown role(s) ${unknown.join(', ')}`, {
      fields: [{ path: 'roleIds', message: 'contains a role that does not exist' }],
    });
  const current = await ctx.trx
    .selectFrom('user_roles')
    .select(['id', 'role_id'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
  const wanted = new Set(roleIds);
  const removed = current.filter((c) => !wanted.has(c.role_id));
  const added = [...wanted].filter((id) => !current.some((c) => c.role_id === id));
  if (removed.length)
    await ctx.trx
      .deleteFrom('user_roles')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where(
        'id',
        'in',
        removed.map((r) => r.id),
      )
      .execute();
  if (added.length) {
    await ctx.trx
      .insertInto('user_roles')
      .values(
        added.map((roleId) => ({
          id: newId(),
          tenant_id: ctx.actor.tenantId,
          user_id: userId,
          role_id: roleId,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })),
      )
      .execute();
  }
  const name = (id: string) => known.find((r) => r.id === id)?.name ?? id;
  if (removed.length || added.length) {
    await writeAudit(ctx, [
      {
        action: 'roles.assign',
        recordType: 'user',
        recordId: userId,
        changes: { roles: { before: current.map((c) => name(c.role_id)).sort(), after: roleIds.map(name).sort() } },
      },
    ]);
  }
  return roleIds.map((id) => ({ id, name: name(id) }));
}
