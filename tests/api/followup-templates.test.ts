import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { demoFollowupTemplates } from '../../server/seed/demo-followup-templates.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import {
  del,
  expectError,
  expectFieldError,
  get,
  missingId,
  ok,
  patch,
  post,
  type Headers,
} from '../support/resource-helpers.ts';
import { auditOf, inDb } from './guards-support.ts';

/**
 * Follow-up templates (issue 13, for the composer and the phone's offline cache): the company
 * library (administrators write it, audited; every user reads it), the caller's most recently
 * used templates first, and a follow-up created from a template — through the follow-up route
 * and through the offline outbox's sync batch — recording the use in its own transaction.
 */
let company: Company;
let admin: Headers;
let sales1: Headers;
let sales2: Headers;
let customerId: string;

type Entry = {
  id: string;
  title: string;
  body: string;
  status: string | null;
  lastUsedAt: string | null;
  uses: number;
};
const list = async (headers: Headers, query = '') =>
  ok(await get(`/api/v1/followup-templates${query}`, headers)) as Entry[];
const createTemplate = (body: Record<string, unknown>) => post('/api/v1/followup-templates', admin, body);
const followupFrom = (templateId: string | undefined, content: string, headers = sales1) =>
  post('/api/v1/followups', headers, { customerId, kind: 'visit', content, ...(templateId && { templateId }) });
const usesOf = (templateId: string) =>
  inDb(company, (trx) =>
    trx.selectFrom('followup_template_uses').selectAll().where('template_id', '=', templateId).execute(),
  );

beforeAll(async () => {
  company = await demoCompany({ customers: 4, orders: 0 });
  admin = await company.as('admin');
  sales1 = await company.as('sales1');
  sales2 = await company.as('sales2');
  customerId = ok(await post('/api/v1/customers', sales1, { name: '模板测试有限公司' }), 201).id;
});

describe('the follow-up template library', () => {
  it('the demo company starts with its templates, listed by title for a rep who used none', async () => {
    const entries = await list(sales1);
    expect(entries.map((e) => e.title).sort()).toEqual(demoFollowupTemplates.map((t) => t.title).sort());
    expect(entries.map((e) => e.title)).toContain('首次拜访纪要');
    expect(entries.every((e) => e.lastUsedAt === null && e.uses === 0)).toBe(true);
    const titles = entries.map((e) => e.title);
    const inDatabaseOrder = await inDb(company, (trx) =>
      trx
        .selectFrom('followup_templates')
        .select('title')
        .where('tenant_id', '=', company.tenantId)
        .where('deleted_at', 'is', null)
        .orderBy((eb) => eb.fn('lower', ['title']))
        .orderBy('id')
        .execute(),
    );
    expect(titles).toEqual(inDatabaseOrder.map((r) => r.title));
  });

  it('an administrator creates, edits and deletes a template, each audited', async () => {
    const created = ok(
      await createTemplate({
        title: '  续约提醒 ',
        body: '合同将于 30 天后到期，已提醒续约。',
        status: 'awaiting_reply',
        kind: 'call',
      }),
      201,
    );
    expect(created).toMatchObject({ title: '续约提醒', status: 'awaiting_reply', kind: 'call', version: 1 });
    expect((await list(sales1)).map((e) => e.id)).toContain(created.id);

    const edited = ok(
      await patch(`/api/v1/followup-templates/${created.id}`, admin, {
        body: '合同将于 15 天后到期。',
        kind: null,
        version: 1,
      }),
    );
    expect(edited).toMatchObject({ body: '合同将于 15 天后到期。', kind: null, version: 2 });

    ok(await del(`/api/v1/followup-templates/${created.id}`, admin));
    expect((await list(sales1)).map((e) => e.id)).not.toContain(created.id);
    expect((await auditOf(company, 'followupTemplate', created.id)).map((a) => a.action).sort()).toEqual(
      ['create', 'delete', 'update'].sort(),
    );
  });

  it('a rep reads the templates but may not write them', async () => {
    const [first] = await list(sales1);
    expect(first).toMatchObject({ can: { update: false, delete: false } });
    expect((await list(admin))[0]).toMatchObject({ can: { update: true, delete: true } });
    expectError(
      await post('/api/v1/followup-templates', sales1, { title: '越权模板', body: 'x' }),
      403,
      'MISSING_GRANT',
    );
    expectError(
      await patch(`/api/v1/followup-templates/${first!.id}`, sales1, { body: 'y', version: 1 }),
      403,
      'MISSING_GRANT',
    );
    expectError(await del(`/api/v1/followup-templates/${first!.id}`, sales1), 403, 'MISSING_GRANT');
    expect(ok(await get(`/api/v1/followup-templates/${first!.id}`, sales1)).body).toBe(first!.body);
    expect((await get('/api/v1/followup-templates', {})).status).toBe(401);
  });

  it('refuses bad input naming the field, and a duplicate title (any case) with 409 naming title', async () => {
    expectFieldError(await createTemplate({ title: 'x'.repeat(41), body: '正文' }), 'title');
    expectFieldError(await createTemplate({ title: '空正文', body: '   ' }), 'body');
    expectFieldError(await createTemplate({ title: '超长正文', body: '字'.repeat(2001) }), 'body');
    expectFieldError(await createTemplate({ title: '错误状态', body: '正文', status: 'won' }), 'status');
    expectFieldError(await createTemplate({ title: '错误类型', body: '正文', kind: 'fax' }), 'kind');
    expectFieldError(await get('/api/v1/followup-templates?recent=0', sales1), 'query.recent');

    ok(await createTemplate({ title: 'Demo Call', body: '演示电话' }), 201);
    const duplicate = await createTemplate({ title: 'demo call', body: '另一段' });
    expectError(duplicate, 409, 'DUPLICATE_RECORD');
    expect(duplicate.body.error.details.field).toBe('title');
    const other = ok(await createTemplate({ title: 'Other call', body: '另一段' }), 201);
    const renamed = await patch(`/api/v1/followup-templates/${other.id}`, admin, { title: 'DEMO CALL', version: 1 });
    expectError(renamed, 409, 'DUPLICATE_RECORD');
    expect(renamed.body.error.details.field).toBe('title');
  });
});

