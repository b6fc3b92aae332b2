import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import { MAX_CHAIN_DEPTH } from '../../server/workflows/engine.ts';
import { automationTopicQueues, registerAutomationJobs } from '../../server/workflows/workflow-jobs.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { del, expectError, expectFieldError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

/**
 * The rule engine through the API and the real queue: save-time checks, the loop guard, pausing
 * after failures in a row, and a rule whose identity lacks a grant (fails visibly, does nothing).
 */
let database: Database;
let company: Company;
let admin: Headers;
let runner: JobRunner;
const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
let customers: Array<Record<string, any>>;

const rulesUrl = '/api/v1/automation-rules';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const runsOf = async (ruleId: string) =>
  ok(await get(`${rulesUrl}/${ruleId}/runs?limit=200`, admin)) as Array<Record<string, any>>;

async function customer(id: string) {
  return ok(await get(`/api/v1/customers/${id}`, admin)) as Record<string, any>;
}

async function updateCustomer(id: string, changes: Record<string, unknown>) {
  const current = await customer(id);
  return ok(await patch(`/api/v1/customers/${id}`, admin, { ...changes, version: current.version }));
}

/** Waits until no event of this company waits in the outbox and no rule run is unfinished. */
async function quiet() {
  await waitFor('the automation queue to drain', async () => {
    const [pending, running] = await withTenant(database.db, company.tenantId, async (trx) => [
      await trx
        .selectFrom('outbox_events')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('dispatched_at', 'is', null)
        .execute(),
      await trx
        .selectFrom('automation_runs')
        .select('id')
        .where('tenant_id', '=', company.tenantId)
        .where('status', '=', 'running')
        .execute(),
    ]);
    if (pending.length > 0 || running.length > 0) return undefined;
    const jobs = await database.owner
      .selectFrom('pgboss.job' as never)
      .select('id' as never)
      .where('name' as never, '=', 'automation.run' as never)
      .where('state' as never, 'in', ['created', 'retry', 'active'] as never)
      .execute()
      .catch(() => []);
    return jobs.length === 0 ? true : undefined;
  });
}

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 6, orders: 0 });
  admin = await company.as('admin');
  customers = ok(await get('/api/v1/customers?limit=6&sort=name', admin)) as Array<Record<string, any>>;
  // the demo's call rule is not what these tests are about
  for (const rule of ok(await get(rulesUrl, admin)) as Array<Record<string, any>>)
    expect((await del(`${rulesUrl}/${rule.id}`, admin)).status).toBe(204);
  runner = await createBoss(database, {
    schedule: false,
    supervise: false,
    queues: [],
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 2000,
  });
  await registerAutomationJobs(runner, database, {
    info() {},
    warn(obj: Record<string, unknown>, msg: string) {
      warnings.push({ obj, msg });
    },
    error() {},
  } as never);
  startOutboxDispatcher(database, runner, {
    topicQueues: automationTopicQueues,
    tenantId: company.tenantId,
    intervalMs: 100,
  });
}, 120_000);

afterAll(async () => {
  await runner?.stop();
});

const customerTrigger = (fields?: string[]) => ({
  type: 'record',
  object: 'customer',
  on: 'updated',
  ...(fields ? { fields } : {}),
});

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

