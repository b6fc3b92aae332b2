import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { sql } from 'kysely';
import { asSystem, withTenant } from '../../server/db/tenant-transaction.ts';
import { createBoss, type JobRunner } from '../../server/jobs/boss.ts';
import { startOutboxDispatcher } from '../../server/jobs/outbox.ts';
import { MAX_CHAIN_DEPTH } from '../../server/workflows/engine.ts';
import { automationTopicQueues, registerAutomationJobs } from '../../server/workflows/workflow-jobs.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { del, expectError, get, ok, patch, post, type Headers } from '../support/resource-helpers.ts';

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

/**
 * Waits until no event of this company waits in the outbox, no rule run is unfinished and no
 * automation job is queued or running. The three are read in one statement, so in one snapshot:
 * read one after another, a handler committing its run (and the next event of a chain) between
 * two reads could make the queue look drained while the chain goes on.
 */
async function quiet() {
  await waitFor('the automation queue to drain', async () => {
    const busy = await asSystem(database.owner, async (trx) => {
      const { rows } = await sql<{ busy: number }>`select
          (select count(*) from outbox_events where tenant_id = ${company.tenantId} and dispatched_at is null)::int
        + (select count(*) from automation_runs where tenant_id = ${company.tenantId} and status = 'running')::int
        + (select count(*) from pgboss.job where name = 'automation.run' and state in ('created', 'retry', 'active'))::int
          as busy`.execute(trx);
      return rows[0]!.busy;
    }).catch(() => undefined);
    return busy === 0 ? true : undefined;
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
    // the failed action changed nothing; the step before it (the notification) stood, so a rerun starts at step 1
    const after = await customer(target.id);
    expect(after.level).toBe(before.level);
    const paused = ok(await get(`${rulesUrl}/${rule.id}`, admin));
    expect(paused).toMatchObject({ failureStreak: 2, enabled: true });
    expect(paused.pausedAt).toEqual(expect.any(String));
    expect(paused.pausedReason).toContain('2 failed runs in a row');
    const notifications = ok(await get('/api/v1/notifications', admin)) as Array<Record<string, any>>;
    const fresh = notifications.slice(0, notifications.length - notificationsBefore.length);
    expect(fresh.map((n) => n.kind)).toEqual(['automation.paused', 'automation', 'automation']);
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
    await updateCustomer(target.id, { level: 'C', industry: '制造' });
    await quiet();
    const rule = ok(
      await post(rulesUrl, admin, {
        name: '升级提醒',
        trigger: customerTrigger(['level']),
        conditions: {
          op: 'or',
          any: [
            { op: 'changed', field: 'level', from: 'C', to: 'A' },
            { op: 'isEmpty', field: 'industry' },
          ],
        },
        actions: [{ type: 'createTodo', assignee: { kind: 'recordOwner' }, title: '回访 {{name}}', dueInMinutes: 0 }],
      }),
      201,
    );
    await updateCustomer(target.id, { level: 'A' });
    await quiet();
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run!.status).toBe('succeeded');
    expect(
      run!.conditions.steps.map((s: Record<string, unknown>) => [s.path, s.field ?? null, s.actual ?? null, s.result]),
    ).toEqual([
      ['$.any[0]', 'level', 'A', true],
      ['$.any[1]', 'industry', '制造', false],
      ['$', null, null, true],
    ]);
    expect(run!.triggerPayload).toMatchObject({
      id: target.id,
      fields: ['level'],
      before: { level: 'C' },
      after: { level: 'A' },
    });
    {
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
      // the owner's 待办: due now, so due today and overdue; one call completes it, only for them
      const [owner] = Object.entries(company.users).find(([, id]) => id === target.ownerId)!;
      const ownerHeaders = await company.as(owner as Parameters<Company['as']>[0]);
      for (const due of ['today', 'overdue'])
        expect(
          (ok(await get(`/api/v1/todos?due=${due}`, ownerHeaders)) as Array<{ id: string }>).map((t) => t.id),
        ).toContain(todo[0]!.id);
      const other = owner === 'admin' ? await company.as('sales2') : admin;
      expectError(await post(`/api/v1/todos/${todo[0]!.id}/complete`, other), 404, 'NOT_FOUND');
      const done = ok(await post(`/api/v1/todos/${todo[0]!.id}/complete`, ownerHeaders));
      expect(done.completedAt).toEqual(expect.any(String));
      expect(
        (ok(await get('/api/v1/todos?due=today', ownerHeaders)) as Array<{ id: string }>).map((t) => t.id),
      ).not.toContain(todo[0]!.id);
    }
  });
});
