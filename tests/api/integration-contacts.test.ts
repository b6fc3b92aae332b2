import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Company } from '../support/test-app.ts';
import { webhookChannelWorld } from '../support/webhook-channel.ts';
import { get, ok, patch, post, qs, type Headers } from '../support/resource-helpers.ts';
import { drainIntake } from '../../server/integration/intake-process.ts';
import type { Database } from '../../server/db/database.ts';

// Contact fields as mapping targets: the customer's primary contact is created or updated through
// the contact record commands, each field merged by the channel's policy, with its provenance
// (GET /contacts/{id}/provenance) and the channel named in the contact's history (GET /audit).

let company: Company;
let admin: Headers;
let database: Database;
let secret: string;
let channelId: string;

const mapping = [
  { source: 'company', target: 'name', transforms: [{ op: 'trim' }] },
  { source: 'contact_name', target: 'contact.name', transforms: [{ op: 'trim' }, { op: 'emptyToNull' }] },
  { source: 'mobile', target: 'contact.mobile', transforms: [{ op: 'emptyToNull' }, { op: 'phone' }] },
  { source: 'job_title', target: 'contact.title', transforms: [{ op: 'emptyToNull' }] },
];

const send = (payload: object) =>
  call({
    method: 'POST',
    url: '/api/v1/intake/contact-form',
    payload,
    headers: { 'x-cairn-channel-secret': secret },
  });
const drain = () => drainIntake(database, { tenantId: company.tenantId, ignoreBackoff: true });
const status = async (id: string) => ok(await get(`/api/v1/intake/${id}`, admin));
const contactsOf = async (customerId: string) =>
  ok(await get(`/api/v1/contacts${qs({ filter: JSON.stringify({ customerId }) })}`, admin)) as Array<
    Record<string, any>
  >;

beforeAll(async () => {
  ({ database, company, admin, secret, channelId } = await webhookChannelWorld({
    customers: 3,
    key: 'contact-form',
    name: '联系人表单',
    mapping,
  }));
});

