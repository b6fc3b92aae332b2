import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  get,
  multipart,
  ok,
  patch,
  post,
  qs,
  type Headers,
} from '../support/resource-helpers.ts';
import { call } from '../support/test-app.ts';
import { withStepUp } from '../support/guard-helpers.ts';
import { withSalesRepFieldRules, PHONE, PRIVATE_PHONE, REGION, BUDGET, leaks } from '../support/field-rule-setup.ts';

/**
 * The set-up (tests/support/field-rule-setup.ts): the 销售代表 role hides customer.region and custom.privatePhone and masks
 * customer.mainPhone and custom.budget. Every path sales1 reaches must honour that.
 */
let company: Company;
let admin: Headers;
let sales1: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 20, orders: 5 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
  customerId = await withSalesRepFieldRules(company);
});

describe('field rules on the audit log', () => {
  it('omits hidden fields and masks masked ones on both sides of a diff', async () => {
    ok(
      await patch(`/api/v1/customers/${customerId}`, admin, {
        mainPhone: '13900001111',
        region: '西北',
        custom: { budget: 654321, privatePhone: '13700002222' },
        version: ok(await get(`/api/v1/customers/${customerId}`, admin)).version,
      }),
    );
    ok(
      await patch(`/api/v1/customers/${customerId}`, admin, {
        mainPhone: PHONE,
        region: REGION,
        custom: { budget: BUDGET, privatePhone: PRIVATE_PHONE },
        version: ok(await get(`/api/v1/customers/${customerId}`, admin)).version,
      }),
    );
    const res = await get(`/api/v1/audit${qs({ recordType: 'customer', recordId: customerId })}`, sales1);
    const entries = ok(res) as Array<{ action: string; changes: Record<string, any> }>;
    expect(leaks(res.res.body)).toEqual([]);
    expect(res.res.body).not.toContain('13900001111');
    expect(res.res.body).not.toContain('654321');
    expect(res.res.body).not.toContain('13700002222');
    const last = entries.at(-2)!;
    expect(last.changes.mainPhone).toEqual({ before: '138****9468', after: '139****1111' });
    expect(last.changes).not.toHaveProperty('region');
    expect(last.changes.custom.before).toEqual({ budget: '***' });
    expect(last.changes.custom.after).toEqual({ budget: '***' });
    // the administrator has no field rules: the log keeps the real values
    const full = ok(await get(`/api/v1/audit${qs({ recordType: 'customer', recordId: customerId })}`, admin));
    expect(full.at(-2).changes.region).toEqual({ before: REGION, after: '西北' });
  });
});

describe('sort', () => {
  it('trims the field name and refuses hidden or masked fields however they are written', async () => {
    for (const sort of ['region', ' region', 'region ', '\tregion', ' -region', '-region', '+region', '- region'])
      expectFieldError(await get(`/api/v1/customers${qs({ sort })}`, sales1), 'sort.region');
    expectFieldError(await get(`/api/v1/customers${qs({ sort: 'custom.budget' })}`, sales1), 'sort.custom.budget');
    expectFieldError(
      await get(`/api/v1/customers${qs({ sort: ' custom.privatePhone' })}`, sales1),
      'sort.custom.privatePhone',
    );
    const res = await get(`/api/v1/customers${qs({ sort: ' -name ' })}`, sales1);
    expect(res.status).toBe(200);
  });

  it('issues cursors that reveal nothing and refuses tampered ones', async () => {
    const page = ok(await get(`/api/v1/customers${qs({ sort: 'name', limit: 1 })}`, sales1));
    const res = await get(`/api/v1/customers${qs({ sort: 'name', limit: 1 })}`, sales1);
    const cursor = res.body.nextCursor as string;
    expect(typeof cursor).toBe('string');
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    expect(decoded).not.toContain(page[0].name);
    expect(decoded).not.toContain(page[0].id);
    expect(() => JSON.parse(decoded)).toThrow();
    const next = ok(await get(`/api/v1/customers${qs({ sort: 'name', limit: 1, cursor })}`, sales1));
    expect(next[0].id).not.toBe(page[0].id);
    const flipped = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
    expectFieldError(
      await get(`/api/v1/customers${qs({ sort: 'name', limit: 1, cursor: flipped })}`, sales1),
      'cursor',
    );
    expectFieldError(await get(`/api/v1/customers${qs({ sort: '-name', limit: 1, cursor })}`, sales1), 'cursor');
    // a cursor of another company is not this company's cursor
    const other = await demoCompany({ customers: 3, orders: 1 });
    expectFieldError(
      await get(`/api/v1/customers${qs({ sort: 'name', limit: 1, cursor })}`, await other.as('sales1')),
      'cursor',
    );
  });

  it('answers 400, never 500, to hand-made cursors whatever value they carry', async () => {
    for (const v of [{}, [], true, { a: 1 }, [1, 2], null, 'x'.repeat(50)]) {
      const cursor = Buffer.from(
        JSON.stringify({ s: '-updatedAt', v, id: '01900000-0000-7000-8000-000000000000' }),
      ).toString('base64url');
      expectFieldError(await get(`/api/v1/customers${qs({ cursor })}`, sales1), 'cursor');
    }
  });
});

