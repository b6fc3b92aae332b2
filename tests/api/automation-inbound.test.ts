import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import type { OutboxJob } from '../../server/jobs/outbox.ts';
import { processTranscript } from '../../server/transcripts/transcripts.ts';
import { runAutomationEvent } from '../../server/workflows/engine.ts';
import { automationTopicQueues, AUTOMATION_QUEUE } from '../../server/workflows/workflow-jobs.ts';
import { call, type Company } from '../support/test-app.ts';
import { ownAndHiddenCustomer } from '../support/customer-pair.ts';
import { outboxJobsOf } from '../support/outbox-jobs.ts';
import { webhookChannelWorld } from '../support/webhook-channel.ts';
import { del, expectFieldError, get, ok, post, type Headers } from '../support/resource-helpers.ts';

/**
 * The inbound triggers imFileSent (a file sent from the WeCom sidebar), transcriptReady (a meeting
 * transcript recorded) and intakeApplied (an intake record applied): the business transaction
 * writes the event, the automation queue hears its topic, the engine runs each listening rule
 * once per event (a second delivery of the same event is a duplicate), conditions on the
 * trigger's fields are checked at save, and the dry run evaluates past events. Also the WeCom
 * external-contact links the sidebar uses.
 */
let database: Database;
let company: Company;
let admin: Headers;
let sales1: Headers;
let keyHeaders: Headers;
let secret: string;
let customerId: string;
let contactId: string;
let foreignCustomerId: string;
const rulesUrl = '/api/v1/automation-rules';
const wecomId = `wmib${Date.now().toString(36)}`;

const rule = (trigger: Record<string, unknown>, conditions: unknown, title: string) => ({
  name: `入站 ${trigger.type} ${Math.random()}`,
  trigger,
  conditions,
  actions: [{ type: 'createTodo', assignee: { kind: 'ruleOwner' }, title, dueInMinutes: 60 }],
});

/** The outbox events of a topic as queue jobs, oldest first. */
const eventsOf = (topic: string) => outboxJobsOf(database, company.tenantId, topic);

const todosOf = (ruleId: string) =>
  withTenant(database.db, company.tenantId, (trx) =>
    trx
      .selectFrom('todos')
      .select(['title'])
      .where('tenant_id', '=', company.tenantId)
      .where('rule_id', '=', ruleId)
      .execute(),
  );

/** Runs an event twice as the automation queue would: the second delivery never runs a rule again. */
async function deliverTwice(job: OutboxJob) {
  return { first: await runAutomationEvent(database, job), second: await runAutomationEvent(database, job) };
}

beforeAll(async () => {
  ({ database, company, admin, secret } = await webhookChannelWorld({
    customers: 6,
    key: 'ib-form',
    name: '入站表单',
    mapping: [{ source: 'company', target: 'name', transforms: [{ op: 'trim' }] }],
  }));
  sales1 = await company.as('sales1');
  const key = await post('/api/v1/api-keys', admin, { name: '会议纪要', role: 'admin' });
  keyHeaders = { authorization: `Bearer ${key.body.key}` };
  const pair = await ownAndHiddenCustomer(company);
  customerId = pair.own;
  foreignCustomerId = pair.hidden!;
  contactId = ok(await post('/api/v1/contacts', admin, { customerId, name: '企微联系人' }), 201).id;
}, 120_000);

