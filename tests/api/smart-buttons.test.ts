import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { escalateOverdueNextSteps } from '../../server/smart-buttons/next-step-escalation.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { ownAndHiddenCustomer } from '../support/customer-pair.ts';
import { testDatabase } from '../support/test-database.ts';
import { expectError, expectFieldError, get, ok, post, type Headers } from '../support/resource-helpers.ts';

/**
 * Smart buttons (issue 12) through the API: the company's buttons and calendar, one tap → one
 * follow-up with its next step on the working calendar (across a weekend, around a holiday),
 * idempotency keys, authorization as creating a follow-up, the 待办 list of to-dos and next
 * steps, and the escalation of overdue next steps to the owner's manager (once).
 */
let company: Company;
let admin: Headers;
let sales1: Headers;
let customerId: string;
let otherCustomerId: string;

const tap = (customer: string, button: string, key: string | undefined, headers: Headers, payload?: unknown) =>
  call({
    method: 'POST',
    url: `/api/v1/customers/${customer}/smart-buttons/${button}`,
    headers: key === undefined ? headers : { ...headers, 'idempotency-key': key },
    payload: payload as Record<string, unknown> | undefined,
  });

async function buttonFollowups(customer: string) {
  const database = await testDatabase();
  return withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('followups')
      .selectAll()
      .where('customer_id', '=', customer)
      .where('source', '=', 'button')
      .where('deleted_at', 'is', null)
      .execute(),
  );
}

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 4 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
  const pair = await ownAndHiddenCustomer(company);
  customerId = pair.own;
  // a customer sales1 may not read (not theirs, not shared with them)
  otherCustomerId = pair.hidden!;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('smart buttons', () => {
  it('every company starts with 刚聊完, 已发方案 and 等客户回复', async () => {
    const settings = ok(await get('/api/v1/smart-buttons', sales1));
    expect(settings.buttons.map((b: { label: string }) => b.label)).toEqual(['刚聊完', '已发方案', '等客户回复']);
    expect(settings.timeZone).toBe('Asia/Shanghai');
  });

  it('one tap gives one follow-up with the right next-step time across a weekend', async () => {
    // Friday 2026-11-27 15:30 in Shanghai; 刚聊完 sets its next step 2 working days later at 10:00
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T07:30:00Z') });
    const first = await tap(customerId, 'just_talked', 'tap-weekend-0001', sales1);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data).toMatchObject({
      customerId,
      buttonKey: 'just_talked',
      status: 'deep_talk',
      nextStepAt: '2026-12-01T02:00:00.000Z', // Tuesday 10:00 Shanghai
      duplicate: false,
    });
    // the outbox replays the same tap: the same follow-up, nothing new
    const again = await tap(customerId, 'just_talked', 'tap-weekend-0001', sales1);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ followupId: first.body.data.followupId, duplicate: true });
    const saved = await buttonFollowups(customerId);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      id: first.body.data.followupId,
      status: 'deep_talk',
      kind: 'call',
      content: '刚与客户沟通完，要点：',
      next_step: '回访确认沟通结果',
      author_id: company.users.sales1,
    });
    expect(new Date(saved[0]!.next_step_at!).toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('the rep may edit the text before saving; a company holiday moves the next step', async () => {
    const current = ok(await get('/api/v1/smart-buttons', admin));
    const put = await call({
      method: 'PUT',
      url: '/api/v1/smart-buttons',
      headers: admin,
      payload: { buttons: current.buttons, holidays: ['2026-12-01'], extraWorkdays: [], escalationGraceHours: 12 },
    });
    expect(ok(put)).toMatchObject({ holidays: ['2026-12-01'], escalationGraceHours: 12, version: current.version + 1 });
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T07:30:00Z') });
    const res = await tap(customerId, 'proposal_sent', 'tap-holiday-0001', sales1, {
      content: '发了报价单 V2，客户下周答复',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.nextStepAt).toBe('2026-12-02T02:00:00.000Z'); // Mon, (Tue off), Wed 10:00
    const saved = (await buttonFollowups(customerId)).find((f) => f.id === res.body.data.followupId);
    expect(saved).toMatchObject({ content: '发了报价单 V2，客户下周答复', status: 'proposal_sent' });
  });

  it('a save over a version someone else already replaced answers 409 and changes nothing', async () => {
    const current = ok(await get('/api/v1/smart-buttons', admin));
    const body = (grace: number, version: number) => ({
      buttons: current.buttons,
      holidays: current.holidays,
      extraWorkdays: current.extraWorkdays,
      escalationGraceHours: grace,
      version,
    });
    const put = (payload: object) => call({ method: 'PUT', url: '/api/v1/smart-buttons', headers: admin, payload });
    // two admins read the same version; the first save wins, the second is refused
    expect(ok(await put(body(36, current.version))).version).toBe(current.version + 1);
    const late = await put(body(48, current.version));
    expectError(late, 409, 'VERSION_CONFLICT');
    expect(ok(await get('/api/v1/smart-buttons', admin))).toMatchObject({
      escalationGraceHours: 36,
      version: current.version + 1,
    });
    // put back as it was, over the version just read
    ok(await put(body(current.escalationGraceHours, current.version + 1)));
  });

  it('refuses a missing or reused key, an unknown button and bad settings, naming the field', async () => {
    expectFieldError(await tap(customerId, 'just_talked', undefined, sales1), 'headers.idempotency-key');
    expectError(await tap(customerId, 'awaiting_reply', 'tap-weekend-0001', sales1), 409, 'CONFLICT');
    expectError(await tap(customerId, 'no_such_button', 'tap-unknown-0001', sales1), 404, 'NOT_FOUND');
    const bad = await call({
      method: 'PUT',
      url: '/api/v1/smart-buttons',
      headers: admin,
      payload: {
        buttons: [
          {
            key: 'x',
            label: '试',
            template: '试',
            status: 'deep_talk',
            nextStepOffset: { workingDays: 1, at: '25:00' },
          },
        ],
      },
    });
    expectFieldError(bad, 'buttons.0.nextStepOffset.at');
    expectFieldError(
      await call({
        method: 'PUT',
        url: '/api/v1/smart-buttons',
        headers: admin,
        payload: { buttons: [], holidays: ['2026-02-30'] },
      }),
      'holidays.0',
    );
    expect((await call({ method: 'PUT', url: '/api/v1/smart-buttons', headers: sales1, payload: {} })).status).toBe(
      403,
    );
  });

  it('is authorized as creating a follow-up on that customer', async () => {
    expect(otherCustomerId).toBeTruthy();
    const res = await tap(otherCustomerId, 'just_talked', 'tap-scope-00001', sales1);
    expect([403, 404]).toContain(res.status);
    expect(await buttonFollowups(otherCustomerId)).toHaveLength(0);
    expect((await tap(customerId, 'just_talked', 'tap-anon-000001', {})).status).toBe(401);
  });
});