describe('filter and search', () => {
  it('filters only on fully visible fields', async () => {
    expectFieldError(
      await get(`/api/v1/customers${qs({ filter: { mainPhone: { startsWith: '138573' } } })}`, sales1),
      'filter.mainPhone',
    );
    expectFieldError(
      await get(`/api/v1/customers${qs({ filter: { 'custom.budget': { gte: 123456 } } })}`, sales1),
      'filter.custom.budget',
    );
    expectFieldError(await get(`/api/v1/customers${qs({ filter: { region: REGION } })}`, sales1), 'filter.region');
    expectFieldError(
      await get(`/api/v1/customers${qs({ filter: { 'custom.privatePhone': PRIVATE_PHONE } })}`, sales1),
      'filter.custom.privatePhone',
    );
    expectFieldError(await get('/api/v1/customers?filter=null', sales1), 'filter');
    expectFieldError(await get('/api/v1/customers?filter=%5B%5D', sales1), 'filter');
  });

  it('matches a masked phone only on its visible digits or on the whole number', async () => {
    const ids = async (q: string) =>
      (ok(await get(`/api/v1/customers${qs({ q, limit: 200 })}`, sales1)) as Array<{ id: string }>).map((c) => c.id);
    expect(await ids('1385731')).not.toContain(customerId);
    expect(await ids('5731')).not.toContain(customerId);
    expect(await ids('38573')).not.toContain(customerId);
    expect(await ids('9468')).toContain(customerId);
    expect(await ids(PHONE)).toContain(customerId);
    // the administrator sees the whole number, so any part of it matches
    const adminIds = ok(await get(`/api/v1/customers${qs({ q: '1385731', limit: 200 })}`, admin)).map(
      (c: { id: string }) => c.id,
    );
    expect(adminIds).toContain(customerId);
  });
});

describe('login history', () => {
  it('shows login events only to the user themself and to holders of viewAudit', async () => {
    await company.as('manager');
    const others = await get(
      `/api/v1/audit${qs({ recordType: 'user', recordId: company.users.manager, limit: 200 })}`,
      sales1,
    );
    expect(others.status).toBe(200);
    for (const entry of others.body.data) {
      expect(['login', 'logout']).not.toContain(entry.action);
      expect(entry.ip).toBeNull();
      expect(entry.userAgent).toBeNull();
    }
    const own = ok(await get(`/api/v1/audit${qs({ recordType: 'user', recordId: company.users.sales1 })}`, sales1));
    expect(own.some((e: { action: string }) => e.action === 'login')).toBe(true);
    const audited = ok(
      await get(`/api/v1/audit${qs({ recordType: 'user', recordId: company.users.manager, limit: 200 })}`, admin),
    );
    expect(audited.some((e: { action: string }) => e.action === 'login')).toBe(true);
  });
});