describe('WeCom external contacts', () => {
  it('links, lists and unlinks an external contact, audited', async () => {
    const linked = ok(
      await call({
        method: 'PUT',
        url: `/api/v1/wecom/external-contacts/${wecomId}`,
        headers: sales1,
        payload: { customerId, contactId, name: '王总' },
      }),
    );
    expect(linked).toMatchObject({ externalUserId: wecomId, customerId, contactId, name: '王总' });
    const list = ok(await get(`/api/v1/wecom/external-contacts?customerId=${customerId}`, sales1));
    expect(list).toEqual([expect.objectContaining({ externalUserId: wecomId, name: '王总' })]);
    expect(ok(await get(`/api/v1/wecom/contacts/${wecomId}`, sales1))).toMatchObject({ contactId });
    const audit = await withTenant(database.db, company.tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('record_type', '=', 'wecomExternalContact')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toContain('create');

    const other = `${wecomId}x`;
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/wecom/external-contacts/${other}`,
        headers: admin,
        payload: { customerId },
      }),
    );
    expect((await del(`/api/v1/wecom/external-contacts/${other}`, sales1)).status).toBe(204);
    expect((await get(`/api/v1/wecom/contacts/${other}`, sales1)).status).toBe(404);
    expect((await del(`/api/v1/wecom/external-contacts/${other}`, sales1)).status).toBe(404);
    // linking again brings the unlinked row back
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/wecom/external-contacts/${other}`,
        headers: admin,
        payload: { customerId },
      }),
    );
    expect(ok(await get(`/api/v1/wecom/external-contacts?customerId=${customerId}`, admin))).toHaveLength(2);
  });

  it('a rep cannot link to a customer they cannot update, nor move a link away from one', async () => {
    const res = await call({
      method: 'PUT',
      url: `/api/v1/wecom/external-contacts/${wecomId}y`,
      headers: sales1,
      payload: { customerId: foreignCustomerId },
    });
    expect([403, 404]).toContain(res.status);
    ok(
      await call({
        method: 'PUT',
        url: `/api/v1/wecom/external-contacts/${wecomId}z`,
        headers: admin,
        payload: { customerId: foreignCustomerId },
      }),
    );
    const moved = await call({
      method: 'PUT',
      url: `/api/v1/wecom/external-contacts/${wecomId}z`,
      headers: sales1,
      payload: { customerId },
    });
    expect([403, 404]).toContain(moved.status);
    expect([403, 404]).toContain((await del(`/api/v1/wecom/external-contacts/${wecomId}z`, sales1)).status);
    expect([403, 404]).toContain(
      (await get(`/api/v1/wecom/external-contacts?customerId=${foreignCustomerId}`, sales1)).status,
    );
  });

  it('answers 400 naming the field', async () => {
    const put = (id: string, payload: Record<string, unknown>) =>
      call({ method: 'PUT', url: `/api/v1/wecom/external-contacts/${id}`, headers: admin, payload });
    expectFieldError(await put(wecomId, { customerId: 'nope' }), 'customerId');
    expectFieldError(await put(wecomId, {}), 'customerId');
    expectFieldError(await put('bad id!', { customerId }), 'params.externalUserId');
    expectFieldError(await put(wecomId, { customerId, contactId: foreignCustomerId }), 'contactId');
    expectFieldError(await put(wecomId, { customerId, name: '' }), 'name');
    expectFieldError(await put(wecomId, { customerId, extra: 1 }), 'extra');
    expectFieldError(await get('/api/v1/wecom/external-contacts', admin), 'query.customerId');
  });
});

