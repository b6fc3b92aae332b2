import { newId } from '../../common/ids.ts';
import { assignRoles, createRoles, demoRoleTemplates } from '../access/standard-roles.ts';
import type { SeededCustomer } from './demo-customers.ts';
import type { DemoUsername } from './demo-organisation.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * The demo roles and who holds them, plus a few assignments: the manager hands three customers
 * to the intern (what the sandbox lets her open) and sales2 shares two with sales1.
 */
export async function seedDemoAccess(
  ctx: SeedContext,
  users: Record<DemoUsername, string>,
  customers: SeededCustomer[],
) {
  const roles = await createRoles(ctx.trx, ctx.tenantId, demoRoleTemplates, ctx.adminId);
  const holders: Array<[DemoUsername, string]> = [
    ['admin', '系统管理员'],
    ['manager', '销售总监'],
    ['sales1', '销售代表'],
    ['sales2', '销售代表'],
    ['intern', '实习生'],
    // a legacy role handed to the new hire by mistake: suspended, so it grants nothing
    ['intern', '运营助理'],
    ['legal', '法务'],
    ['finance', '财务'],
  ];
  await assignRoles(
    ctx.trx,
    ctx.tenantId,
    holders.map(([user, role]) => [users[user], roles.get(role)!]),
    ctx.adminId,
  );

  const byOwner = (owner: string) => customers.filter((c) => c.ownerId === owner);
  const assignments = [
    ...byOwner(users.manager)
      .slice(0, 3)
      .map((c) => ({ customer: c.id, user: users.intern, by: users.manager })),
    ...byOwner(users.sales2)
      .slice(0, 2)
      .map((c) => ({ customer: c.id, user: users.sales1, by: users.manager })),
  ];
  if (assignments.length) {
    await ctx.trx
      .insertInto('assignments')
      .values(
        assignments.map((a) => ({
          id: newId(),
          tenant_id: ctx.tenantId,
          record_type: 'customer',
          record_id: a.customer,
          user_id: a.user,
          assigned_by: a.by,
          created_by: a.by,
          updated_by: a.by,
        })),
      )
      .execute();
  }
  return { roles: roles.size, userRoles: holders.length, assignments: assignments.length };
}