describe('running rules', () => {
  it('two rules that trigger each other stop at depth 5, and the stop is logged', async () => {
    const target = customers[0]!;
    const flip = (from: string, to: string) => ({
      name: `级别 ${from}→${to}`,
      trigger: customerTrigger(['level']),
      conditions: { op: 'changed', field: 'level', to: from },
      actions: [{ type: 'updateFields', fields: { level: to } }],
    });
    const toB = ok(await post(rulesUrl, admin, flip('A', 'B')), 201);
    const toA = ok(await post(rulesUrl, admin, flip('B', 'A')), 201);
    await updateCustomer(target.id, { level: target.level === 'A' ? 'C' : 'A' });
    if (target.level === 'A') await updateCustomer(target.id, { level: 'A' });
    await quiet();
    const runs = [...(await runsOf(toB.id)), ...(await runsOf(toA.id))].filter(
      (r) => r.triggerPayload.id === target.id && r.status !== 'skipped',
    );
    const byDepth = runs.sort((a, b) => a.depth - b.depth);
    expect(byDepth.map((r) => [r.depth, r.status])).toEqual([
      [1, 'succeeded'],
      [2, 'succeeded'],
      [3, 'succeeded'],
      [4, 'succeeded'],
      [5, 'succeeded'],
      [6, 'stopped'],
    ]);
    expect(MAX_CHAIN_DEPTH).toBe(5);
    expect(byDepth[5]).toMatchObject({ errorCode: 'LOOP_GUARD', actions: [] });
    expect(byDepth[5]!.error).toContain('depth 5');
    expect(warnings.some((w) => w.msg.includes('loop guard') && w.obj.depth === 6)).toBe(true);
    // A → B → A → B → A → B: the chain's last write stands, nothing runs after the stop
    expect((await customer(target.id)).level).toBe('B');
    for (const rule of [toB, toA]) expect((await del(`${rulesUrl}/${rule.id}`, admin)).status).toBe(204);
  });

  it('a rule whose identity lacks a grant fails visibly, changes nothing, and is paused after N failures in a row', async () => {
    const target = customers[1]!;
    // a service identity that may run in the background and read customers, but not update them
    const key = await post('/api/v1/api-keys', admin, { name: '自动化身份', role: 'member' });
    const serviceUserId = key.body.data.userId as string;
    const role = ok(
      await post('/api/v1/roles', admin, {
        name: '自动化只读',
        grants: [
          { object: 'customer', action: 'read', scope: 'all' },
          { object: 'system', action: 'runBackgroundSync' },
        ],
      }),
      201,
    );
    expect(
      (
        await call({
          method: 'PUT',
          url: `/api/v1/users/${serviceUserId}/roles`,
          headers: admin,
          payload: { roleIds: [role.id] },
        })
      ).status,
    ).toBe(200);
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '无权限规则',
        trigger: customerTrigger(['shortName']),
        actions: [
          { type: 'notify', recipient: { kind: 'ruleOwner' }, message: '{{name}} 备注变了' },
          { type: 'updateFields', fields: { level: 'D' } },
        ],
        serviceUserId,
        maxFailures: 2,
      }),
      201,
    );
    const before = await customer(target.id);
    const notificationsBefore = ok(await get('/api/v1/notifications', admin)) as unknown[];
    for (const remark of ['一', '二', '三']) {
      await updateCustomer(target.id, { shortName: `简称${remark}` });
      await quiet();
    }
    const runs = (await runsOf(rule.id)).reverse();
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed']); // the third event found the rule paused
    for (const run of runs) {
      expect(run.errorCode).toBe('MISSING_GRANT');
      expect(run.identityUserId).toBe(serviceUserId);
      expect(run.actions.map((a: Record<string, unknown>) => a.type)).toEqual(['notify', 'updateFields']);
      expect(run.actions[0].output.notificationId).toEqual(expect.any(String));
      expect(run.actions[1].error).toMatchObject({ code: 'MISSING_GRANT' });
      expect(run.actions[1].error.message).toContain('customer.update');
      expect(run.actions[1].durationMs).toEqual(expect.any(Number));
    }
    // nothing stayed: not the level, not the notification the first action wrote
    const after = await customer(target.id);
    expect(after.level).toBe(before.level);
    const paused = ok(await get(`${rulesUrl}/${rule.id}`, admin));
    expect(paused).toMatchObject({ failureStreak: 2, enabled: true });
    expect(paused.pausedAt).toEqual(expect.any(String));
    expect(paused.pausedReason).toContain('2 failed runs in a row');
    const notifications = ok(await get('/api/v1/notifications', admin)) as Array<Record<string, any>>;
    const fresh = notifications.slice(0, notifications.length - notificationsBefore.length);
    expect(fresh.map((n) => n.kind)).toEqual(['automation.paused']);
    expect(fresh[0]).toMatchObject({ ruleId: rule.id });
    expect(fresh[0]!.message).toContain('无权限规则');

    // granting the update and resuming the rule: the next event runs and succeeds, the streak resets
    ok(
      await patch(`/api/v1/roles/${role.id}`, admin, {
        grants: [
          { object: 'customer', action: 'read', scope: 'all' },
          { object: 'customer', action: 'update', scope: 'all' },
          { object: 'system', action: 'runBackgroundSync' },
        ],
        version: role.version,
      }),
    );
    const resumed = ok(await patch(`${rulesUrl}/${rule.id}`, admin, { enabled: true, version: paused.version }));
    expect(resumed).toMatchObject({ pausedAt: null, failureStreak: 0, version: paused.version + 1 });
    await updateCustomer(target.id, { shortName: '简称四' });
    await quiet();
    const latest = (await runsOf(rule.id))[0]!;
    expect(latest).toMatchObject({ status: 'succeeded', ruleVersion: resumed.version });
    expect((await customer(target.id)).level).toBe('D');
  });

  it('the run history shows each condition’s result and the changed fields’ values before', async () => {
    const target = customers[2]!;
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '升级提醒',
        trigger: customerTrigger(['level']),
        conditions: {
          op: 'or',
          any: [
            { op: 'changed', field: 'level', from: target.level, to: 'A' },
            { op: 'isEmpty', field: 'industry' },
          ],
        },
        actions: [{ type: 'createTodo', assignee: { kind: 'recordOwner' }, title: '回访 {{name}}', dueInMinutes: 60 }],
      }),
      201,
    );
    await updateCustomer(target.id, { level: target.level === 'A' ? 'B' : 'A' });
    await quiet();
    const [run] = await runsOf(rule.id);
    expect(run!.conditions, JSON.stringify(run)).not.toBeNull();
    expect(run!.conditions.steps.map((s: Record<string, unknown>) => [s.path, s.result])).toEqual(
      target.level === 'A'
        ? [
            ['$.any[0]', false],
            ['$.any[1]', target.industry == null],
            ['$', target.industry == null],
          ]
        : [
            ['$.any[0]', true],
            ['$.any[1]', target.industry == null],
            ['$', true],
          ],
    );
    if (run!.status === 'succeeded') {
      expect(run!.actions[0].output).toMatchObject({ userId: target.ownerId });
      const todo = await withTenant(database.db, company.tenantId, (trx) =>
        trx
          .selectFrom('todos')
          .selectAll()
          .where('tenant_id', '=', company.tenantId)
          .where('run_id', '=', run!.id)
          .execute(),
      );
      expect(todo).toHaveLength(1);
      expect(todo[0]!.title).toBe(`回访 ${target.name}`);
    }
    expect(run!.triggerPayload.before).toEqual({ level: target.level });
  });
});
