import { beforeAll, describe, expect, it } from 'vitest';
import { demoCompany, call, type Company } from '../support/test-app.ts';
import { auditOf, expectError, inDb, post, recycleBinHas, stepUp, uploadText, type Headers } from './guards-support.ts';

let company: Company;
let admin: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 16, orders: 5 });
  admin = await company.as('admin');
});

const del = (url: string, headers: Headers) => call({ method: 'DELETE', url, headers });
const get = (url: string, headers: Headers) => call({ method: 'GET', url, headers });
const customer = async (headers: Headers, body: Record<string, unknown>) => {
  const res = await post('/api/v1/customers', headers, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as Record<string, any>;
};
const contract = async (headers: Headers, customerId: string, number: string) => {
  const res = await post('/api/v1/contracts', headers, {
    customerId,
    number,
    currency: 'CNY',
    amountInclTax: '10000.00',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as Record<string, any>;
};

describe('attachment delete needs step-up', () => {
  it('answers 403 STEP_UP_REQUIRED without a token and moves the file to the recycle bin with one', async () => {
    const c = await customer(admin, { name: '附件删除测试有限公司' });
    const file = await uploadText(admin, 'customer', c.id);
    const denied = await del(`/api/v1/attachments/${file.id}`, admin);
    expectError(denied, 403, 'STEP_UP_REQUIRED');
    expect((await get(`/api/v1/attachments/${file.id}`, admin)).status).toBe(200);

    const ok = await del(`/api/v1/attachments/${file.id}`, await stepUp(company, 'admin'));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await recycleBinHas(company, 'attachment', file.id)).toEqual({ deleted_by: company.users.admin });
    const audit = await auditOf(company, 'attachment', file.id);
    expect(audit.at(-1)).toMatchObject({ action: 'delete', actorId: company.users.admin });
  });
});

describe('batch delete', () => {
  it('is all or nothing: one record out of reach aborts the batch and the error names it', async () => {
    const sales1 = await company.as('sales1');
    const sales2 = await company.as('sales2');
    const mine = [
      await customer(sales1, { name: '批量删除一号有限公司' }),
      await customer(sales1, { name: '批量删除二号有限公司' }),
    ];
    const foreign = await customer(sales2, { name: '别人的客户有限公司' });
    const up = await stepUp(company, 'sales1');

    const res = await post('/api/v1/customers/batch-delete', up, { ids: [mine[0]!.id, foreign.id, mine[1]!.id] });
    expectError(res, 404, 'NOT_FOUND');
    expect(res.body.error.details.id).toBe(foreign.id);
    expect(res.body.error.message).toContain(foreign.id);
    for (const c of mine) expect((await get(`/api/v1/customers/${c.id}`, sales1)).status).toBe(200);
    expect(await recycleBinHas(company, 'customer', mine[0]!.id)).toBeUndefined();

    const done = await post('/api/v1/customers/batch-delete', up, { ids: mine.map((c) => c.id) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data.count).toBe(2);
    for (const c of mine)
      expect(await recycleBinHas(company, 'customer', c.id)).toEqual({ deleted_by: company.users.sales1 });
    const summary = (await auditOf(company, 'user', company.users.sales1)).find((a) => a.action === 'batch-delete');
    expect(summary?.changes.ids!.after).toEqual(mine.map((c) => c.id));
  });

  it('needs step-up before anything is deleted, and the delete grant before step-up', async () => {
    const sales1 = await company.as('sales1');
    const c = await customer(sales1, { name: '批量删除需确认有限公司' });
    expectError(await post('/api/v1/customers/batch-delete', sales1, { ids: [c.id] }), 403, 'STEP_UP_REQUIRED');
    // 销售总监 may not delete follow-ups at all
    const manager = await company.as('manager');
    const followup = (await post('/api/v1/followups', manager, { customerId: c.id, kind: 'call', content: '电话沟通' }))
      .body.data;
    const denied = await post('/api/v1/followups/batch-delete', manager, { ids: [followup?.id ?? c.id] });
    expectError(denied, 403, 'MISSING_GRANT');
    expect(denied.body.error.details.missing).toBe('followup.delete');
  });

  it('refuses customers that still have contracts: contract deletion needs approval', async () => {
    const c = await customer(admin, { name: '有合同的客户有限公司' });
    const k = await contract(admin, c.id, `HT-BATCH-${Date.now()}`);
    const res = await post('/api/v1/customers/batch-delete', await stepUp(company, 'admin'), { ids: [c.id] });
    expectError(res, 403, 'APPROVAL_REQUIRED');
    expect(res.body.error.details).toMatchObject({
      approvalKind: 'contract_delete',
      customerIds: [c.id],
      contractIds: [k.id],
    });
  });

  it('validates the ids', async () => {
    expectError(await post('/api/v1/contacts/batch-delete', admin, { ids: [] }), 400, 'VALIDATION_FAILED');
    expectError(await post('/api/v1/contacts/batch-delete', admin, { ids: ['nope'] }), 400, 'VALIDATION_FAILED');
    expectError(
      await post('/api/v1/contacts/batch-delete', admin, {
        ids: Array.from({ length: 501 }, () => crypto.randomUUID()),
      }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('customer merge', () => {
  it('keeps the target non-null values, fills the rest from the sources in order, moves children and bins the sources', async () => {
    const field = await post('/api/v1/custom-fields', admin, {
      objectType: 'customer',
      key: 'mergeNote',
      label: '合并备注',
      type: 'text',
    });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    const field2 = await post('/api/v1/custom-fields', admin, {
      objectType: 'customer',
      key: 'mergeCode',
      label: '合并编码',
      type: 'text',
    });
    expect(field2.status, JSON.stringify(field2.body)).toBe(201);

    const target = await customer(admin, {
      name: '合并目标有限公司',
      region: '华东',
      tags: ['重点'],
      custom: { mergeNote: '目标备注' },
    });
    const first = await customer(admin, {
      name: '合并来源一有限公司',
      region: '华北',
      level: 'A',
      industry: '制造',
      mainPhone: '13800138000',
      tags: ['制造业'],
      custom: { mergeNote: '来源备注', mergeCode: 'S1' },
    });
    const second = await customer(admin, {
      name: '合并来源二有限公司',
      industry: '软件',
      source: 'referral',
      tags: ['重点', '老客户'],
      custom: { mergeCode: 'S2' },
    });

    const targetContact = (
      await post('/api/v1/contacts', admin, { customerId: target.id, name: '目标联系人', isPrimary: true })
    ).body.data;
    const sourceContact = (
      await post('/api/v1/contacts', admin, { customerId: first.id, name: '来源联系人', isPrimary: true })
    ).body.data;
    const followup = (
      await post('/api/v1/followups', admin, { customerId: second.id, kind: 'visit', content: '上门拜访' })
    ).body.data;
    const file = await uploadText(admin, 'customer', first.id);
    const k = await contract(admin, first.id, `HT-MERGE-${Date.now()}`);

    expectError(
      await post('/api/v1/customers/merge', admin, { targetId: target.id, sourceIds: [first.id, second.id] }),
      403,
      'STEP_UP_REQUIRED',
    );
    expectError(
      await post('/api/v1/customers/merge', admin, { targetId: target.id, sourceIds: [target.id] }),
      400,
      'VALIDATION_FAILED',
    );

    const res = await post('/api/v1/customers/merge', await stepUp(company, 'admin'), {
      targetId: target.id,
      sourceIds: [first.id, second.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const merged = res.body.data.target;
    expect(merged).toMatchObject({
      id: target.id,
      name: '合并目标有限公司',
      region: '华东',
      level: 'A',
      industry: '制造',
      source: 'referral',
      mainPhone: '13800138000',
    });
    expect([...merged.tags].sort()).toEqual(['制造业', '老客户', '重点'].sort());
    expect(merged.custom).toEqual({ mergeNote: '目标备注', mergeCode: 'S1' });
    expect(res.body.data.moved).toMatchObject({ contacts: 1, followups: 1, contracts: 1, attachments: 1 });

    const contacts = (
      await get(`/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ customerId: target.id }))}`, admin)
    ).body.data as any[];
    expect(contacts.map((c) => c.id).sort()).toEqual([targetContact.id, sourceContact.id].sort());
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([targetContact.id]);
    expect((await get(`/api/v1/followups/${followup.id}`, admin)).body.data.customerId).toBe(target.id);
    expect((await get(`/api/v1/contracts/${k.id}`, admin)).body.data.customerId).toBe(target.id);
    expect((await get(`/api/v1/attachments/${file.id}`, admin)).body.data).toMatchObject({
      customerId: target.id,
      recordId: target.id,
    });

    for (const source of [first, second]) {
      expectError(await get(`/api/v1/customers/${source.id}`, admin), 404, 'NOT_FOUND');
      expect(await recycleBinHas(company, 'customer', source.id)).toEqual({ deleted_by: company.users.admin });
    }
    // the contract moved with its customer and was not deleted
    expect(await recycleBinHas(company, 'contract', k.id)).toBeUndefined();
    const audit = await auditOf(company, 'customer', target.id);
    const mergeRow = audit.find((a) => a.action === 'merge')!;
    expect(mergeRow.changes.mergedFrom!.after).toEqual([first.id, second.id]);
    expect(audit.some((a) => a.action === 'update' && a.changes.industry?.after === '制造')).toBe(true);
    expect((await auditOf(company, 'contact', sourceContact.id)).map((a) => a.action)).toContain('merge.move');
  });
});

describe('the seed incident: an intern with an inherited role tries a batch delete and a contract delete', () => {
  it('denies both with clear codes; the admin’s deletions land in the recycle bin and the audit names the admin', async () => {
    const intern = await company.as('intern');
    const seeded = await inDb(company, (trx) =>
      trx
        .selectFrom('attachments')
        .select(['id', 'record_type', 'record_id'])
        .where('tenant_id', '=', company.tenantId)
        .where('created_by', '=', company.users.admin)
        .where('deleted_at', 'is', null)
        .where('name', 'not like', 'scan%')
        .execute(),
    );
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    const ids = seeded.map((a) => a.id);

    // the grant is checked first: 实习生 inherits 销售代表, but delete never passes down an inheritance chain
    const batch = await post('/api/v1/attachments/batch-delete', intern, { ids });
    expectError(batch, 403, 'MISSING_GRANT');
    expect(batch.body.error.details.missing).toBe('attachment.delete');
    // a step-up does not help: the grant is missing
    const withStepUp = await post('/api/v1/attachments/batch-delete', await stepUp(company, 'intern'), { ids });
    expectError(withStepUp, 403, 'MISSING_GRANT');

    // a contract she can read (on a customer her manager assigned to her)
    const assigned = await inDb(company, (trx) =>
      trx
        .selectFrom('assignments')
        .select('record_id')
        .where('tenant_id', '=', company.tenantId)
        .where('user_id', '=', company.users.intern)
        .where('record_type', '=', 'customer')
        .executeTakeFirstOrThrow(),
    );
    const k = await contract(admin, assigned.record_id, `HT-INCIDENT-${Date.now()}`);
    expect((await get(`/api/v1/contracts/${k.id}`, intern)).status).toBe(200);
    const contractDelete = await del(`/api/v1/contracts/${k.id}`, intern);
    expectError(contractDelete, 403, 'MISSING_GRANT');
    expect(contractDelete.body.error.details.missing).toBe('contract.delete');
    // nor may she ask for the deletion
    expectError(
      await post('/api/v1/approvals', intern, {
        kind: 'contract_delete',
        payload: { contractId: k.id },
        reason: '清理',
      }),
      403,
      'MISSING_GRANT',
    );

    for (const id of ids) expect(await recycleBinHas(company, 'attachment', id)).toBeUndefined();
    const denials = (await auditOf(company, 'user', company.users.intern)).filter((a) => a.action === 'risky.denied');
    expect(denials.map((d) => d.changes.operation!.after)).toEqual(
      expect.arrayContaining(['attachment.batch-delete', 'contract.delete']),
    );
    expect(denials.every((d) => d.actorId === company.users.intern)).toBe(true);

    // the admin: step-up, then the batch goes to the recycle bin
    const done = await post('/api/v1/attachments/batch-delete', await stepUp(company, 'admin'), { ids });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    for (const id of ids) {
      expect(await recycleBinHas(company, 'attachment', id)).toEqual({ deleted_by: company.users.admin });
      expect((await auditOf(company, 'attachment', id)).at(-1)).toMatchObject({
        action: 'delete',
        actorId: company.users.admin,
        actorName: '系统管理员',
      });
    }

    // the contract needs an approval even for the admin; legal approves, and it is in the bin
    expectError(await del(`/api/v1/contracts/${k.id}`, admin), 403, 'APPROVAL_REQUIRED');
    const request = await post('/api/v1/approvals', admin, {
      kind: 'contract_delete',
      payload: { contractId: k.id },
      reason: '重复录入',
    });
    expect(request.status, JSON.stringify(request.body)).toBe(202);
    const approved = await post(`/api/v1/approvals/${request.body.data.id}/approve`, await company.as('legal'), {});
    expect(approved.body.data.status, JSON.stringify(approved.body)).toBe('executed');
    expect(await recycleBinHas(company, 'contract', k.id)).toBeTruthy();
    const contractAudit = await auditOf(company, 'contract', k.id);
    expect(contractAudit.find((a) => a.action === 'delete.approved')!.changes).toMatchObject({
      requestedBy: { after: { id: company.users.admin } },
      approvedBy: { after: { id: company.users.legal } },
    });
  });
});
