import { describe, expect, it, beforeAll } from 'vitest';
import { demoCompany, type Company } from '../support/test-app.ts';
import { del, expectError, expectFieldError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/** Automation rules are checked when they are saved: fields, values, operators, actions, users, access. */
let company: Company;
let admin: Headers;
const rulesUrl = '/api/v1/automation-rules';

const customerTrigger = (fields?: string[]) => ({
  type: 'record',
  object: 'customer',
  on: 'updated',
  ...(fields ? { fields } : {}),
});

beforeAll(async () => {
  company = await demoCompany({ customers: 2, orders: 0 });
  admin = await company.as('admin');
}, 120_000);

describe('rules are checked when they are saved', () => {
  const base = {
    name: '检查',
    trigger: customerTrigger(),
    actions: [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '客户 {{name}} 已更新' }],
  };

  it('names unknown fields, wrong value types and impossible operators in the condition tree', async () => {
    const res = await post(rulesUrl, admin, {
      ...base,
      conditions: {
        op: 'and',
        all: [
          { op: 'compare', field: 'levle', cmp: 'eq', value: 'A' },
          { op: 'not', condition: { op: 'compare', field: 'createdAt', cmp: 'gt', value: 'not a date' } },
          { op: 'compare', field: 'id', cmp: 'gt', value: 'x' },
          { op: 'in', field: 'custom.nothing', values: ['x'] },
        ],
      },
    });
    expectFieldError(res, 'conditions.all.0.field');
    expectFieldError(res, 'conditions.all.1.condition.value');
    expectFieldError(res, 'conditions.all.2.cmp');
    expectFieldError(res, 'conditions.all.3.field');
    expect(
      res.body.error.details.fields.find((f: { path: string }) => f.path === 'conditions.all.0.field').message,
    ).toContain('levle');
  });

  it('knows the company’s custom fields, and changed is only for update triggers', async () => {
    ok(
      await post('/api/v1/custom-fields', admin, {
        objectType: 'customer',
        key: 'budget',
        label: '预算',
        type: 'number',
      }),
      201,
    );
    const good = { op: 'compare', field: 'custom.budget', cmp: 'gte', value: 1000 };
    const rule = ok(await post(rulesUrl, admin, { ...base, enabled: false, conditions: good }), 201);
    expect(rule).toMatchObject({ version: 1, enabled: false, conditions: good });
    expectFieldError(
      await post(rulesUrl, admin, { ...base, conditions: { ...good, value: 'a lot' } }),
      'conditions.value',
    );
    expectFieldError(
      await post(rulesUrl, admin, {
        ...base,
        trigger: { type: 'record', object: 'customer', on: 'created' },
        conditions: { op: 'changed', field: 'level', to: 'A' },
      }),
      'conditions.op',
    );
    expect((await del(`${rulesUrl}/${rule.id}`, admin)).status).toBe(204);
  });

  it('checks actions: updatable fields and their values, placeholders, users, service identities', async () => {
    const bad = await post(rulesUrl, admin, {
      ...base,
      trigger: customerTrigger(['nope']),
      actions: [
        { type: 'updateFields', fields: { nope: 1, level: 'Z' } },
        { type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{unknownThing}}' },
        {
          type: 'createTodo',
          assignee: { kind: 'user', userId: '00000000-0000-7000-8000-00000000abcd' },
          title: '跟进',
          dueInMinutes: 60,
        },
      ],
      serviceUserId: company.users.sales1,
    });
    for (const path of [
      'trigger.fields.0',
      'actions.0.fields.nope',
      'actions.0.fields.level',
      'actions.1.message',
      'actions.2.assignee.userId',
      'serviceUserId',
    ])
      expectFieldError(bad, path);
    expectFieldError(await post(rulesUrl, admin, { ...base, actions: [] }), 'actions');
    expectFieldError(
      await post(rulesUrl, admin, { ...base, trigger: { type: 'record', object: 'planet', on: 'created' } }),
      'trigger.object',
    );
  });

  it('only holders of manageIntegrations manage rules', async () => {
    expectError(await get(rulesUrl, await company.as('sales1')), 403, 'MISSING_GRANT');
    expectError(await post(rulesUrl, await company.as('manager'), base), 403, 'MISSING_GRANT');
  });

  it('versions every edit and refuses a stale version', async () => {
    const rule = ok(await post(rulesUrl, admin, { ...base, enabled: false }), 201);
    const edited = ok(await patch(`${rulesUrl}/${rule.id}`, admin, { name: '改名', version: 1 }));
    expect(edited).toMatchObject({ name: '改名', version: 2 });
    expectError(await patch(`${rulesUrl}/${rule.id}`, admin, { name: '再改', version: 1 }), 409, 'VERSION_CONFLICT');
    expect((await del(`${rulesUrl}/${rule.id}`, admin)).status).toBe(204);
  });
});
