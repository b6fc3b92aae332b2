import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { expectFieldError, get, ok, patch, post, qs, type Headers } from '../support/resource-helpers.ts';
import { roleNamed, withSalesRepFieldRules } from '../support/field-rule-setup.ts';

let company: Company;
let admin: Headers;
let customerId: string;

beforeAll(async () => {
  company = await demoCompany({ customers: 8, orders: 2 });
  admin = await company.as('admin');
  customerId = await withSalesRepFieldRules(company);
});

describe('field rules name real fields', () => {
  it('refuses a rule on a field the object does not have, naming it, when the role is saved', async () => {
    const misspelt = await post('/api/v1/roles', admin, {
      name: '拼错字段',
      grants: [{ object: 'customer', action: 'read', scope: 'all' }],
      fieldRules: [
        { object: 'customer', field: 'mainPhone', rule: 'masked' },
        { object: 'customer', field: 'main_phone', rule: 'masked' },
      ],
    });
    expectFieldError(misspelt, 'fieldRules.1.field');
    expect(misspelt.body.error.details.fields[0].message).toContain('mainPhone');
    for (const [object, field] of [
      ['customer', 'custom.nothing'],
      ['customer', 'mainPhoneE164'],
      ['report', 'name'],
    ])
      expectFieldError(
        await post('/api/v1/roles', admin, {
          name: `拼错-${object}-${field}`,
          fieldRules: [{ object, field, rule: 'hidden' }],
        }),
        'fieldRules.0.field',
      );
    const role = ok(
      await post('/api/v1/roles', admin, {
        name: '字段齐全',
        fieldRules: [
          { object: 'customer', field: 'custom.budget', rule: 'masked' },
          { object: 'customer', field: 'lastFollowupAt', rule: 'hidden' },
          { object: 'contract', field: 'installments', rule: 'hidden' },
          { object: 'user', field: 'phone', rule: 'masked' },
          { object: 'customer', field: 'custom', rule: 'hidden' },
        ],
      }),
      201,
    );
    expectFieldError(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        fieldRules: [{ object: 'contact', field: 'phone', rule: 'hidden' }],
        version: role.version,
      }),
      'fieldRules.0.field',
    );
  });
});

describe('a rule on all custom fields at once', () => {
  it('masks or hides every custom value and keeps them out of filters and sorts', async () => {
    const role = await roleNamed(admin, '销售代表');
    const sales1 = await company.as('sales1');
    ok(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        fieldRules: [{ object: 'customer', field: 'custom', rule: 'masked' }],
        version: role.version,
      }),
    );
    const masked = ok(await get(`/api/v1/customers/${customerId}`, sales1));
    expect(masked.custom).toEqual({ budget: '***', privatePhone: '139****9461' });
    expectFieldError(
      await get(`/api/v1/customers${qs({ filter: { 'custom.budget': { gte: 1 } } })}`, sales1),
      'filter.custom.budget',
    );
    expectFieldError(await get(`/api/v1/customers${qs({ sort: 'custom.budget' })}`, sales1), 'sort.custom.budget');
    const audit = await get(`/api/v1/audit${qs({ recordType: 'customer', recordId: customerId })}`, sales1);
    expect(audit.res.body).not.toContain('123456');
    // a key hidden on its own stays hidden under a mask on all of them
    ok(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        fieldRules: [
          { object: 'customer', field: 'custom', rule: 'masked' },
          { object: 'customer', field: 'custom.privatePhone', rule: 'hidden' },
        ],
        version: (await roleNamed(admin, '销售代表')).version,
      }),
    );
    expect(ok(await get(`/api/v1/customers/${customerId}`, sales1)).custom).toEqual({ budget: '***' });
    ok(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        fieldRules: [{ object: 'customer', field: 'custom', rule: 'hidden' }],
        version: (await roleNamed(admin, '销售代表')).version,
      }),
    );
    expect(ok(await get(`/api/v1/customers/${customerId}`, sales1))).not.toHaveProperty('custom');
    const hiddenAudit = ok(await get(`/api/v1/audit${qs({ recordType: 'customer', recordId: customerId })}`, sales1));
    for (const entry of hiddenAudit) expect(entry.changes).not.toHaveProperty('custom');
  });
});
