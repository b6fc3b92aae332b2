import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { buildAccess, sandboxUntil, type AccessContext } from '../access/access-context.ts';
import { loadRoleData, readSettings, type RoleData } from '../access/role-data.ts';
import { accessObjects, dataScopes, resourceOfObject, type AccessAction } from '../access/model.ts';
import { scopeSql } from '../access/scope-sql.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import { getResource } from '../resources/registry.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { fieldError } from '../errors.ts';
import { assertValidInheritance, descendantsOf } from './role-validation.ts';
import { grantInput } from './role-schemas.ts';
import { resourceDb } from '../resources/resource-db.ts';

export const simulateSchema = z
  .object({
    changes: z
      .array(
        z.discriminatedUnion('op', [
          z.object({ op: z.literal('addUserRole'), userId: z.uuid(), roleId: z.uuid() }),
          z.object({ op: z.literal('removeUserRole'), userId: z.uuid(), roleId: z.uuid() }),
          z.object({ op: z.literal('setRoleParent'), roleId: z.uuid(), parentRoleId: z.uuid().nullable() }),
          z.object({
            op: z.literal('setGrant'),
            roleId: z.uuid(),
            object: grantInput.shape.object,
            action: z.string().min(1).max(40),
            scope: z.enum([...dataScopes, 'none']),
          }),
        ]),
      )
      .min(1)
      .max(50),
  })
  .meta({ id: 'SimulateRequest' });

type Change = z.infer<typeof simulateSchema>['changes'][number];

/** The objects whose records a simulation measures (read lazily: resources register at start-up). */
const recordObjects = () => accessObjects.filter((o) => resourceOfObject(o) && o !== 'user' && o !== 'product');
const measuredActions: AccessAction[] = ['read', 'update', 'delete', 'export'];

function applyChanges(data: RoleData, holders: Map<string, Set<string>>, changes: Change[]) {
  const next: RoleData = {
    roles: new Map([...data.roles].map(([k, v]) => [k, { ...v }])),
    grants: data.grants.map((g) => ({ ...g })),
    fieldRules: data.fieldRules,
  };
  const nextHolders = new Map([...holders].map(([k, v]) => [k, new Set(v)]));
  changes.forEach((change, index) => {
    const path = `changes.${index}`;
    if ('roleId' in change && !next.roles.has(change.roleId))
      throw fieldError(`${path}.roleId`, 'is not a role of this company');
    switch (change.op) {
      case 'addUserRole':
      case 'removeUserRole': {
        if (!nextHolders.has(change.userId)) throw fieldError(`${path}.userId`, 'is not a user of this company');
        const set = nextHolders.get(change.userId)!;
        if (change.op === 'addUserRole') set.add(change.roleId);
        else set.delete(change.roleId);
        break;
      }
      case 'setRoleParent':
        if (change.parentRoleId && !next.roles.has(change.parentRoleId))
          throw fieldError(`${path}.parentRoleId`, 'is not a role of this company');
        next.roles.get(change.roleId)!.parentRoleId = change.parentRoleId;
        assertValidInheritance(next.roles, change.roleId);
        break;
      case 'setGrant':
        next.grants = next.grants.filter(
          (g) => !(g.roleId === change.roleId && g.object === change.object && g.action === change.action),
        );
        if (change.scope !== 'none')
          next.grants.push({
            roleId: change.roleId,
            object: change.object,
            action: change.action,
            scope: change.scope,
            filter: null,
          });
        break;
    }
  });
  return { data: next, holders: nextHolders };
}

function affectedUsers(data: RoleData, holders: Map<string, Set<string>>, changes: Change[]): Set<string> {
  const users = new Set<string>();
  for (const change of changes) {
    if (change.op === 'addUserRole' || change.op === 'removeUserRole') {
      users.add(change.userId);
      continue;
    }
    const roles = new Set([change.roleId, ...descendantsOf(data.roles, change.roleId)]);
    for (const [userId, held] of holders) if ([...held].some((r) => roles.has(r))) users.add(userId);
  }
  return users;
}

