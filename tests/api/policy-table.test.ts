import { beforeAll, describe, expect, it } from 'vitest';
import { demoRoleTemplates } from '../../server/access/standard-roles.ts';
import { effectiveGrants, type GrantRow, type RoleNode } from '../../server/access/role-graph.ts';
import type { AccessAction, AccessObject } from '../../server/access/model.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { get, ok, post, type Headers } from '../support/resource-helpers.ts';
import { assignedIds } from '../support/access-helpers.ts';

/**
 * The access policy as tables. First the grants a user gets from the demo roles they hold
 * (role × object × action × least privilege → effective scopes); then what the API lets each
 * demo user do to a record, by whose record it is (user × object × record → read, update, delete).
 */

// ——— role × object × action → effective scopes (server/access/role-graph.ts) ———

const roles = new Map<string, RoleNode>(
  demoRoleTemplates.map((t) => [
    t.name,
    { id: t.name, name: t.name, parentRoleId: t.parent ?? null, status: 'active' },
  ]),
);
const grantRows: GrantRow[] = demoRoleTemplates.flatMap((t) =>
  t.grants.flatMap(([object, actions, scope]) =>
    actions.map((action) => ({ roleId: t.name, object, action, scope, filter: null })),
  ),
);

function scopesOf(held: string[], object: AccessObject, action: AccessAction, leastPrivilege: boolean) {
  return effectiveGrants(held, roles, grantRows, leastPrivilege)
    .filter((g) => g.object === object && g.action === action)
    .map((g) => `${g.scope} ${g.via.join('>')}`)
    .sort();
}

type GrantCase = [
  held: string[],
  object: AccessObject,
  action: AccessAction,
  leastPrivilege: boolean,
  expected: string[],
];

// expected: "<scope> <held role>…<role defining it>", one per grant
const grantTable: GrantCase[] = [
  [['销售代表'], 'customer', 'read', true, ['own_assigned 销售代表']],
  [['销售代表'], 'customer', 'delete', true, ['own_assigned 销售代表']],
  [['销售代表'], 'customer', 'export', true, []],
  [['销售代表'], 'contact', 'update', true, ['inherit 销售代表']],
  [['销售代表'], 'payment', 'create', true, []],
  [['实习生'], 'customer', 'read', true, ['own_assigned 实习生>销售代表']],
  [['实习生'], 'customer', 'delete', true, []],
  [['实习生'], 'customer', 'delete', false, ['own_assigned 实习生>销售代表']],
  [['实习生'], 'attachment', 'read', true, ['inherit 实习生>销售代表']],
  [['实习生'], 'attachment', 'create', true, []],
  [['实习生'], 'attachment', 'create', false, ['inherit 实习生>销售代表']],
  [['销售总监'], 'customer', 'export', true, ['department_tree 销售总监']],
  [['销售总监'], 'order', 'delete', true, []],
  [['运营经理'], 'customer', 'update', true, ['all 运营经理>总监']],
  [['运营主管'], 'customer', 'update', true, ['all 运营主管>运营经理>总监']],
  [['运营主管'], 'attachment', 'delete', true, []],
  [['运营主管'], 'attachment', 'delete', false, ['all 运营主管>运营经理']],
  // three hops: the role is suspended and grants nothing, even its own grants
  [['运营助理'], 'customer', 'update', true, []],
  [['运营助理'], 'customer', 'read', false, []],
  // two roles combine as the union of their grants …
  [['销售代表', '临时活动角色'], 'customer', 'read', true, ['all 临时活动角色', 'own_assigned 销售代表']],
  [['销售代表', '临时活动角色'], 'customer', 'delete', true, ['own_assigned 销售代表']],
  // … and only without least privilege does an object's widest scope spread to its other actions
  [['销售代表', '临时活动角色'], 'customer', 'delete', false, ['all 销售代表']],
  [['法务'], 'contract', 'read', true, ['all 法务']],
  [['法务'], 'contract', 'update', true, []],
  [['财务'], 'payment', 'read', true, ['all 财务']],
  [['系统管理员'], 'settings', 'update', true, ['all 系统管理员']],
];

describe('effective grants: role × object × action × least privilege', () => {
  it.each(grantTable)('%j %s.%s (least privilege %s) → %j', (held, object, action, leastPrivilege, expected) => {
    expect(scopesOf(held, object, action, leastPrivilege)).toEqual(expected);
  });
});

// ——— user × object × record → what the API allows ———

type DemoUser = 'admin' | 'manager' | 'sales1' | 'sales2' | 'legal' | 'finance';
type Owner = 'sales1' | 'sales2' | 'manager' | 'legal' | 'sharedWithSales1';
/** [read status, can.update, can.delete]; a record the user may not read answers 404, one without a read grant 403. */
type Allowed = [status: 200, update: boolean, remove: boolean] | [status: 403 | 404];

