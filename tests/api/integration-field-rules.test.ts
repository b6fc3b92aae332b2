import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';
import { leaks, roleNamed, salesRepRules, withSalesRepFieldRules } from '../support/field-rule-setup.ts';
import { testDatabase } from '../support/test-database.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';

// Managing channels does not open the customers' data: a sales rep with manageIntegrations sees
// dry-run changes and provenance through their own field rules (region hidden, phone masked).
let company: Company;
let admin: Headers;
let sales1: Headers;
let customerId: string;
let channelId: string;

beforeAll(async () => {
  company = await demoCompany();
  [admin, sales1] = await Promise.all([company.as('admin'), company.as('sales1')]);
  customerId = await withSalesRepFieldRules(company);
  const role = await roleNamed(admin, '销售代表');
  const grants = (role.grants as Array<{ object: string; action: string; scope: string; filter: unknown }>).map(
    ({ object, action, scope, filter }) => ({ object, action, scope, filter }),
  );
  ok(
    await patch(`/api/v1/roles/${role.id}`, admin, {
      grants: [...grants, { object: 'system', action: 'manageIntegrations' }],
      version: role.version,
    }),
  );
  const channel = await post('/api/v1/channels', admin, {
    key: 'rules',
    name: '字段规则',
    kind: 'webhook',
    serviceUserId: company.users.admin,
    mapping: [
      { source: 'company', target: 'name' },
      { source: 'phone', target: 'mainPhone', transforms: [{ op: 'phone' }] },
      { source: 'area', target: 'region' },
    ],
  });
  expect(channel.status, JSON.stringify(channel.body)).toBe(201);
  channelId = channel.body.data.id;
});

describe('integration routes keep the caller’s field rules', () => {
  it('dry run leaves hidden fields out and masks masked ones', async () => {
    const customer = ok(await get(`/api/v1/customers/${customerId}`, admin));
    const res = await post(`/api/v1/channels/${channelId}/dry-run`, sales1, {
      payloads: [{ company: customer.name, phone: '13700000001', area: '新区域' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      status: 'updated',
      fields: [{ field: 'mainPhone', before: '***', after: '***' }],
    });
    expect(leaks(res.res.body)).toEqual([]);
    // the admin sees it all
    const full = await post(`/api/v1/channels/${channelId}/dry-run`, admin, {
      payloads: [{ company: customer.name, phone: '13700000001', area: '新区域' }],
    });
    expect(full.body.data[0].fields.map((f: { field: string }) => f.field).sort()).toEqual(['mainPhone', 'region']);
  });

  it('provenance names no field the caller may not see', async () => {
    const mine = ok(await get(`/api/v1/customers/${customerId}/provenance`, sales1));
    expect(Object.keys(mine)).not.toContain('region');
    expect(Object.keys(mine)).toContain('mainPhone');
    expect(Object.keys(ok(await get(`/api/v1/customers/${customerId}/provenance`, admin)))).toContain('region');
  });

  it('contact provenance and contact changes in a dry run keep the contact field rules', async () => {
    const role = await roleNamed(admin, '销售代表');
    const contactRules = [
      { object: 'contact', field: 'title', rule: 'hidden' },
      { object: 'contact', field: 'mobile', rule: 'masked' },
    ];
    ok(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        fieldRules: [...salesRepRules, ...contactRules],
        version: role.version,
      }),
    );
    const channel = await post('/api/v1/channels', admin, {
      key: 'rules-contact',
      name: '联系人字段规则',
      kind: 'webhook',
      serviceUserId: company.users.admin,
      mapping: [
        { source: 'company', target: 'name' },
        { source: 'person', target: 'contact.name' },
        { source: 'mobile', target: 'contact.mobile', transforms: [{ op: 'phone' }] },
        { source: 'title', target: 'contact.title' },
      ],
    });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    const customer = ok(await get(`/api/v1/customers/${customerId}`, admin));
    const payload = { company: customer.name, person: '赵敏', mobile: '13857319468', title: 'ZQ漠河特区主任' };
    const intake = await call({
      method: 'POST',
      url: '/api/v1/intake/rules-contact',
      payload,
      headers: { 'x-cairn-channel-secret': channel.body.secret },
    });
    expect(intake.status).toBe(202);
    const preview = await post(`/api/v1/channels/${channel.body.data.id}/dry-run`, sales1, { payloads: [payload] });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const seen = preview.body.data[0].fields as Array<{ field: string; after: unknown }>;
    expect(seen.map((f) => f.field)).not.toContain('contact.title');
    expect(seen.find((f) => f.field === 'contact.mobile')).toMatchObject({ after: '***' });
    expect(leaks(preview.res.body)).toEqual([]);
    await drainIntake(await testDatabase(), { tenantId: company.tenantId, ignoreBackoff: true });
    const contacts = ok(
      await get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ customerId }))}`, admin),
    );
    const contact = contacts.find((c: { name: string }) => c.name === '赵敏');
    expect(contact).toBeDefined();
    const mine = ok(await get(`/api/v1/contacts/${contact.id}/provenance`, sales1));
    expect(Object.keys(mine)).not.toContain('title');
    expect(mine).toMatchObject({ name: { source: 'channel' }, mobile: { source: 'channel' } });
    const all = ok(await get(`/api/v1/contacts/${contact.id}/provenance`, admin));
    expect(Object.keys(all)).toContain('title');
  });
});