describe('recent templates', () => {
  it("a follow-up from a template records the rep's use: their recent ones come first, most recent first", async () => {
    const entries = await list(sales1);
    const [a, b] = [entries.at(-1)!, entries.at(-2)!];
    ok(await followupFrom(a.id, '用模板 A 写的跟进'), 201);
    ok(await followupFrom(b.id, '用模板 B 写的跟进'), 201);
    ok(await followupFrom(a.id, '又用模板 A 写的跟进'), 201);

    const after = await list(sales1);
    expect(after.slice(0, 2).map((e) => e.id)).toEqual([a.id, b.id]);
    expect(after[0]).toMatchObject({ uses: 2 });
    expect(after[1]).toMatchObject({ uses: 1 });
    expect(Date.parse(after[0]!.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(after[1]!.lastUsedAt!));
    // the rest stay by title, and another rep's list is their own
    const rest = after.slice(2);
    expect(rest.every((e) => e.uses === 0)).toBe(true);
    expect(rest.map((e) => e.id)).toEqual(entries.filter((e) => e.id !== a.id && e.id !== b.id).map((e) => e.id));
    expect((await list(sales2)).every((e) => e.uses === 0)).toBe(true);

    const capped = await list(sales1, '?recent=1');
    expect(capped.map((e) => e.id)).toEqual([a.id]);
    expect(await usesOf(a.id)).toMatchObject([{ user_id: company.users.sales1, uses: 2 }]);
  });

  it('an unknown or deleted templateId answers 400 naming templateId and writes nothing', async () => {
    const before = await inDb(company, (trx) =>
      trx.selectFrom('followups').select('id').where('customer_id', '=', customerId).execute(),
    );
    expectFieldError(await followupFrom(missingId(), '未知模板'), 'templateId');
    expectFieldError(await followupFrom('not-a-uuid', '坏模板 id'), 'templateId');
    const gone = ok(await createTemplate({ title: '将被删除的模板', body: '正文' }), 201);
    ok(await del(`/api/v1/followup-templates/${gone.id}`, admin));
    expectFieldError(await followupFrom(gone.id, '已删除模板'), 'templateId');
    const after = await inDb(company, (trx) =>
      trx.selectFrom('followups').select('id').where('customer_id', '=', customerId).execute(),
    );
    expect(after).toHaveLength(before.length);
    expect(await usesOf(gone.id)).toEqual([]);
  });

  it('a templateId cannot be changed by editing the follow-up', async () => {
    const entry = (await list(sales1)).at(-1);
    const followup = ok(await followupFrom(undefined, '没有模板的跟进'), 201);
    const res = await patch(`/api/v1/followups/${followup.id}`, sales1, { templateId: entry!.id, version: 1 });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(await usesOf(entry!.id)).toEqual([]);
  });

  it('the offline outbox (sync batch) records the use once, and rejects an unknown templateId by field', async () => {
    const entries = await list(sales2);
    const template = entries.at(-1)!;
    const op = {
      idempotencyKey: newId(),
      op: 'create',
      recordType: 'followup',
      data: { customerId: await sales2Customer(), kind: 'visit', content: '离线用模板记录', templateId: template.id },
    };
    const sync = (operations: unknown[]) =>
      call({ method: 'POST', url: '/api/v1/sync/batch', headers: sales2, payload: { operations } as never });
    const first = ok(await sync([op]));
    expect(first[0]).toMatchObject({ result: 'applied' });
    expect(ok(await sync([op]))[0]).toMatchObject({ result: 'duplicate' });
    expect((await list(sales2, '?recent=30'))[0]).toMatchObject({ id: template.id, uses: 1 });

    const bad = { ...op, idempotencyKey: newId(), data: { ...op.data, templateId: missingId() } };
    const rejected = ok(await sync([bad]))[0];
    expect(rejected.result).toBe('rejected');
    expect(rejected.error.details.fields.map((f: { path: string }) => f.path).join()).toContain('templateId');
  });
});

async function sales2Customer(): Promise<string> {
  return ok(await post('/api/v1/customers', sales2, { name: '离线模板客户有限公司' }), 201).id;
}