/** New risky combinations a change introduces (separation-of-duty lint). */
function riskyCombos(access: AccessContext): string[] {
  const risks: string[] = [];
  const has = (object: string, action: string, scope?: string) =>
    access.grants.some((g) => g.object === object && g.action === action && (!scope || g.scope === scope));
  const phoneRule = access.fieldRules.get('customer')?.get('mainPhone');
  if (has('customer', 'export') && phoneRule !== 'hidden' && phoneRule !== 'masked')
    risks.push(has('customer', 'export', 'all') ? 'export + all phones' : 'export including phones');
  if (has('contract', 'delete')) risks.push('contract delete');
  if (has('attachment', 'delete', 'all')) risks.push('delete any attachment');
  if (has('customer', 'delete', 'all')) risks.push('delete any customer');
  return risks;
}

async function count(trx: Trx, table: string, tenantId: string, condition: Expression<SqlBool>) {
  const row = await resourceDb(trx)
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .where(sql.ref(`${table}.tenant_id`), '=', tenantId)
    .where(sql.ref(`${table}.deleted_at`), 'is', null)
    .where(condition)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function samples(trx: Trx, table: string, tenantId: string, condition: Expression<SqlBool>) {
  const rows = await resourceDb(trx)
    .selectFrom(table)
    .select('id')
    .where(sql.ref(`${table}.tenant_id`), '=', tenantId)
    .where(sql.ref(`${table}.deleted_at`), 'is', null)
    .where(condition)
    .limit(5)
    .execute();
  return rows.map((r) => r.id);
}

/** What a proposed change to roles, inheritance or user roles would do, per affected user. Changes nothing. */
export async function simulate(trx: Trx, tenantId: string, changes: Change[], now = new Date()) {
  const [data, tenant, users, holdings] = await Promise.all([
    loadRoleData(trx, tenantId),
    trx.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirst(),
    trx
      .selectFrom('users')
      .leftJoin('departments', (j) =>
        j.onRef('departments.tenant_id', '=', 'users.tenant_id').onRef('departments.id', '=', 'users.department_id'),
      )
      .select([
        'users.id',
        'users.tenant_id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.is_service',
        'users.department_id',
        'users.manager_id',
        'users.hire_date',
        'users.sandbox_ended_at',
        'departments.path',
      ])
      .where('users.tenant_id', '=', tenantId)
      .where('users.deleted_at', 'is', null)
      .execute(),
    trx
      .selectFrom('user_roles')
      .select(['user_id', 'role_id'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  const settings = readSettings(tenant?.settings);
  const holders = new Map(
    users.map((u) => [u.id, new Set(holdings.filter((h) => h.user_id === u.id).map((h) => h.role_id))]),
  );
  const after = applyChanges(data, holders, changes);
  const affected = affectedUsers(after.data, new Map([...holders, ...after.holders]), changes);
  const results = [];
  for (const user of users.filter((u) => affected.has(u.id))) {
    const info = {
      departmentId: user.department_id,
      departmentPath: user.path,
      managerId: user.manager_id,
      sandboxUntil: sandboxUntil(user.hire_date, user.sandbox_ended_at, settings.sandboxDays, now),
    };
    const actor = actorFromUser(user);
    const before = buildAccess(actor, [...(holders.get(user.id) ?? [])], data, settings, info);
    const next = buildAccess(actor, [...(after.holders.get(user.id) ?? [])], after.data, settings, info);
    const effects = [];
    for (const object of recordObjects()) {
      const table = getResource(resourceOfObject(object)!).table;
      for (const action of measuredActions) {
        const b = scopeSql(before, object, action, table);
        const a = scopeSql(next, object, action, table);
        const gained = sql<SqlBool>`(${a}) and not (${b})`;
        const lost = sql<SqlBool>`(${b}) and not (${a})`;
        const [gainedCount, lostCount] = await Promise.all([
          count(trx, table, tenantId, gained),
          count(trx, table, tenantId, lost),
        ]);
        if (gainedCount + lostCount === 0) continue;
        effects.push({
          object,
          action,
          gained: gainedCount,
          lost: lostCount,
          gainedSample: gainedCount ? await samples(trx, table, tenantId, gained) : [],
          lostSample: lostCount ? await samples(trx, table, tenantId, lost) : [],
        });
      }
    }
    const beforeRisks = new Set(riskyCombos(before));
    const systemGained = [...next.system].filter((p) => !before.system.has(p));
    const systemLost = [...before.system].filter((p) => !next.system.has(p));
    results.push({
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      effects,
      systemGained,
      systemLost,
      newRisks: riskyCombos(next).filter((r) => !beforeRisks.has(r)),
    });
  }
  return { changes: changes.length, users: results, applied: false };
}