describe('inbound triggers', () => {
  it('the automation queue hears each inbound topic', () => {
    for (const topic of ['call.received', 'wecom.file_sent', 'transcript.processed', 'intake.applied'])
      expect(automationTopicQueues[topic]).toContain(AUTOMATION_QUEUE);
  });

  it('conditions on the trigger’s fields are checked at save: an unknown field is a 400 naming it', async () => {
    for (const type of ['imFileSent', 'transcriptReady', 'intakeApplied']) {
      const res = await post(rulesUrl, admin, rule({ type }, { op: 'isEmpty', field: 'talkSeconds' }, 'x'));
      expectFieldError(res, 'conditions.field');
      expect(JSON.stringify(res.body.error.details.fields)).toContain('talkSeconds');
      const placeholder = await post(rulesUrl, admin, rule({ type }, null, '{{nope}}'));
      expectFieldError(placeholder, 'actions.0.title');
    }
    expectFieldError(
      await post(rulesUrl, admin, rule({ type: 'intakeApplied', channel: 'no-such-channel' }, null, 'x')),
      'trigger.channel',
    );
    expectFieldError(
      await post(rulesUrl, admin, rule({ type: 'intakeApplied', channel: 'Bad Key' }, null, 'x')),
      'trigger.channel',
    );
  });

  it('imFileSent: a file sent from the sidebar runs the rule once, with the file’s fields', async () => {
    const r = ok(
      await post(
        rulesUrl,
        admin,
        rule(
          { type: 'imFileSent' },
          { op: 'compare', field: 'fileName', cmp: 'ne', value: '跳过.pdf' },
          '跟进方案 {{fileName}}',
        ),
      ),
      201,
    );
    const sent = ok(
      await post('/api/v1/wecom/sent-files', sales1, { externalUserId: wecomId, fileName: '报价单.pdf' }),
      201,
    );
    ok(await post('/api/v1/wecom/sent-files', sales1, { externalUserId: wecomId, fileName: '跳过.pdf' }), 201);
    const events = await eventsOf('wecom.file_sent');
    const event = events.find((e) => (e.payload as { followupId?: string }).followupId === sent.followupId)!;
    expect(event.payload).toMatchObject({ customerId, contactId, externalUserId: wecomId, fileName: '报价单.pdf' });
    const snapshot = ok(await get(`/api/v1/followups/${sent.followupId}`, sales1));
    expect(snapshot).toMatchObject({ kind: 'im', status: 'proposal_sent', source: { type: 'wecomFile', id: null } });
    const { first, second } = await deliverTwice(event);
    expect(first).toEqual({ succeeded: 1 });
    expect(second).toEqual({ duplicate: 1 });
    const skipped = await runAutomationEvent(database, events.at(-1)!);
    expect(skipped).toEqual({ skipped: 1 });
    expect((await todosOf(r.id)).map((t) => t.title)).toEqual(['跟进方案 报价单.pdf']);
    const dry = ok(await post(`${rulesUrl}/${r.id}/dry-run`, admin, { limit: 5 }));
    expect(dry.results.map((x: { matched: boolean }) => x.matched)).toEqual([false, true]);
  });

  it('transcriptReady: a recorded meeting runs the rule once, with its objections', async () => {
    const r = ok(
      await post(
        rulesUrl,
        admin,
        rule(
          { type: 'transcriptReady' },
          { op: 'compare', field: 'objectionCount', cmp: 'gt', value: 0 },
          '处理异议 {{objectionCount}} 条',
        ),
      ),
      201,
    );
    const utterances = [
      { speaker: '王总', at: '2026-11-30T10:00:00+08:00', text: '你们这个报价偏高，我们今年预算不够。' },
    ];
    const posted = ok(
      await call({
        method: 'POST',
        url: '/api/v1/events/transcripts',
        headers: keyHeaders,
        payload: { customerId, utterances },
      }),
      202,
    );
    expect(await processTranscript(database, company.tenantId, posted.id)).toBe('processed');
    const transcript = await withTenant(database.db, company.tenantId, (trx) =>
      trx.selectFrom('transcripts').select('followup_id').where('id', '=', posted.id).executeTakeFirstOrThrow(),
    );
    const meeting = ok(await get(`/api/v1/followups/${transcript.followup_id}`, admin));
    expect(meeting).toMatchObject({ kind: 'meeting', source: { type: 'transcript', id: posted.id } });
    const event = (await eventsOf('transcript.processed')).find(
      (e) => (e.payload as { transcriptId?: string }).transcriptId === posted.id,
    )!;
    const { first, second } = await deliverTwice(event);
    expect(first).toEqual({ succeeded: 1 });
    expect(second).toEqual({ duplicate: 1 });
    expect((await todosOf(r.id)).map((t) => t.title)).toEqual(['处理异议 1 条']);
    const runs = ok(await get(`${rulesUrl}/${r.id}/runs`, admin));
    expect(runs).toHaveLength(1);
    expect(runs[0].conditions.steps[0]).toMatchObject({ field: 'objectionCount', actual: 1 });
  });

  it('intakeApplied: a created customer runs the rule once; another channel’s rule does not hear it', async () => {
    const mine = ok(
      await post(
        rulesUrl,
        admin,
        rule(
          { type: 'intakeApplied', channel: 'ib-form' },
          { op: 'compare', field: 'status', cmp: 'eq', value: 'created' },
          '新线索 {{channelKey}}',
        ),
      ),
      201,
    );
    const any = ok(await post(rulesUrl, admin, rule({ type: 'intakeApplied' }, null, '任意渠道 {{status}}')), 201);
    // a channel of another key: a rule naming it does not hear ib-form's records
    const otherChannel = ok(
      await post('/api/v1/channels', admin, {
        key: 'ib-other',
        kind: 'webhook',
        name: '其他',
        serviceUserId: company.users.admin,
        mapping: [],
      }),
      201,
    );
    expect(otherChannel.id).toBeTruthy();
    const other = ok(
      await post(rulesUrl, admin, rule({ type: 'intakeApplied', channel: 'ib-other' }, null, '其他')),
      201,
    );
    const res = await call({
      method: 'POST',
      url: '/api/v1/intake/ib-form',
      payload: { company: '入站触发测试有限公司' },
      headers: { 'x-cairn-channel-secret': secret },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await drainIntake(database, { tenantId: company.tenantId, ignoreBackoff: true });
    const event = (await eventsOf('intake.applied')).find(
      (e) => (e.payload as { intakeId?: string }).intakeId === res.body.data.id,
    )!;
    expect(event.payload).toMatchObject({ channelKey: 'ib-form', status: 'created', recordType: 'customer' });
    const first = await runAutomationEvent(database, event);
    expect(first).toEqual({ succeeded: 2 });
    expect(await runAutomationEvent(database, event)).toEqual({ duplicate: 2 });
    expect((await todosOf(mine.id)).map((t) => t.title)).toEqual(['新线索 ib-form']);
    expect((await todosOf(any.id)).map((t) => t.title)).toEqual(['任意渠道 created']);
    expect(await todosOf(other.id)).toEqual([]);
    const dry = ok(await post(`${rulesUrl}/${mine.id}/dry-run`, admin, { limit: 5 }));
    expect(dry).toMatchObject({ evaluated: 1, results: [{ matched: true, recordId: event.payload.recordId }] });
    expect(ok(await post(`${rulesUrl}/${other.id}/dry-run`, admin, { limit: 5 })).evaluated).toBe(0);
  });
});
