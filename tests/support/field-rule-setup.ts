/**
 * The field-rule set-up of the "field rules hold on every path" tests: the 销售代表 role hides
 * customer.region and custom.privatePhone and masks customer.mainPhone and custom.budget, and one
 * customer of sales1 carries recognisable values in those fields.
 */
import { expect } from 'vitest';
import { get, ok, patch, post, qs, type Headers } from './resource-helpers.ts';
import type { Company } from './test-app.ts';

export const PHONE = '13857319468';
export const PRIVATE_PHONE = '13957319461';
export const REGION = 'ZQ漠河特区';
export const BUDGET = 123456;

/** Fragments of the hidden and masked values that no response to sales1 may contain. */
export const canaries = [
  PHONE,
  `+86${PHONE}`,
  '1385731',
  '57319468',
  PRIVATE_PHONE,
  '1395731',
  '57319461',
  REGION,
  '漠河',
  String(BUDGET),
];

/** The canary fragments found in a response body. */
export const leaks = (body: string) => canaries.filter((c) => body.includes(c));

export const salesRepRules = [
  { object: 'customer', field: 'region', rule: 'hidden' },
  { object: 'customer', field: 'custom.privatePhone', rule: 'hidden' },
  { object: 'customer', field: 'mainPhone', rule: 'masked' },
  { object: 'customer', field: 'custom.budget', rule: 'masked' },
] as const;

export async function roleNamed(admin: Headers, name: string) {
  const roles = ok(await get(`/api/v1/roles${qs({ limit: 200 })}`, admin)) as Array<{ id: string; name: string }>;
  const role = roles.find((r) => r.name === name);
  expect(role, name).toBeDefined();
  return ok(await get(`/api/v1/roles/${role!.id}`, admin));
}

/** Applies the rules and plants the values; returns the id of sales1's customer that carries them. */
export async function withSalesRepFieldRules(company: Company): Promise<string> {
  const admin = await company.as('admin');
  for (const field of [
    { objectType: 'customer', key: 'budget', label: '预算', type: 'number' },
    { objectType: 'customer', key: 'privatePhone', label: '私人电话', type: 'phone' },
  ])
    ok(await post('/api/v1/custom-fields', admin, field), 201);
  const role = await roleNamed(admin, '销售代表');
  ok(await patch(`/api/v1/roles/${role.id}`, admin, { fieldRules: salesRepRules, version: role.version }));
  const mine = ok(
    await get(`/api/v1/customers${qs({ filter: { ownerId: company.users.sales1 }, limit: 1 })}`, admin),
  )[0];
  ok(
    await patch(`/api/v1/customers/${mine.id}`, admin, {
      mainPhone: PHONE,
      region: REGION,
      custom: { budget: BUDGET, privatePhone: PRIVATE_PHONE },
      version: mine.version,
    }),
  );
  return mine.id;
}