const recordTable: Array<[DemoUser, 'customer' | 'contract', Owner, Allowed]> = [
  // 销售代表: own and assigned customers (own_assigned), contracts through the customer (inherit, no delete)
  ['sales1', 'customer', 'sales1', [200, true, true]],
  ['sales1', 'customer', 'sharedWithSales1', [200, true, true]],
  ['sales1', 'customer', 'sales2', [404]],
  ['sales1', 'customer', 'manager', [404]],
  ['sales1', 'contract', 'sales1', [200, true, false]],
  ['sales1', 'contract', 'sales2', [404]],
  ['sales2', 'customer', 'sales1', [404]],
  // 销售总监: the department tree (华东销售部 and 销售一组), not 法务部
  ['manager', 'customer', 'sales1', [200, true, true]],
  ['manager', 'customer', 'manager', [200, true, true]],
  ['manager', 'customer', 'legal', [404]],
  ['manager', 'contract', 'sales2', [200, true, true]],
  // 法务: contracts read-only everywhere, no customers; 财务: contracts read-only
  ['legal', 'customer', 'sales1', [403]],
  ['legal', 'contract', 'sales1', [200, false, false]],
  ['finance', 'contract', 'manager', [200, false, false]],
  ['finance', 'customer', 'manager', [403]],
  // 系统管理员: everything
  ['admin', 'customer', 'legal', [200, true, true]],
  ['admin', 'contract', 'legal', [200, true, true]],
];

let company: Company;
const headers = {} as Record<DemoUser, Headers>;
const records = { customer: {}, contract: {} } as Record<'customer' | 'contract', Record<Owner, string>>;

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 2 });
  for (const user of ['admin', 'manager', 'sales1', 'sales2', 'legal', 'finance'] as const)
    headers[user] = await company.as(user);
  const shared = [...(await assignedIds(company, 'sales1'))][0]!;
  const owners = ['sales1', 'sales2', 'manager', 'legal'] as const;
  for (const owner of [...owners, 'sharedWithSales1' as const]) {
    const customerId =
      owner === 'sharedWithSales1'
        ? shared
        : ok(
            await post('/api/v1/customers', headers.admin, {
              name: `策略表客户${owner}有限公司`,
              ownerId: company.users[owner],
            }),
            201,
          ).id;
    records.customer[owner] = customerId;
    records.contract[owner] = ok(
      await post('/api/v1/contracts', headers.admin, {
        customerId,
        number: `HT-POLICY-${owner}`,
        currency: 'CNY',
        amountInclTax: '1000',
        taxRate: '0.13',
        ownerId: owner === 'sharedWithSales1' ? company.users.sales2 : company.users[owner],
      }),
      201,
    ).id;
  }
});

describe('record access: user × object × whose record → read, update, delete', () => {
  it.each(recordTable)('%s × %s of %s → %j', async (user, object, owner, expected) => {
    const path = object === 'customer' ? 'customers' : 'contracts';
    const res = await get(`/api/v1/${path}/${records[object][owner]}`, headers[user]);
    if (expected[0] !== 200) {
      expect(res.status).toBe(expected[0]);
      expect(res.body.error.code).toBe(expected[0] === 404 ? 'NOT_FOUND' : 'MISSING_GRANT');
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body.data.can).toEqual({ update: expected[1], delete: expected[2] });
  });
});

describe('can: a write scope narrower than the read scope is checked per row', () => {
  it('a role that reads every customer but updates and deletes only its own gets can per record, in lists too', async () => {
    const role = ok(
      await post('/api/v1/roles', headers.admin, {
        name: '全读自改',
        grants: [
          { object: 'customer', action: 'read', scope: 'all' },
          { object: 'customer', action: 'update', scope: 'own' },
          { object: 'customer', action: 'delete', scope: 'own' },
        ],
      }),
      201,
    );
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/users/${company.users.sales2}/roles`,
        headers: headers.admin,
        payload: { roleIds: [role.id] },
      }),
    );
    const sales2 = await company.as('sales2');
    const own = records.customer.sales2;
    const other = records.customer.legal;
    expect(ok(await get(`/api/v1/customers/${own}`, sales2)).can).toEqual({ update: true, delete: true });
    expect(ok(await get(`/api/v1/customers/${other}`, sales2)).can).toEqual({ update: false, delete: false });
    const listed = ok(await get(`/api/v1/customers?limit=200`, sales2)) as Array<{ id: string; can: unknown }>;
    expect(listed.find((r) => r.id === own)?.can).toEqual({ update: true, delete: true });
    expect(listed.find((r) => r.id === other)?.can).toEqual({ update: false, delete: false });
    // and with the same scope for every action, the list answers the same as the detail
    const adminListed = ok(await get(`/api/v1/customers?limit=200`, headers.admin)) as Array<{ can: unknown }>;
    expect(adminListed.every((r) => JSON.stringify(r.can) === '{"update":true,"delete":true}')).toBe(true);
  });
});
