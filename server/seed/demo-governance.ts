import { newId } from '../../common/ids.ts';
import type { DemoUsername } from './demo-organisation.ts';
import { baseColumns, type SeedContext } from './seed-context.ts';

/**
 * What the integration centre's demo shows beyond the core data set: two lead-assignment rules
 * (website leads round-robin in 销售一组, everything else to the manager), and a couple of
 * consistency findings — a sales rep who left with customers still in their name, and the same
 * company entered twice with a differently spaced name. (Phone mismatches between customers and
 * their primary contacts already occur in the generated data.)
 */
export async function seedGovernanceShowcase(
  ctx: SeedContext,
  users: Record<DemoUsername, string>,
  departments: Record<string, string>,
): Promise<Record<string, number>> {
  const { trx } = ctx;
  const at = ctx.now;
  const formerId = newId();
  await trx
    .insertInto('users')
    .values({
      ...baseColumns(ctx, at),
      id: formerId,
      username: 'former',
      display_name: '陈离职',
      department_id: departments['销售一组'] ?? null,
      manager_id: users.manager,
      is_active: false,
    })
    .execute();
  const customers = [
    { name: '苏州前程精工有限公司', owner_id: formerId, region: '江苏', source: 'exhibition' },
    { name: '无锡前程机电有限公司', owner_id: formerId, region: '江苏', source: 'referral' },
    { name: '杭州远景科技有限公司', owner_id: users.sales1, region: '浙江', source: 'website' },
    { name: '杭州远景科技 有限公司', owner_id: users.sales2, region: '浙江', source: 'website' },
  ];
  await trx
    .insertInto('customers')
    .values(customers.map((c) => ({ ...baseColumns(ctx, at), ...c, custom: '{}' })))
    .execute();
  const rules = [
    {
      name: '官网线索轮转（销售一组）',
      position: 0,
      conditions: JSON.stringify([{ field: 'source', op: 'in', value: ['website'] }]),
      target_type: 'round_robin',
      department_id: departments['销售一组'] ?? null,
    },
    { name: '其余线索交销售总监', position: 1, conditions: '[]', target_type: 'fallback', user_id: users.manager },
  ];
  await trx
    .insertInto('assignment_rules')
    .values(rules.map((r) => ({ ...baseColumns(ctx, at), ...r })))
    .execute();
  return { users: 1, customers: customers.length, assignment_rules: rules.length };
}
