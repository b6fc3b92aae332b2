import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';

let company: Company;
let admin: Record<string, string>;

beforeAll(async () => {
  company = await demoCompany({ customers: 30, orders: 10 });
  admin = await company.as('admin');
});

describe('new-hire sandbox', () => {
  it('lists records outside the sandbox masked, refuses to open them, opens assigned ones; an admin ends it early', async () => {
    const intern = await company.as('intern');
    const list = await call({ method: 'GET', url: '/api/v1/customers?limit=200', headers: intern });
    expect(list.status).toBe(200);
    const masked = list.body.data.filter((c: any) => c.masked === true);
    const open = list.body.data.filter((c: any) => c.masked !== true);
    // only what the manager assigned to her is open; customers she merely owns stay masked
    const assignments = (
      await call({
        method: 'GET',
        url: `/api/v1/access/explain?userId=${company.users.intern}&recordType=customer&recordId=${open[0].id}`,
        headers: admin,
      })
    ).body.data;
    expect(assignments.actions.find((a: any) => a.action === 'read').allowed).toBe(true);
    for (const c of open) expect(c.ownerId).not.toBe(company.users.intern);
    expect(masked.filter((c: any) => c.ownerId === company.users.intern).length).toBeGreaterThan(0);
    expect(masked.length).toBeGreaterThan(0);
    for (const m of masked) {
      expect(Object.keys(m).sort()).toEqual(['id', 'masked', 'name', 'ownerId']);
      expect(m.name).toMatch(/^.\*\*\*$/);
    }
    const denied = await call({ method: 'GET', url: `/api/v1/customers/${masked[0].id}`, headers: intern });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('SANDBOX_RESTRICTED');
    expect((await call({ method: 'GET', url: `/api/v1/customers/${open[0].id}`, headers: intern })).status).toBe(200);

    const ended = await call({
      method: 'POST',
      url: `/api/v1/users/${company.users.intern}/end-sandbox`,
      headers: admin,
    });
    expect(ended.status).toBe(200);
    // out of the sandbox her inherited own + assigned scope applies: the customers she owns open
    const after = await call({ method: 'GET', url: `/api/v1/customers/${masked[0].id}`, headers: intern });
    expect(after.status).toBe(200);
    const relisted = await call({ method: 'GET', url: '/api/v1/customers?limit=200', headers: intern });
    expect(relisted.body.data.some((c: any) => c.masked)).toBe(false);
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=user&recordId=${company.users.intern}`,
      headers: admin,
    });
    expect(audit.body.data.map((a: any) => a.action)).toContain('sandbox.end');
  });
});

describe('field rules', () => {
  it('masks, hides and protects fields in lists, details, includes and writes', async () => {
    const role = await call({
      method: 'POST',
      url: '/api/v1/roles',
      headers: admin,
      payload: {
        name: '外包客服',
        grants: [
          { object: 'customer', action: 'read', scope: 'all' },
          { object: 'customer', action: 'update', scope: 'all' },
          { object: 'contact', action: 'read', scope: 'inherit' },
          { object: 'user', action: 'read', scope: 'all' },
        ],
        fieldRules: [
          { object: 'customer', field: 'mainPhone', rule: 'masked' },
          { object: 'customer', field: 'creditCode', rule: 'hidden' },
          { object: 'customer', field: 'level', rule: 'readonly' },
          { object: 'contact', field: 'mobile', rule: 'masked' },
        ],
      },
    });
    expect(role.status).toBe(201);
    await call({
      method: 'PUT',
      url: `/api/v1/users/${company.users.finance}/roles`,
      headers: admin,
      payload: { roleIds: [role.body.data.id] },
    });
    const finance = await company.as('finance');
    const list = await call({ method: 'GET', url: '/api/v1/customers?limit=50&include=contacts', headers: finance });
    expect(list.status).toBe(200);
    const withPhone = list.body.data.find((c: any) => c.mainPhone);
    expect(withPhone.mainPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    for (const c of list.body.data) {
      expect(c).not.toHaveProperty('creditCode');
      for (const contact of c.contacts) if (contact.mobile) expect(contact.mobile).toMatch(/\*{4}/);
    }
    const detail = await call({ method: 'GET', url: `/api/v1/customers/${withPhone.id}`, headers: finance });
    expect(detail.body.data.mainPhone).toBe(withPhone.mainPhone);
    expect(detail.body.data).not.toHaveProperty('creditCode');
    for (const [field, value] of [
      ['level', 'A'],
      ['mainPhone', '13900000000'],
      ['creditCode', '91350100M000100Y43'],
    ] as const) {
      const res = await call({
        method: 'PATCH',
        url: `/api/v1/customers/${withPhone.id}`,
        headers: finance,
        payload: { [field]: value, version: detail.body.data.version },
      });
      expect(res.status, field).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FIELD_READONLY', details: { field } });
    }
    const ok = await call({
      method: 'PATCH',
      url: `/api/v1/customers/${withPhone.id}`,
      headers: finance,
      payload: { region: '华南', version: detail.body.data.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.mainPhone).toMatch(/\*{4}/);
    const hiddenFilter = await call({
      method: 'GET',
      url: `/api/v1/customers?filter=${encodeURIComponent('{"creditCode":"x"}')}`,
      headers: finance,
    });
    expect(hiddenFilter.status).toBe(400);
    expect(hiddenFilter.body.error.details.fields[0].path).toBe('filter.creditCode');
  });
});

describe('least privilege', () => {
  it('keeps delete off an inherited role while the switch is on, and passes it down when an admin turns it off', async () => {
    const intern = await company.as('intern');
    await call({ method: 'PATCH', url: '/api/v1/tenant/settings', headers: admin, payload: { sandboxDays: 0 } });
    const own = (
      await call({
        method: 'POST',
        url: '/api/v1/customers',
        headers: intern,
        payload: { name: '实习生自建客户有限公司' },
      })
    ).body.data;
    const denied = await call({ method: 'DELETE', url: `/api/v1/customers/${own.id}`, headers: intern });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'MISSING_GRANT', details: { missing: 'customer.delete' } });
    await call({ method: 'PATCH', url: '/api/v1/tenant/settings', headers: admin, payload: { leastPrivilege: false } });
    const allowed = await call({ method: 'DELETE', url: `/api/v1/customers/${own.id}`, headers: intern });
    expect(allowed.status).toBe(200);
    await call({
      method: 'PATCH',
      url: '/api/v1/tenant/settings',
      headers: admin,
      payload: { leastPrivilege: true, sandboxDays: 7 },
    });
  });
});

describe('the seed incident, end to end', () => {
  it('a customer with contracts cannot be deleted around the contract approval', async () => {
    const withContract = (await call({ method: 'GET', url: '/api/v1/contracts?limit=1', headers: admin })).body.data[0];
    const res = await call({ method: 'DELETE', url: `/api/v1/customers/${withContract.customerId}`, headers: admin });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('APPROVAL_REQUIRED');
    expect((await call({ method: 'GET', url: `/api/v1/contracts/${withContract.id}`, headers: admin })).status).toBe(
      200,
    );
  });
});