describe('contact fields as mapping targets', () => {
  it('type-checks contact targets at mapping save like customer fields', async () => {
    const save = (rules: object[]) =>
      post('/api/v1/channels', admin, {
        key: `c-${Date.now()}`,
        name: '检查',
        kind: 'webhook',
        serviceUserId: company.users.admin,
        mapping: rules,
      });
    const truncated = await save([{ source: 'title', target: 'contact.title', maxLength: 300 }]);
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe('MAPPING_LOSSY');
    expect(truncated.body.error.details.fields).toEqual([
      expect.objectContaining({ target: 'contact.title', kind: 'lossy', message: expect.stringMatching(/100/) }),
    ]);
    const numeric = await save([{ source: 'mobile', target: 'contact.mobile', sourceType: 'decimal' }]);
    expect(numeric.status).toBe(400);
    expect(numeric.body.error.code).toBe('MAPPING_INVALID');
    expect(numeric.body.error.details.fields[0]).toMatchObject({ target: 'contact.mobile' });
    const unknown = await save([{ source: 'nick', target: 'contact.nickname' }]);
    expect(unknown.body.error).toMatchObject({ code: 'MAPPING_INVALID' });
    expect(unknown.body.error.details.fields[0]).toMatchObject({ target: 'contact.nickname' });
  });

  it('creates the primary contact with the customer, with provenance and the channel in its history', async () => {
    const res = await send({
      company: '联系人映射有限公司',
      contact_name: ' 王芳 ',
      mobile: '139 0013 9001',
      job_title: '采购经理',
    });
    await drain();
    const done = await status(res.body.data.id);
    expect(done).toMatchObject({ status: 'created', recordType: 'customer' });
    const [contact, ...others] = await contactsOf(done.recordId);
    expect(others).toEqual([]);
    expect(contact).toMatchObject({ name: '王芳', mobile: '+8613900139001', title: '采购经理', isPrimary: true });
    const provenance = ok(await get(`/api/v1/contacts/${contact!.id}/provenance`, admin));
    for (const field of ['name', 'mobile', 'title'])
      expect(provenance[field], field).toMatchObject({
        source: 'channel',
        channelId,
        channelKey: 'contact-form',
        intakeId: res.body.data.id,
      });
    const history = ok(await get(`/api/v1/audit${qs({ recordType: 'contact', recordId: contact!.id })}`, admin));
    expect(history[0]).toMatchObject({
      action: 'create',
      actorId: company.users.admin,
      via: { channelId, channelKey: 'contact-form', intakeId: res.body.data.id },
    });
  });

  it('merges into the existing primary contact: an empty value never overwrites, a new one does', async () => {
    const first = await send({
      company: '合并联系人有限公司',
      contact_name: '李雷',
      mobile: '13900139002',
      job_title: '经理',
    });
    await drain();
    const { recordId } = await status(first.body.data.id);
    const [contact] = await contactsOf(recordId);
    const second = await send({ company: '合并联系人有限公司', contact_name: '', mobile: '', job_title: '总监' });
    await drain();
    expect(await status(second.body.data.id)).toMatchObject({ status: 'updated', recordId });
    const [after, ...others] = await contactsOf(recordId);
    expect(others).toEqual([]);
    expect(after).toMatchObject({ id: contact!.id, name: '李雷', mobile: '+8613900139002', title: '总监' });
    const provenance = ok(await get(`/api/v1/contacts/${contact!.id}/provenance`, admin));
    expect(provenance.title).toMatchObject({ source: 'channel', intakeId: second.body.data.id });
    expect(provenance.mobile).toMatchObject({ source: 'channel', intakeId: first.body.data.id });
    // the same payload again changes nothing
    const third = await send({ company: '合并联系人有限公司', mobile: '139 0013 9002', job_title: '总监' });
    await drain();
    expect(await status(third.body.data.id)).toMatchObject({ status: 'unchanged', recordId });
  });

  it('names the person who edited a contact field last, and the history tells the two apart', async () => {
    const res = await send({ company: '人工修改联系人有限公司', contact_name: '韩梅梅', mobile: '13900139003' });
    await drain();
    const { recordId } = await status(res.body.data.id);
    const [contact] = await contactsOf(recordId);
    ok(await patch(`/api/v1/contacts/${contact!.id}`, admin, { mobile: '13900139004', version: contact!.version }));
    const provenance = ok(await get(`/api/v1/contacts/${contact!.id}/provenance`, admin));
    expect(provenance.mobile).toMatchObject({ source: 'user', userId: company.users.admin });
    expect(provenance.name).toMatchObject({ source: 'channel', channelKey: 'contact-form' });
    const history = ok(await get(`/api/v1/audit${qs({ recordType: 'contact', recordId: contact!.id })}`, admin));
    expect(history.map((h: { action: string; via: unknown }) => [h.action, h.via === null])).toEqual([
      ['create', false],
      ['update', true],
    ]);
  });

  it('dead-letters contact values that cannot create a contact (no name), naming contact.name', async () => {
    const res = await send({ company: '无名联系人有限公司', mobile: '13900139005' });
    await drain();
    const done = await status(res.body.data.id);
    expect(done).toMatchObject({ status: 'dead', reason: 'validation' });
    const dead = ok(await get(`/api/v1/dead-letters${qs({ channelId })}`, admin)) as Array<Record<string, any>>;
    expect(dead.find((d) => d.id === res.body.data.id)?.lastError).toMatch(/contact\.name/);
  });

  it('shows contact field changes in a dry run', async () => {
    const res = ok(
      await post(`/api/v1/channels/${channelId}/dry-run`, admin, {
        payloads: [{ company: '试运行联系人有限公司', contact_name: '张伟', mobile: '13900139006' }],
      }),
    );
    expect(res[0].status).toBe('created');
    expect(res[0].fields).toEqual(
      expect.arrayContaining([
        { field: 'contact.name', before: null, after: '张伟' },
        { field: 'contact.mobile', before: null, after: '+8613900139006' },
      ]),
    );
  });
});