describe('cascades that would delete a guarded child', () => {
  const upload = (headers: Headers, recordType: string, recordId: string) => {
    const body = multipart(
      { recordType, recordId },
      { name: 'card.txt', type: 'text/plain', data: Buffer.from('名片') },
    );
    return call({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('needs the attachment step-up to delete a contact, follow-up or opportunity that has attachments', async () => {
    const customer = ok(await post('/api/v1/customers', admin, { name: '级联删除守卫测试有限公司' }), 201);
    const contact = ok(await post('/api/v1/contacts', admin, { customerId: customer.id, name: '王五' }), 201);
    const followup = ok(
      await post('/api/v1/followups', admin, {
        customerId: customer.id,
        kind: 'call',
        content: '电话沟通',
        occurredAt: new Date().toISOString(),
      }),
      201,
    );
    const opportunity = ok(
      await post('/api/v1/opportunities', admin, { customerId: customer.id, name: '级联商机', amount: '1000' }),
      201,
    );
    const targets = [
      ['contacts', 'contact', contact.id],
      ['followups', 'followup', followup.id],
      ['opportunities', 'opportunity', opportunity.id],
    ] as const;
    for (const [path, recordType, id] of targets) {
      ok(await upload(admin, recordType, id), 201);
      const refused = await del(`/api/v1/${path}/${id}`, admin);
      expectError(refused, 403, 'STEP_UP_REQUIRED');
      expect(refused.body.error.details.cascade).toBe('attachments');
      expect((await get(`/api/v1/${path}/${id}`, admin)).status).toBe(200);
    }
    const stepped = await withStepUp(company, 'admin');
    for (const [path, , id] of targets)
      expect(ok(await del(`/api/v1/${path}/${id}`, stepped)).cascaded).toEqual({ attachments: 1 });
    // without attachments nothing is guarded
    const bare = ok(await post('/api/v1/contacts', admin, { customerId: customer.id, name: '赵六' }), 201);
    ok(await del(`/api/v1/contacts/${bare.id}`, admin));
    // the same holds for the customer itself
    ok(await upload(admin, 'customer', customer.id), 201);
    expectError(await del(`/api/v1/customers/${customer.id}`, admin), 403, 'STEP_UP_REQUIRED');
    ok(await del(`/api/v1/customers/${customer.id}`, stepped));
  });

  it('asks the approver of a contract deletion for the step-up when the contract has attachments', async () => {
    const customer = ok(await post('/api/v1/customers', admin, { name: '合同级联守卫测试有限公司' }), 201);
    const contract = ok(
      await post('/api/v1/contracts', admin, {
        customerId: customer.id,
        number: `HT-级联-${Date.now()}`,
        currency: 'CNY',
        amountInclTax: '1000',
      }),
      201,
    );
    ok(await upload(admin, 'contract', contract.id), 201);
    const asked = await post('/api/v1/approvals', admin, {
      kind: 'contract_delete',
      payload: { contractId: contract.id },
      reason: '测试：录入错误',
    });
    expect(asked.status).toBe(202);
    const legal = await company.as('legal');
    expectError(await post(`/api/v1/approvals/${asked.body.data.id}/approve`, legal, {}), 403, 'STEP_UP_REQUIRED');
    expect(ok(await get(`/api/v1/approvals/${asked.body.data.id}`, legal)).status).toBe('pending');
    const approved = ok(
      await post(`/api/v1/approvals/${asked.body.data.id}/approve`, await withStepUp(company, 'legal'), {}),
    );
    expect(approved.status).toBe('executed');
    expect((await get(`/api/v1/contracts/${contract.id}`, admin)).status).toBe(404);
  });
});

describe('custom-scope grants', () => {
  it('refuses a custom filter that does not fit the object, naming the field, when the role is saved', async () => {
    const bogus = await post('/api/v1/roles', admin, {
      name: '自定义范围-错误',
      grants: [
        { object: 'customer', action: 'read', scope: 'all' },
        { object: 'contact', action: 'read', scope: 'custom', filter: { bogus: 1 } },
      ],
    });
    expectFieldError(bogus, 'grants.1.filter.bogus');
    expectFieldError(
      await post('/api/v1/roles', admin, {
        name: '自定义范围-类型',
        grants: [{ object: 'customer', action: 'read', scope: 'custom', filter: { createdAt: { gt: 'yesterday' } } }],
      }),
      'grants.0.filter.createdAt.gt',
    );
    expectFieldError(
      await post('/api/v1/roles', admin, {
        name: '自定义范围-报表',
        grants: [{ object: 'report', action: 'read', scope: 'custom', filter: { region: '华东' } }],
      }),
      'grants.0.scope',
    );
    const good = ok(
      await post('/api/v1/roles', admin, {
        name: '自定义范围-华东',
        grants: [
          {
            object: 'customer',
            action: 'read',
            scope: 'custom',
            filter: { region: '华东', 'custom.budget': { gte: 1 } },
          },
        ],
      }),
      201,
    );
    expectFieldError(
      await patch(`/api/v1/roles/${good.id}`, admin, {
        grants: [{ object: 'customer', action: 'read', scope: 'custom', filter: { 'custom.nothing': 1 } }],
        version: good.version,
      }),
      'grants.0.filter.custom.nothing',
    );
  });
});

describe('per-record permissions', () => {
  it('tells for every listed and opened record whether the caller may update and delete it', async () => {
    const role = ok(
      await post('/api/v1/roles', admin, {
        name: '只改自己的客户',
        grants: [
          { object: 'customer', action: 'read', scope: 'all' },
          { object: 'customer', action: 'create', scope: 'own' },
          { object: 'customer', action: 'update', scope: 'own' },
          { object: 'user', action: 'read', scope: 'all' },
        ],
      }),
      201,
    );
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/users/${company.users.finance}/roles`,
        headers: admin,
        payload: { roleIds: [role.id] },
      }),
    );
    const finance = await company.as('finance');
    const mine = ok(await post('/api/v1/customers', finance, { name: '财务自建客户有限公司' }), 201);
    expect(mine.can).toEqual({ update: true, delete: false });
    const list = ok(await get(`/api/v1/customers${qs({ limit: 200 })}`, finance)) as any[];
    for (const c of list)
      expect(c.can, JSON.stringify(c)).toEqual({ update: c.ownerId === company.users.finance, delete: false });
    expect(ok(await get(`/api/v1/customers/${customerId}`, finance)).can).toEqual({ update: false, delete: false });
    for (const c of ok(await get(`/api/v1/customers${qs({ limit: 20 })}`, admin)))
      expect(c.can).toEqual({ update: true, delete: true });
    // a sparse fieldset stays sparse unless it asks for can
    const sparse = ok(await get(`/api/v1/customers${qs({ limit: 2, fields: 'name' })}`, finance));
    expect(sparse[0]).not.toHaveProperty('can');
    const asked = ok(await get(`/api/v1/customers${qs({ limit: 2, fields: 'name,can' })}`, finance));
    expect(asked.map((c: any) => c.can)).toEqual([
      { update: true, delete: false },
      { update: false, delete: false },
    ]);
    const legal = await company.as('legal');
    for (const c of ok(await get(`/api/v1/contracts${qs({ limit: 5, include: 'attachments' })}`, legal))) {
      expect(c.can).toEqual({ update: false, delete: false });
      for (const a of c.attachments) expect(a.can).toEqual({ update: false, delete: false });
    }
  });
});

describe('a sandboxed new hire on installments, their audit and explain', () => {
  it('answers without a server error', async () => {
    const intern = await company.as('intern');
    const installments = await get(`/api/v1/installments${qs({ limit: 5 })}`, intern);
    expect(installments.status, JSON.stringify(installments.body)).toBe(200);
    const any = ok(await get(`/api/v1/installments${qs({ limit: 1 })}`, admin))[0];
    const audit = await get(`/api/v1/audit${qs({ recordType: 'installment', recordId: any.id })}`, intern);
    expect([200, 403, 404], JSON.stringify(audit.body)).toContain(audit.status);
    const explained = await get(
      `/api/v1/access/explain${qs({ userId: company.users.intern, recordType: 'installment', recordId: any.id })}`,
      admin,
    );
    expect(explained.status, JSON.stringify(explained.body)).toBe(200);
    const own = await get(
      `/api/v1/access/explain${qs({ userId: company.users.intern, recordType: 'installment', recordId: any.id })}`,
      intern,
    );
    expect([200, 403, 404], JSON.stringify(own.body)).toContain(own.status);
  });
});

describe('budget canary', () => {
  it('never shows sales1 the masked budget or the hidden values in lists, details and includes', async () => {
    const res = await get(`/api/v1/customers/${customerId}${qs({ include: 'contacts,attachments' })}`, sales1);
    const record = ok(res);
    expect(record.custom).toEqual({ budget: '***' });
    expect(record).not.toHaveProperty('region');
    expect(leaks(res.res.body)).toEqual([]);
    const users = await get(`/api/v1/users/${company.users.sales1}${qs({ include: 'customers' })}`, sales1);
    expect(leaks(users.res.body)).toEqual([]);
  });
});
