/**
 * A company in which one record of every kind carries recognisable values in fields that a
 * probing user's role hides or masks, for the test generated from the route table: every route
 * that returns record data must keep those values from the prober.
 */
import { expect } from 'vitest';
import { call, type Company } from './test-app.ts';
import { get, multipart, ok, post, qs, type Headers } from './resource-helpers.ts';

export const PROBER = 'finance' as const;

/** The rules of the prober's role, on every object that has records. */
export const proberRules = [
  { object: 'customer', field: 'mainPhone', rule: 'masked' },
  { object: 'customer', field: 'region', rule: 'hidden' },
  { object: 'customer', field: 'shortName', rule: 'masked' },
  { object: 'customer', field: 'custom.budget', rule: 'masked' },
  { object: 'customer', field: 'custom.privatePhone', rule: 'hidden' },
  { object: 'contact', field: 'mobile', rule: 'masked' },
  { object: 'contact', field: 'email', rule: 'hidden' },
  { object: 'contact', field: 'title', rule: 'hidden' },
  { object: 'opportunity', field: 'amount', rule: 'masked' },
  { object: 'followup', field: 'content', rule: 'hidden' },
  { object: 'followup', field: 'nextStep', rule: 'masked' },
  { object: 'contract', field: 'amountInclTax', rule: 'masked' },
  { object: 'contract', field: 'title', rule: 'hidden' },
  { object: 'payment', field: 'note', rule: 'masked' },
  { object: 'payment', field: 'reference', rule: 'hidden' },
  { object: 'attachment', field: 'name', rule: 'masked' },
  { object: 'order', field: 'amount', rule: 'hidden' },
  { object: 'product', field: 'isActive', rule: 'masked' },
  { object: 'user', field: 'phone', rule: 'masked' },
  { object: 'user', field: 'email', rule: 'hidden' },
  { object: 'user', field: 'employeeNo', rule: 'hidden' },
];

/** Fragments of the planted values that must never reach the prober (masked forms keep only 3+4 digits or one character). */
export const secrets = [
  '13857319468',
  '1385731',
  '57319468',
  'ZQ漠河特区',
  'HORTCANARY',
  '246813',
  '13957319461',
  '1395731',
  '57319461',
  '18657319462',
  '1865731',
  '57319462',
  'canary.mail',
  'TITLECANARY',
  '8642097',
  'CONTENTCANARY',
  'EXTSTEPCANARY',
  '97531',
  'CTITLECANARY',
  'NOTECANARY',
  'REFCANARY',
  'NAMECANARY',
  '9424.77',
  '13657319463',
  '1365731',
  '57319463',
  'canary.user',
  'EMPCANARY',
  'AMENDCANARY',
];

const randomHex = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{16,}\b/gi;

export function leaksIn(res: { res: { body: string; headers: Record<string, unknown> } }): string[] {
  // ids, etags and hashes are random hex: a short digit canary such as 97531 turns up in them by
  // chance (once in a few thousand runs), so they are blanked before the search
  const text = `${JSON.stringify(res.res.headers)}\n${res.res.body}`.replace(randomHex, '<hex>');
  return secrets.filter((s) => text.includes(s));
}

export interface Canaries {
  customer: string;
  contact: string;
  opportunity: string;
  followup: string;
  contract: string;
  installment: string;
  payment: string;
  attachment: string;
  product: string;
  order: string;
  user: string;
  department: string;
  customField: string;
}

/** The planted record of each API path (`/api/v1/<path>`). */
export const canaryOfPath: Record<string, keyof Canaries> = {
  customers: 'customer',
  contacts: 'contact',
  opportunities: 'opportunity',
  followups: 'followup',
  contracts: 'contract',
  installments: 'installment',
  payments: 'payment',
  attachments: 'attachment',
  products: 'product',
  orders: 'order',
  users: 'user',
  departments: 'department',
  'custom-fields': 'customField',
};

