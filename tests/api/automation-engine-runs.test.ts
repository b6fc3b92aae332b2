import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { del, expectError, expectFieldError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/**
 * Manual triggers (POST /run), the rate limit, reruns from the failed step, dry runs, and the
 * actions that reuse other features (updateFields on custom fields, assignOwner, startApproval).
 */
let company: Company;
let admin: Headers;
let customers: Array<Record<string, any>>;
const rulesUrl = '/api/v1/automation-rules';

const runsOf = async (ruleId: string) =>
  ok(await get(`${rulesUrl}/${ruleId}/runs?limit=200`, admin)) as Array<Record<string, any>>;
const customer = async (id: string) => ok(await get(`/api/v1/customers/${id}`, admin)) as Record<string, any>;
const runManual = (ruleId: string, recordIds: string[]) => post(`${rulesUrl}/${ruleId}/run`, admin, { recordIds });

beforeAll(async () => {
  company = await demoCompany({ customers: 6, orders: 0 });
  admin = await company.as('admin');
  customers = ok(await get('/api/v1/customers?limit=6&sort=name', admin)) as Array<Record<string, any>>;
  ok(
    await post('/api/v1/custom-fields', admin, { objectType: 'customer', key: 'tier', label: '等级', type: 'number' }),
    201,
  );
}, 120_000);

describe('manual rules, rate limits and custom fields', () => {
  it('runs a manual rule on picked records, writes custom.<key>, and keeps runs over maxRunsPerHour as rate_limited', async () => {
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '手动：设为重点',
        trigger: { type: 'manual', object: 'customer' },
        actions: [{ type: 'updateFields', fields: { 'custom.tier': 3, level: 'A' } }],
        maxRunsPerHour: 2,
      }),
      201,
    );
    expect(rule).toMatchObject({ maxRunsPerHour: 2, trigger: { type: 'manual', object: 'customer' } });
    const picked = customers.slice(0, 3).map((c) => c.id as string);
    const res = ok(await runManual(rule.id, picked));
    expect(res.map((r: Record<string, unknown>) => [r.recordId, r.status])).toEqual([
      [picked[0], 'succeeded'],
      [picked[1], 'succeeded'],
      [picked[2], 'rate_limited'],
    ]);
    for (const id of picked.slice(0, 2)) expect(await customer(id)).toMatchObject({ level: 'A', custom: { tier: 3 } });
    expect((await customer(picked[2]!)).custom?.tier).toBeUndefined();
    const runs = await runsOf(rule.id);
    expect(runs.map((r) => r.status).sort()).toEqual(['rate_limited', 'succeeded', 'succeeded']);
    const limited = runs.find((r) => r.status === 'rate_limited')!;
    expect(limited).toMatchObject({ errorCode: 'RATE_LIMITED', actions: [], topic: 'automation.manual' });
    // raising the limit lets the next run act
    const raised = ok(await patch(`${rulesUrl}/${rule.id}`, admin, { maxRunsPerHour: null, version: rule.version }));
    expect(raised.maxRunsPerHour).toBeNull();
    expect(ok(await runManual(raised.id, [picked[2]!]))[0].status).toBe('succeeded');
    // a record that is not there answers not_found; a rule that is not manual, 409
    expect(ok(await runManual(rule.id, ['01890000-0000-7000-8000-000000000000']))[0]).toMatchObject({
      status: 'not_found',
      runId: null,
    });
    const recordRule = ok(
      await post(rulesUrl, admin, {
        name: '记录规则',
        trigger: { type: 'record', object: 'customer', on: 'created' },
        actions: [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '新客户 {{name}}' }],
      }),
      201,
    );
    expectError(await runManual(recordRule.id, picked.slice(0, 1)), 409, 'RULE_NOT_RUNNABLE');
    expectFieldError(await post(`${rulesUrl}/${rule.id}/run`, admin, { recordIds: [] }), 'recordIds');
    for (const r of [rule, recordRule]) expect((await del(`${rulesUrl}/${r.id}`, admin)).status).toBe(204);
  });

  it('checks custom fields, date fields and action targets at save time', async () => {
    const manual = { type: 'manual', object: 'customer' };
    const save = (trigger: unknown, actions: unknown[]) => post(rulesUrl, admin, { name: '检查', trigger, actions });
    expectFieldError(
      await save(manual, [{ type: 'updateFields', fields: { 'custom.nope': 1 } }]),
      'actions.0.fields.custom.nope',
    );
    expectFieldError(
      await save(manual, [{ type: 'updateFields', fields: { 'custom.tier': 'high' } }]),
      'actions.0.fields.custom.tier',
    );
    expectFieldError(
      await save({ type: 'relative', object: 'contract', field: 'title', offsetDays: -30, at: '09:00' }, [
        { type: 'notify', recipient: { kind: 'ruleOwner' }, message: '到期' },
      ]),
      'trigger.field',
    );
    expectFieldError(await save({ type: 'manual', object: 'contact' }, [{ type: 'assignOwner' }]), 'actions.0.type');
    expectFieldError(
      await save(manual, [{ type: 'startApproval', kind: 'contract_delete', reason: '到期' }]),
      'actions.0.type',
    );
    expectFieldError(
      await save({ type: 'schedule', cron: 'every day' }, [
        { type: 'notify', recipient: { kind: 'ruleOwner' }, message: 'x' },
      ]),
      'trigger.cron',
    );
    expectFieldError(await save(manual, [{ type: 'webhook', url: 'ftp://example.com' }]), 'actions.0.url');
    expectFieldError(
      await save({ type: 'schedule', cron: '0 8 * * 1-5' }, [
        { type: 'createFollowup', status: 'deep_talk', kind: 'call', template: 'x' },
      ]),
      'actions.0.type',
    );
  });
});

