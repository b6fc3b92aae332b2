import { beforeAll, describe, expect, it } from 'vitest';
import { cleanupOrphanedRoles, findOrphanedRoles } from '../../server/access-admin/orphaned-roles.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
let admin: Record<string, string>;
let roles: Array<{
  id: string;
  name: string;
  version: number;
  depth: number;
  suspendedReason: string | null;
  holders: number;
}>;
const roleId = (name: string) => roles.find((r) => r.name === name)!.id;

beforeAll(async () => {
  company = await demoCompany({ customers: 20, orders: 10 });
  admin = await company.as('admin');
  roles = (await call({ method: 'GET', url: '/api/v1/roles', headers: admin })).body.data;
});

describe('permission matrix', () => {
  it('shows inherited grants with their chain, and least privilege keeps delete off the intern', async () => {
    const matrix = (await call({ method: 'GET', url: '/api/v1/access/matrix', headers: admin })).body.data;
    const intern = matrix.roles.find((r: any) => r.name === '实习生');
    expect(intern.cells.customer.read).toEqual({
      scope: 'own_assigned',
      source: 'inherited',
      via: ['实习生', '销售代表'],
    });
    expect(intern.cells.customer.delete).toBeUndefined();
    expect(intern.cells.attachment?.delete).toBeUndefined();
    expect(intern.cells.attachment?.create).toBeUndefined();
    expect(intern.cells.attachment?.read).toMatchObject({ scope: 'inherit', source: 'inherited' });
  });

  it('exports the matrix as xlsx', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/access/matrix?format=xlsx', headers: admin });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-type']).toContain('spreadsheetml');
    expect(res.res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('is refused to members', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/access/matrix', headers: await company.as('sales1') });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('MISSING_GRANT');
  });
});