export function upload(headers: Headers, recordType: string, recordId: string, name = 'ANAMECANARY.txt') {
  const body = multipart({ recordType, recordId }, { name, type: 'text/plain', data: Buffer.from('名片') });
  return call({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

let serial = 0;
/** A customer carrying every planted customer value (phones differ per call: they are unique). */
export async function canaryCustomer(admin: Headers, suffix = '') {
  serial += 1;
  return ok(
    await post('/api/v1/customers', admin, {
      name: `金丝雀客户${suffix}${serial}`,
      shortName: 'SHORTCANARY',
      mainPhone: serial === 1 ? '13857319468' : `1385731${String(9400 + serial)}`,
      region: 'ZQ漠河特区',
      custom: { budget: 246813, privatePhone: '13957319461' },
    }),
    201,
  );
}

/** Creates the custom fields, the prober's role and one planted record of every kind. */
export async function plantCanaries(company: Company): Promise<Canaries> {
  const admin = await company.as('admin');
  for (const field of [
    { objectType: 'customer', key: 'budget', label: '预算', type: 'number' },
    { objectType: 'customer', key: 'privatePhone', label: '私人电话', type: 'phone' },
  ])
    ok(await post('/api/v1/custom-fields', admin, field), 201);
  const objects = ['customer', 'contact', 'opportunity', 'followup', 'contract', 'payment', 'attachment'];
  const role = ok(
    await post('/api/v1/roles', admin, {
      name: '字段规则巡检',
      grants: [
        ...[...objects, 'order', 'product', 'user', 'settings'].flatMap((object) =>
          ['create', 'read', 'update', 'delete', 'export'].map((action) => ({ object, action, scope: 'all' })),
        ),
        { object: 'system', action: 'viewAudit', scope: 'all' },
        { object: 'system', action: 'manageUsers', scope: 'all' },
        // the consistency findings show records' titles: probed like every other record route
        { object: 'system', action: 'manageIntegrations', scope: 'all' },
        // reports sum amounts of contracts, payments and orders; snapshots are for definition managers
        { object: 'report', action: 'read', scope: 'all' },
        { object: 'system', action: 'manageReportDefinitions', scope: 'all' },
      ],
      fieldRules: proberRules,
    }),
    201,
  );
  ok(
    await call({
      method: 'PUT',
      url: `/api/v1/users/${company.users[PROBER]}/roles`,
      headers: admin,
      payload: { roleIds: [role.id] },
    }),
  );
  const customer = await canaryCustomer(admin);
  const contact = ok(
    await post('/api/v1/contacts', admin, {
      customerId: customer.id,
      name: '金丝雀联系人',
      mobile: '18657319462',
      email: 'canary.mail@example.cn',
      title: 'TITLECANARY',
    }),
    201,
  );
  const opportunity = ok(
    await post('/api/v1/opportunities', admin, { customerId: customer.id, name: '金丝雀商机', amount: '8642097.31' }),
    201,
  );
  const followup = ok(
    await post('/api/v1/followups', admin, {
      customerId: customer.id,
      opportunityId: opportunity.id,
      kind: 'call',
      content: 'CONTENTCANARY 电话沟通',
      nextStep: 'NEXTSTEPCANARY',
    }),
    201,
  );
  ok(await post(`/api/v1/followups/${followup.id}/amendments`, admin, { content: 'AMENDCANARY 更正' }), 201);
  const contract = ok(
    await post('/api/v1/contracts', admin, {
      customerId: customer.id,
      opportunityId: opportunity.id,
      number: 'HT-金丝雀-1',
      title: 'CTITLECANARY',
      currency: 'CNY',
      amountInclTax: '97531.86',
      taxRate: '0.13',
      installments: [{ dueDate: '2030-01-31', amount: '97531.86' }],
    }),
    201,
  );
  const installment = ok(await get(`/api/v1/installments${qs({ filter: { contractId: contract.id } })}`, admin))[0];
  const payment = ok(
    await post('/api/v1/payments', admin, {
      contractId: contract.id,
      amount: '100.00',
      receivedDate: '2030-01-02',
      note: 'PNOTECANARY',
      reference: 'REFCANARY',
    }),
    201,
  );
  const attachment = ok(await upload(admin, 'customer', customer.id), 201);
  const product = ok(
    await post('/api/v1/products', admin, { sku: 'SKU-CANARY', name: '金丝雀产品', unitPrice: '3141.59' }),
    201,
  );
  const order = ok(
    await post('/api/v1/orders', admin, { customerId: customer.id, sku: 'SKU-CANARY', quantity: 3 }),
    201,
  );
  const user = ok(
    await post('/api/v1/users', admin, {
      username: 'canaryuser',
      displayName: '金丝雀用户',
      phone: '13657319463',
      email: 'canary.user@example.cn',
      employeeNo: 'EMPCANARY',
    }),
    201,
  );
  const department = ok(await get(`/api/v1/departments${qs({ limit: 1 })}`, admin))[0];
  const customField = ok(await get(`/api/v1/custom-fields${qs({ limit: 1 })}`, admin))[0];
  expect(installment).toBeDefined();
  return {
    customer: customer.id,
    contact: contact.id,
    opportunity: opportunity.id,
    followup: followup.id,
    contract: contract.id,
    installment: installment.id,
    payment: payment.id,
    attachment: attachment.id,
    product: product.id,
    order: order.id,
    user: user.id,
    department: department.id,
    customField: customField.id,
  };
}