describe('reruns and dry runs', () => {
  it('reruns a failed run from the action that failed; the steps before it stood', async () => {
    const target = customers[3]!;
    const key = await post('/api/v1/api-keys', admin, { name: '手动身份', role: 'member' });
    const serviceUserId = key.body.data.userId as string;
    const grants = (update: boolean) => [
      { object: 'customer', action: 'read', scope: 'all' },
      ...(update ? [{ object: 'customer', action: 'update', scope: 'all' }] : []),
      { object: 'system', action: 'runBackgroundSync' },
    ];
    const role = ok(await post('/api/v1/roles', admin, { name: '手动只读', grants: grants(false) }), 201);
    const assigned = await call({
      method: 'PUT',
      url: `/api/v1/users/${serviceUserId}/roles`,
      headers: admin,
      payload: { roleIds: [role.id] },
    });
    expect(assigned.status).toBe(200);
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '先通知再改级别',
        trigger: { type: 'manual', object: 'customer' },
        actions: [
          { type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{name}} 即将调整' },
          { type: 'updateFields', fields: { level: 'D' } },
        ],
        serviceUserId,
      }),
      201,
    );
    const [first] = ok(await runManual(rule.id, [target.id]));
    expect(first.status).toBe('failed');
    const failed = (await runsOf(rule.id))[0]!;
    expect(failed.actions.map((a: Record<string, any>) => [a.index, a.error?.code ?? null])).toEqual([
      [0, null],
      [1, 'MISSING_GRANT'],
    ]);
    // the notification of step 0 stood
    const notes = ok(await get('/api/v1/notifications', admin)) as Array<Record<string, any>>;
    expect(notes.filter((n) => n.ruleId === rule.id && n.kind === 'automation')).toHaveLength(1);

    ok(await patch(`/api/v1/roles/${role.id}`, admin, { grants: grants(true), version: role.version }));
    const rerun = ok(await post(`${rulesUrl}/${rule.id}/runs/${failed.id}/rerun`, admin));
    expect(rerun).toMatchObject({ status: 'succeeded', rerunOf: failed.id, fromStep: 1, eventId: failed.eventId });
    expect(rerun.actions.map((a: Record<string, any>) => a.index)).toEqual([1]);
    expect((await customer(target.id)).level).toBe('D');
    const after = ok(await get('/api/v1/notifications', admin)) as Array<Record<string, any>>;
    expect(after.filter((n) => n.ruleId === rule.id && n.kind === 'automation')).toHaveLength(1);
    expectError(await post(`${rulesUrl}/${rule.id}/runs/${rerun.id}/rerun`, admin), 409, 'RUN_NOT_FAILED');
    expectError(
      await post(`${rulesUrl}/${rule.id}/runs/${'01890000-0000-7000-8000-000000000000'}/rerun`, admin),
      404,
      'NOT_FOUND',
    );
    expect((await del(`${rulesUrl}/${rule.id}`, admin)).status).toBe(204);
  });

  it('a dry run evaluates the last events of the trigger and writes nothing', async () => {
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '级别 A 的客户更新',
        trigger: { type: 'record', object: 'customer', on: 'updated', fields: ['level'] },
        conditions: { op: 'compare', field: 'level', cmp: 'eq', value: 'A' },
        actions: [{ type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{name}} 是 A 级' }],
        enabled: false,
      }),
      201,
    );
    const withLevel = async (id: string, level: string) => {
      const c = await customer(id);
      ok(await patch(`/api/v1/customers/${id}`, admin, { level, version: c.version }));
    };
    if ((await customer(customers[4]!.id)).level === 'A') await withLevel(customers[4]!.id, 'B');
    await withLevel(customers[4]!.id, 'A');
    await withLevel(customers[5]!.id, (await customer(customers[5]!.id)).level === 'C' ? 'D' : 'C');
    const c4 = await customer(customers[4]!.id);
    ok(await patch(`/api/v1/customers/${c4.id}`, admin, { shortName: '不相关的修改', version: c4.version }));
    const res = ok(await post(`${rulesUrl}/${rule.id}/dry-run`, admin, { limit: 2 }));
    expect(res).toMatchObject({ ruleId: rule.id, version: 1, evaluated: 2 });
    // the shortName update is not an event of a trigger watching level
    expect(res.results.map((r: Record<string, any>) => [r.recordId, r.matched])).toEqual([
      [customers[5]!.id, false],
      [customers[4]!.id, true],
    ]);
    expect(res.results[1].actions).toEqual([{ type: 'notify', input: rule.actions[0] }]);
    expect(res.results[1].conditions).toMatchObject({
      result: true,
      steps: [{ field: 'level', actual: 'A', result: true }],
    });
    expect(await runsOf(rule.id)).toEqual([]);
    expect(ok(await post(`${rulesUrl}/${rule.id}/dry-run`, admin)).evaluated).toBeGreaterThanOrEqual(2);
    expectFieldError(await post(`${rulesUrl}/${rule.id}/dry-run`, admin, { limit: 101 }), 'limit');
  });
});

