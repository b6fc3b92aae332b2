import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_ACCOUNT_RULE_NAME } from '../../server/seed/demo-automation.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { expectFieldError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/**
 * Manual triggers as buttons: the rules a user may start on a record type are listed for anyone
 * who may update that type, and any such user runs them on the records they may update (the
 * actions run as the rule's identity). Others get a per-record not_found or forbidden.
 */
let company: Company;
let other: Company;
let admin: Headers;
let sales1: Headers;
const rulesUrl = '/api/v1/automation-rules';
const buttons = (object: string, headers: Headers) => get(`/api/v1/manual-rules?object=${object}`, headers);
const run = (ruleId: string, headers: Headers, recordIds: string[]) =>
  post(`${rulesUrl}/${ruleId}/run`, headers, { recordIds });
const todoAction = { type: 'createTodo', assignee: { kind: 'ruleOwner' }, title: '跟进一下', dueInMinutes: 60 };

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 4 });
  other = await demoCompany({ customers: 2, orders: 0 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
}, 120_000);

describe('manual rules as buttons', () => {
  it('lists the enabled manual rules of a record type, by name, for a user who may update it', async () => {
    const make = (name: string, trigger: object, extra: object = {}) =>
      post(rulesUrl, admin, { name, trigger, actions: [todoAction], ...extra });
    const paused = ok(await make('甲 停用的按钮', { type: 'manual', object: 'customer' }, { enabled: false }), 201);
    ok(await make('乙 商机按钮', { type: 'manual', object: 'opportunity' }), 201);
    ok(await make('丙 每日提醒', { type: 'schedule', cron: '0 8 * * *' }), 201);
    const listed = ok(await buttons('customer', sales1));
    expect(listed).toEqual([{ id: expect.any(String), name: KEY_ACCOUNT_RULE_NAME, object: 'customer' }]);
    expect(listed.map((b: { id: string }) => b.id)).not.toContain(paused.id);
    expect(ok(await buttons('opportunity', sales1)).map((b: { name: string }) => b.name)).toEqual(['乙 商机按钮']);
    // 法务 reads contracts and may update no customer: no buttons
    expect(ok(await buttons('customer', await company.as('legal')))).toEqual([]);
    // another company's rules never show
    expect(ok(await buttons('customer', await other.as('admin'))).map((b: { id: string }) => b.id)).not.toContain(
      listed[0].id,
    );
  });

  it('a sales rep presses the demo button on own customers: level A and a to-do each; others are refused per record', async () => {
    const [button] = ok(await buttons('customer', sales1));
    const me = company.users.sales1;
    const make = async (headers: Headers, name: string) =>
      ok(await post('/api/v1/customers', headers, { name, level: 'B' }), 201) as { id: string };
    const mine = [await make(sales1, '按钮客户甲'), await make(sales1, '按钮客户乙')];
    const foreign = ok(await get('/api/v1/customers?limit=1', await other.as('admin')))[0];
    const results = ok(await run(button.id, sales1, [...mine.map((c) => c.id), foreign.id]));
    expect(results).toEqual([
      { recordId: mine[0]!.id, runId: expect.any(String), status: 'succeeded' },
      { recordId: mine[1]!.id, runId: expect.any(String), status: 'succeeded' },
      { recordId: foreign.id, runId: null, status: 'not_found' },
    ]);
    for (const c of mine) expect(ok(await get(`/api/v1/customers/${c.id}`, sales1)).level).toBe('A');
    const runs = ok(await get(`${rulesUrl}/${button.id}/runs`, admin)) as Array<Record<string, any>>;
    const first = runs.find((r) => r.id === results[0].runId)!;
    // the run records who pressed the button; the to-do goes to the customer's owner
    expect(first.triggerPayload).toMatchObject({ id: mine[0]!.id, manual: { userId: me } });
    expect(first.actions.map((a: { type: string; error?: unknown }) => [a.type, a.error ?? null])).toEqual([
      ['updateFields', null],
      ['createTodo', null],
    ]);
    expect(first.actions[1].output).toMatchObject({ userId: me, todoId: expect.any(String) });
    // a customer of the same company that sales1 may not see (sales2's own) is refused, and nothing runs for it
    const outside = await make(await company.as('sales2'), '按钮客户丙');
    const [refused] = ok(await run(button.id, sales1, [outside.id]));
    expect(refused).toEqual({ recordId: outside.id, runId: null, status: 'not_found' });
  });

  it('a user who may read but not update a record gets forbidden for it, and nothing runs', async () => {
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '合同提醒',
        trigger: { type: 'manual', object: 'contract' },
        actions: [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '合同 {{id}} 需要关注' }],
      }),
      201,
    );
    const contract = ok(await get('/api/v1/contracts?limit=1', admin))[0];
    const legal = await company.as('legal');
    expect(ok(await get(`/api/v1/contracts/${contract.id}`, legal)).id).toBe(contract.id);
    expect(ok(await run(rule.id, legal, [contract.id]))).toEqual([
      { recordId: contract.id, runId: null, status: 'forbidden' },
    ]);
    expect(ok(await get(`${rulesUrl}/${rule.id}/runs`, admin))).toEqual([]);
  });

  it('a rule without a button is not found for a non-admin, and a paused one is not runnable', async () => {
    const schedule = ok(
      await post(rulesUrl, admin, {
        name: '每周一提醒',
        trigger: { type: 'schedule', cron: '0 9 * * 1' },
        actions: [todoAction],
      }),
      201,
    );
    const customer = ok(await get('/api/v1/customers?limit=1', sales1))[0];
    const hidden = await run(schedule.id, sales1, [customer.id]);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    expect((await run(schedule.id, admin, [customer.id])).body.error.code).toBe('RULE_NOT_RUNNABLE');
    const manual = ok(
      await post(rulesUrl, admin, {
        name: '暂停的按钮',
        trigger: { type: 'manual', object: 'customer' },
        actions: [todoAction],
      }),
      201,
    );
    ok(await patch(`${rulesUrl}/${manual.id}`, admin, { enabled: false, version: manual.version }));
    const refused = await run(manual.id, sales1, [customer.id]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('RULE_NOT_RUNNABLE');
  });

  it('refuses a record type that has no rules, and more than 100 records, naming the field', async () => {
    expectFieldError(await buttons('product', sales1), 'query.object');
    const [button] = ok(await buttons('customer', sales1));
    const many = Array.from({ length: 101 }, () => crypto.randomUUID());
    expectFieldError(await run(button.id, sales1, many), 'recordIds');
    expect((await get('/api/v1/manual-rules?object=customer', {})).status).toBe(401);
  });
});
