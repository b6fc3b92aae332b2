import fc from 'fast-check';
import { newId } from '../../common/ids.ts';
import { buildAccess, type AccessContext } from '../../server/access/access-context.ts';
import { defaultAccessSettings, type RoleData } from '../../server/access/role-data.ts';
import type { DataScope } from '../../server/access/model.ts';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import type { Database } from '../../server/db/database.ts';

/** A small random company: a department tree, users in it, customers, assignments. */
export interface World {
  departments: Array<{ parent: number | null }>;
  users: Array<{ department: number }>;
  customers: Array<{ owner: number | null; creator: number }>;
  assignments: Array<{ customer: number; user: number }>;
  viewer: number;
}

export const worldArb: fc.Arbitrary<World> = fc
  .record({
    depCount: fc.integer({ min: 1, max: 6 }),
    userCount: fc.integer({ min: 2, max: 7 }),
    customerCount: fc.integer({ min: 1, max: 25 }),
  })
  .chain(({ depCount, userCount, customerCount }) =>
    fc.record({
      departments: fc.tuple(
        ...Array.from({ length: depCount }, (_, i) =>
          i === 0 ? fc.constant({ parent: null }) : fc.record({ parent: fc.integer({ min: 0, max: i - 1 }) }),
        ),
      ),
      users: fc.array(fc.record({ department: fc.integer({ min: 0, max: depCount - 1 }) }), {
        minLength: userCount,
        maxLength: userCount,
      }),
      customers: fc.array(
        fc.record({
          owner: fc.option(fc.integer({ min: 0, max: userCount - 1 }), { nil: null }),
          creator: fc.integer({ min: 0, max: userCount - 1 }),
        }),
        { minLength: customerCount, maxLength: customerCount },
      ),
      assignments: fc.array(
        fc.record({
          customer: fc.integer({ min: 0, max: customerCount - 1 }),
          user: fc.integer({ min: 0, max: userCount - 1 }),
        }),
        { maxLength: 6 },
      ),
      viewer: fc.integer({ min: 0, max: userCount - 1 }),
    }),
  );

export const scopeArb = fc.constantFrom<DataScope>('own', 'own_assigned', 'department', 'department_tree', 'all');

export interface StoredWorld {
  tenantId: string;
  departmentIds: string[];
  departmentPaths: string[];
  userIds: string[];
  customerIds: string[];
  world: World;
}

/** Writes a world into a new tenant with direct inserts (fast enough for property runs). */
export async function storeWorld(database: Database, world: World): Promise<StoredWorld> {
  const tenantId = newId();
  await asSystem(database.db, (trx) =>
    trx
      .insertInto('tenants')
      .values({ id: tenantId, name: 'prop', slug: `p-${tenantId.slice(-12)}`, settings: '{}' })
      .execute(),
  );
  const departmentIds = world.departments.map(() => newId());
  const departmentPaths: string[] = [];
  world.departments.forEach((d, i) => {
    departmentPaths[i] = `${d.parent === null ? '/' : departmentPaths[d.parent]}${departmentIds[i]}/`;
  });
  const userIds = world.users.map(() => newId());
  const customerIds = world.customers.map(() => newId());
  await withTenant(database.db, tenantId, async (trx) => {
    await trx
      .insertInto('departments')
      .values(
        world.departments.map((d, i) => ({
          id: departmentIds[i]!,
          tenant_id: tenantId,
          name: `D${i}`,
          parent_id: d.parent === null ? null : departmentIds[d.parent]!,
          path: departmentPaths[i]!,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(
        world.users.map((u, i) => ({
          id: userIds[i]!,
          tenant_id: tenantId,
          username: `u${i}`,
          display_name: `用户${i}`,
          department_id: departmentIds[u.department]!,
          role: 'member',
        })),
      )
      .execute();
    await trx
      .insertInto('customers')
      .values(
        world.customers.map((c, i) => ({
          id: customerIds[i]!,
          tenant_id: tenantId,
          name: `客户${i}`,
          status: 'active',
          tags: [],
          custom: '{}',
          main_phone: `1380000${String(i).padStart(4, '0')}`,
          main_phone_e164: `+861380000${String(i).padStart(4, '0')}`,
          owner_id: c.owner === null ? null : userIds[c.owner]!,
          created_by: userIds[c.creator]!,
        })),
      )
      .execute();
    const unique = new Map(world.assignments.map((a) => [`${a.customer}-${a.user}`, a]));
    if (unique.size) {
      await trx
        .insertInto('assignments')
        .values(
          [...unique.values()].map((a) => ({
            id: newId(),
            tenant_id: tenantId,
            record_type: 'customer',
            record_id: customerIds[a.customer]!,
            user_id: userIds[a.user]!,
          })),
        )
        .execute();
    }
  });
  return { tenantId, departmentIds, departmentPaths, userIds, customerIds, world };
}

/** An access context for the world's viewer holding one role with the given customer grants. */
export function accessFor(
  stored: StoredWorld,
  grants: Array<{ object: string; action: string; scope: DataScope }>,
  fieldRules: RoleData['fieldRules'] = [],
): AccessContext {
  const { world } = stored;
  const roleId = newId();
  const data: RoleData = {
    roles: new Map([[roleId, { id: roleId, name: '属性测试', parentRoleId: null, status: 'active' }]]),
    grants: grants.map((g) => ({ roleId, object: g.object, action: g.action, scope: g.scope, filter: null })),
    fieldRules: fieldRules.map((f) => ({ ...f, roleId })),
  };
  const viewer = world.viewer;
  const department = world.users[viewer]!.department;
  return buildAccess(
    {
      tenantId: stored.tenantId,
      userId: stored.userIds[viewer]!,
      username: `u${viewer}`,
      displayName: `用户${viewer}`,
      role: 'member',
      isService: false,
      departmentId: stored.departmentIds[department]!,
    },
    [roleId],
    data,
    defaultAccessSettings,
    {
      departmentId: stored.departmentIds[department]!,
      departmentPath: stored.departmentPaths[department]!,
      managerId: null,
      sandboxUntil: null,
      assigned: new Map([
        ['customer', world.assignments.filter((a) => a.user === viewer).map((a) => stored.customerIds[a.customer]!)],
      ]),
    },
  );
}

/** The intended meaning of the scopes, written independently of the SQL compiler. */
export function oracle(stored: StoredWorld, scopes: DataScope[]): Set<string> {
  const { world } = stored;
  const viewer = world.viewer;
  const myDept = world.users[viewer]!.department;
  const myPath = stored.departmentPaths[myDept]!;
  const visible = new Set<string>();
  world.customers.forEach((c, i) => {
    const ownerDept = c.owner === null ? null : world.users[c.owner]!.department;
    const assigned = world.assignments.some((a) => a.customer === i && a.user === viewer);
    const ok = scopes.some((scope) => {
      switch (scope) {
        case 'all':
          return true;
        case 'own':
          return c.owner === viewer;
        case 'own_assigned':
          return c.owner === viewer || assigned;
        case 'department':
          return ownerDept === myDept;
        case 'department_tree':
          return ownerDept !== null && stored.departmentPaths[ownerDept]!.startsWith(myPath);
        default:
          return false;
      }
    });
    if (ok) visible.add(stored.customerIds[i]!);
  });
  return visible;
}