describe('actions that reuse other features', () => {
  it('assignOwner sets a named owner through the customer update; startApproval asks for a contract deletion', async () => {
    const target = customers[2]!;
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '转给销售二',
        trigger: { type: 'manual', object: 'customer' },
        actions: [{ type: 'assignOwner', userId: company.users.sales2 }],
      }),
      201,
    );
    expect(ok(await runManual(rule.id, [target.id]))[0].status).toBe('succeeded');
    expect((await customer(target.id)).ownerId).toBe(company.users.sales2);
    const byRules = ok(
      await post(rulesUrl, admin, {
        name: '按分配规则',
        trigger: { type: 'manual', object: 'customer' },
        actions: [{ type: 'assignOwner' }],
      }),
      201,
    );
    expect(ok(await runManual(byRules.id, [target.id]))[0].status).toBe('succeeded');
    const output = (await runsOf(byRules.id))[0]!.actions[0].output;
    expect(output).toMatchObject({ by: 'assignmentRules', customerId: target.id, assigned: expect.any(Boolean) });

    const contract = ok(
      await post('/api/v1/contracts', admin, {
        customerId: target.id,
        number: `HT-自动化-${Date.now()}`,
        title: '年度服务合同',
        currency: 'CNY',
        amountInclTax: '1000',
      }),
      201,
    );
    const approvalRule = ok(
      await post(rulesUrl, admin, {
        name: '申请删除合同',
        trigger: { type: 'manual', object: 'contract' },
        actions: [{ type: 'startApproval', kind: 'contract_delete', reason: '合同 {{title}} 录入有误' }],
      }),
      201,
    );
    expect(ok(await runManual(approvalRule.id, [contract.id]))[0].status).toBe('succeeded');
    const approvalId = (await runsOf(approvalRule.id))[0]!.actions[0].output.approvalId as string;
    const approval = ok(await get(`/api/v1/approvals/${approvalId}`, admin));
    expect(approval).toMatchObject({
      kind: 'contract_delete',
      status: 'pending',
      reason: '合同 年度服务合同 录入有误',
    });
    expect(approval.payload.contractId).toBe(contract.id);
  });
});