describe('待办: to-dos and next steps', () => {
  it('lists due next steps by due time, completes one in one tap, and escalates an overdue one once', async () => {
    const dueAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const created = ok(
      await post('/api/v1/followups', sales1, {
        customerId,
        kind: 'call',
        status: 'awaiting_reply',
        content: '客户说下周给答复',
        nextStep: '电话确认采购预算',
        nextStepAt: dueAt,
      }),
      201,
    );
    const overdue = ok(await get('/api/v1/todos?due=overdue&limit=200', sales1)) as Array<{
      id: string;
      kind: string;
      title: string;
      dueAt: string;
    }>;
    const item = overdue.find((t) => t.id === created.id);
    expect(item).toMatchObject({ kind: 'nextStep', title: '电话确认采购预算', customerId });
    expect(overdue.map((t) => t.dueAt)).toEqual([...overdue.map((t) => t.dueAt)].sort());
    expect(overdue.every((t) => Date.parse(t.dueAt) < Date.now())).toBe(true);
    // the next step of a follow-up a later follow-up superseded (the weekend tap) is not listed
    const today = ok(await get('/api/v1/todos?due=today&limit=200', sales1)) as Array<{ id: string }>;
    expect(today.some((t) => t.id === created.id)).toBe(true);

    // escalation: 12 h grace (set above); the manager of the customer's owner gets one to-do
    const database = await testDatabase();
    const first = await escalateOverdueNextSteps(database, { tenantId: company.tenantId });
    expect(first.failed).toBe(0);
    expect(first.escalated).toBeGreaterThan(0);
    const manager = await company.as('manager');
    const managerTodos = ok(await get('/api/v1/todos?due=today&limit=200', manager)) as Array<{
      kind: string;
      recordId: string;
      title: string;
    }>;
    const escalated = managerTodos.filter((t) => t.kind === 'todo' && t.recordId === customerId);
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated[0]!.title).toContain('李娜 的下一步已逾期');
    expect((await escalateOverdueNextSteps(database, { tenantId: company.tenantId })).escalated).toBe(0);

    // one tap completes it; again changes nothing; it leaves the list
    const done = ok(await post(`/api/v1/todos/${created.id}/complete`, sales1));
    expect(done).toMatchObject({ id: created.id, kind: 'nextStep' });
    expect(done.completedAt).toBeTruthy();
    expect(ok(await post(`/api/v1/todos/${created.id}/complete`, sales1)).completedAt).toBe(done.completedAt);
    const after = ok(await get('/api/v1/todos?due=overdue&limit=200', sales1)) as Array<{ id: string }>;
    expect(after.some((t) => t.id === created.id)).toBe(false);
    // someone else's next step is not theirs to complete
    expectError(await post(`/api/v1/todos/${created.id}/complete`, manager), 404, 'NOT_FOUND');
  });
});