describe('inheritance', () => {
  it('flags and suspends the legacy chain deeper than 2', async () => {
    const audit = (await call({ method: 'GET', url: '/api/v1/access/inheritance-audit', headers: admin })).body.data;
    const alert = audit.alerts.find((a: any) => a.name === '运营助理');
    expect(alert).toMatchObject({ chain: ['运营助理', '运营主管', '运营经理', '总监'], depth: 3 });
    expect(audit.alerts.map((a: any) => a.name)).not.toContain('运营主管');
    expect(roles.find((r) => r.name === '运营助理')!.suspendedReason).toMatch(/exceeds 2/);
  });

  it('rejects a save that makes a chain deeper than 2, naming the chain, and a cycle', async () => {
    const deep = await call({
      method: 'POST',
      url: '/api/v1/roles',
      headers: admin,
      payload: { name: '三级助理', parentRoleId: roleId('运营主管') },
    });
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({
      code: 'ROLE_INHERITANCE_INVALID',
      details: { chain: ['三级助理', '运营主管', '运营经理', '总监'] },
    });
    expect(deep.body.error.message).toContain('三级助理 › 运营主管 › 运营经理 › 总监');
    const top = roles.find((r) => r.name === '总监')!;
    const cycle = await call({
      method: 'PATCH',
      url: `/api/v1/roles/${top.id}`,
      headers: admin,
      payload: { parentRoleId: roleId('运营经理'), version: top.version },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details.cycle).toBe(true);
  });

  it('lifts the suspension once the chain is shortened, and audits the grant change', async () => {
    const assistant = roles.find((r) => r.name === '运营助理')!;
    const res = await call({
      method: 'PATCH',
      url: `/api/v1/roles/${assistant.id}`,
      headers: admin,
      payload: { parentRoleId: roleId('运营经理'), version: assistant.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ depth: 2, suspendedReason: null, chain: ['运营助理', '运营经理', '总监'] });
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=role&recordId=${assistant.id}`,
      headers: admin,
    });
    expect(audit.body.data.at(-1).changes.parent).toEqual({ before: '运营主管', after: '运营经理' });
  });
});

describe('user roles, explain and simulate', () => {
  it('explains per action which grant decided, using the list predicate', async () => {
    const sales1 = await company.as('sales1');
    const own = (await call({ method: 'GET', url: '/api/v1/customers?limit=1', headers: sales1 })).body.data[0];
    const res = await call({
      method: 'GET',
      url: `/api/v1/access/explain?userId=${company.users.sales1}&recordType=customer&recordId=${own.id}`,
      headers: admin,
    });
    expect(res.status).toBe(200);
    const byAction = Object.fromEntries(res.body.data.actions.map((a: any) => [a.action, a]));
    expect(byAction.read).toMatchObject({
      allowed: true,
      grants: [{ scope: 'own_assigned', via: ['销售代表'], matched: true }],
    });
    expect(byAction.export).toMatchObject({ allowed: false, reason: 'no role grants customer.export' });
    const managersCustomer = (
      await call({
        method: 'GET',
        url: `/api/v1/customers?limit=1&filter=${encodeURIComponent(JSON.stringify({ ownerId: company.users.finance }))}`,
        headers: admin,
      })
    ).body.data[0];
    if (managersCustomer) {
      const other = await call({
        method: 'GET',
        url: `/api/v1/access/explain?userId=${company.users.sales1}&recordType=customer&recordId=${managersCustomer.id}`,
        headers: admin,
      });
      expect(other.body.data.actions.find((a: any) => a.action === 'read').allowed).toBe(false);
    }
    // a member may ask about themselves ("why can't I"), not about others
    expect(
      (
        await call({
          method: 'GET',
          url: `/api/v1/access/explain?userId=${company.users.sales1}&recordType=customer&recordId=${own.id}`,
          headers: sales1,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call({
          method: 'GET',
          url: `/api/v1/access/explain?userId=${company.users.sales2}&recordType=customer&recordId=${own.id}`,
          headers: sales1,
        })
      ).status,
    ).toBe(403);
    const hidden = (
      await call({
        method: 'GET',
        url: `/api/v1/customers?limit=1&filter=${encodeURIComponent(JSON.stringify({ ownerId: company.users.sales2 }))}`,
        headers: admin,
      })
    ).body.data[0];
    expect(
      (
        await call({
          method: 'GET',
          url: `/api/v1/access/explain?userId=${company.users.sales1}&recordType=customer&recordId=${hidden.id}`,
          headers: sales1,
        })
      ).status,
    ).toBe(404);
  });

  it('simulates giving sales1 the director role: gains per object, a new risky combination, nothing changed', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/access/simulate',
      headers: admin,
      payload: { changes: [{ op: 'addUserRole', userId: company.users.sales1, roleId: roleId('销售总监') }] },
    });
    expect(res.status).toBe(200);
    const user = res.body.data.users[0];
    expect(user.username).toBe('sales1');
    const customerRead = user.effects.find((e: any) => e.object === 'customer' && e.action === 'read');
    expect(customerRead.gained).toBeGreaterThan(0);
    expect(customerRead.lost).toBe(0);
    expect(customerRead.gainedSample.length).toBeGreaterThan(0);
    expect(user.newRisks).toContain('export including phones');
    const held = await call({ method: 'GET', url: `/api/v1/users/${company.users.sales1}/roles`, headers: admin });
    expect(held.body.data.map((r: any) => r.name)).toEqual(['销售代表']);
  });

  it('simulates removing a grant from a role for everyone who holds or inherits it', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/access/simulate',
      headers: admin,
      payload: {
        changes: [{ op: 'setGrant', roleId: roleId('销售代表'), object: 'customer', action: 'read', scope: 'none' }],
      },
    });
    const names = res.body.data.users.map((u: any) => u.username).sort();
    expect(names).toEqual(['intern', 'sales1', 'sales2']);
    for (const u of res.body.data.users) {
      const read = u.effects.find((e: any) => e.object === 'customer' && e.action === 'read');
      if (read) expect(read.gained).toBe(0);
      if (u.username !== 'intern') expect(read.lost).toBeGreaterThan(0); // the intern may still read through another role
    }
  });

  it('assigns roles, audits the change, and the new role applies at once', async () => {
    const finance = await company.as('finance');
    expect((await call({ method: 'GET', url: '/api/v1/customers?limit=1', headers: finance })).status).toBe(403);
    const res = await call({
      method: 'PUT',
      url: `/api/v1/users/${company.users.finance}/roles`,
      headers: admin,
      payload: { roleIds: [roleId('财务'), roleId('总监')] },
    });
    expect(res.status).toBe(200);
    expect((await call({ method: 'GET', url: '/api/v1/customers?limit=1', headers: finance })).status).toBe(200);
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=user&recordId=${company.users.finance}`,
      headers: admin,
    });
    expect(
      audit.body.data.some((a: any) => a.action === 'roles.assign' && a.changes.roles.after.includes('总监')),
    ).toBe(true);
  });
});

describe('orphaned roles', () => {
  it('finds the demo orphan, disables it with an audit row, and refuses to delete referenced roles', async () => {
    const database = await testDatabase();
    const company = await demoCompany({ customers: 5, orders: 5 });
    const admin = await company.as('admin');
    const roles: Array<{ id: string; name: string }> = (
      await call({ method: 'GET', url: '/api/v1/roles', headers: admin })
    ).body.data;
    const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
    const meta = { requestId: 'test', ip: null, userAgent: 'test' };
    const found = await withTenant(database.db, company.tenantId, (trx) => findOrphanedRoles(trx, company.tenantId));
    expect(found.map((r) => r.name)).toEqual(['临时活动角色']);
    const dry = await withTenant(database.db, company.tenantId, (trx) =>
      cleanupOrphanedRoles(trx, company.tenantId, 'disable', true, meta),
    );
    expect(dry.map((o) => o.result)).toEqual(['would disable']);
    const done = await withTenant(database.db, company.tenantId, (trx) =>
      cleanupOrphanedRoles(trx, company.tenantId, 'disable', false, meta),
    );
    expect(done.map((o) => o.result)).toEqual(['disabled']);
    const after = (await call({ method: 'GET', url: `/api/v1/roles/${roleId('临时活动角色')}`, headers: admin })).body
      .data;
    expect(after.status).toBe('disabled');
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=role&recordId=${after.id}`,
      headers: admin,
    });
    expect(audit.body.data.map((a: any) => a.action)).toContain('role.disable');
    const referenced = await call({ method: 'DELETE', url: `/api/v1/roles/${roleId('销售代表')}`, headers: admin });
    expect(referenced.status).toBe(409);
  });
});
