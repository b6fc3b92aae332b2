import { beforeAll, describe, expect, it } from 'vitest';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { auditOf, expectError, inDb, post, recycleBinHas, type Headers } from './guards-support.ts';

let company: Company;
let admin: Headers;
let manager: Headers;
let legal: Headers;

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 5 });
  [admin, manager, legal] = await Promise.all([company.as('admin'), company.as('manager'), company.as('legal')]);
});

const get = (url: string, headers: Headers) => call({ method: 'GET', url, headers });
const del = (url: string, headers: Headers) => call({ method: 'DELETE', url, headers });

/** A contract on a customer in the manager's department tree. */
async function managerContract(label: string) {
  const customer = (await post('/api/v1/customers', manager, { name: `审批测试${label}有限公司` })).body.data;
  const res = await post('/api/v1/contracts', manager, {
    customerId: customer.id,
    number: `HT-AP-${label}-${Date.now()}`,
    currency: 'CNY',
    amountInclTax: '5000.00',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: string; customerId: string };
}

describe('contract deletion needs approval', () => {
  it('DELETE answers APPROVAL_REQUIRED; a request answers 202; legal approves and the contract is in the recycle bin', async () => {
    const k = await managerContract('一');
    const denied = await del(`/api/v1/contracts/${k.id}`, manager);
    expectError(denied, 403, 'APPROVAL_REQUIRED');
    expect(denied.body.error.details).toMatchObject({ approvalKind: 'contract_delete', contractId: k.id });
    expect(denied.body.error.details.how).toContain('POST /api/v1/approvals');

    const request = await post('/api/v1/approvals', manager, {
      kind: 'contract_delete',
      payload: { contractId: k.id },
      reason: '客户取消合作，合同作废',
    });
    expect(request.status, JSON.stringify(request.body)).toBe(202);
    const approval = request.body.data;
    expect(approval).toMatchObject({
      kind: 'contract_delete',
      status: 'pending',
      requestedBy: company.users.manager,
      requestedByName: '王建国',
      payload: { contractId: k.id, contractNumber: k.number },
    });
    // a second request for the same contract conflicts
    expectError(
      await post('/api/v1/approvals', manager, {
        kind: 'contract_delete',
        payload: { contractId: k.id },
        reason: '再次',
      }),
      409,
      'CONFLICT',
    );
    // still there, and the denial now points at the pending request
    expect((await del(`/api/v1/contracts/${k.id}`, manager)).body.error.details.pendingApprovalId).toBe(approval.id);

    // the inbox: legal sees it, finance does not, the requester sees their own
    expect(((await get('/api/v1/approvals?status=pending', legal)).body.data as any[]).map((a) => a.id)).toContain(
      approval.id,
    );
    expect(
      ((await get('/api/v1/approvals', await company.as('finance'))).body.data as any[]).map((a) => a.id),
    ).not.toContain(approval.id);
    expect(((await get('/api/v1/approvals?mine=true', manager)).body.data as any[]).map((a) => a.id)).toContain(
      approval.id,
    );
    expectError(await get(`/api/v1/approvals/${approval.id}`, await company.as('sales1')), 404, 'NOT_FOUND');

    // only holders of approveContractDeletion decide
    expectError(
      await post(`/api/v1/approvals/${approval.id}/approve`, await company.as('finance'), {}),
      403,
      'MISSING_GRANT',
    );

    const approved = await post(`/api/v1/approvals/${approval.id}/approve`, legal, { reason: '已核实' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data).toMatchObject({
      status: 'executed',
      decidedBy: company.users.legal,
      decidedByName: '刘思远',
      decisionReason: '已核实',
      requestedBy: company.users.manager,
    });
    expect(approved.body.data.result.id).toBe(k.id);

    expectError(await get(`/api/v1/contracts/${k.id}`, manager), 404, 'NOT_FOUND');
    expect(await recycleBinHas(company, 'contract', k.id)).toEqual({ deleted_by: company.users.legal });

    const contractAudit = await auditOf(company, 'contract', k.id);
    const deletion = contractAudit.find((a) => a.action === 'delete')!;
    expect(deletion.actorId).toBe(company.users.legal);
    expect(contractAudit.find((a) => a.action === 'delete.approved')!.changes).toMatchObject({
      approvalId: { after: approval.id },
      requestedBy: { after: { id: company.users.manager, name: '王建国' } },
      approvedBy: { after: { id: company.users.legal, name: '刘思远' } },
    });
    const approvalAudit = await auditOf(company, 'approval', approval.id);
    expect(approvalAudit.map((a) => [a.action, a.actorId])).toEqual([
      ['approval.requested', company.users.manager],
      ['approval.approved', company.users.legal],
      ['approval.executed', company.users.legal],
    ]);
    // decided: a second decision conflicts
    expectError(await post(`/api/v1/approvals/${approval.id}/reject`, legal, { reason: '晚了' }), 409, 'CONFLICT');
  });

  it('the requester cannot approve their own request', async () => {
    const customer = (await post('/api/v1/customers', admin, { name: '自批测试有限公司' })).body.data;
    const k = (
      await post('/api/v1/contracts', admin, {
        customerId: customer.id,
        number: `HT-SELF-${Date.now()}`,
        currency: 'CNY',
        amountInclTax: '100.00',
      })
    ).body.data;
    const request = await post('/api/v1/approvals', admin, {
      kind: 'contract_delete',
      payload: { contractId: k.id },
      reason: '测试',
    });
    expect(request.status).toBe(202);
    // the admin holds approveContractDeletion, but not for their own request
    const self = await post(`/api/v1/approvals/${request.body.data.id}/approve`, admin, {});
    expectError(self, 403, 'FORBIDDEN');
    expect(self.body.error.message).toMatch(/your own request/);
    expect((await get(`/api/v1/contracts/${k.id}`, admin)).status).toBe(200);
    expect((await get(`/api/v1/approvals/${request.body.data.id}`, admin)).body.data.status).toBe('pending');
    const denial = (await auditOf(company, 'user', company.users.admin)).find(
      (a) => a.action === 'risky.denied' && a.changes.operation?.after === 'approval.approve',
    );
    expect(denial).toBeTruthy();
  });

  it('rejecting needs a reason and deletes nothing; the requester may withdraw a pending request', async () => {
    const k = await managerContract('二');
    const request = (
      await post('/api/v1/approvals', manager, {
        kind: 'contract_delete',
        payload: { contractId: k.id },
        reason: '录入错误',
      })
    ).body.data;
    expectError(await post(`/api/v1/approvals/${request.id}/reject`, legal, {}), 400, 'VALIDATION_FAILED');
    const rejected = await post(`/api/v1/approvals/${request.id}/reject`, legal, { reason: '合同仍在履行中' });
    expect(rejected.body.data).toMatchObject({
      status: 'rejected',
      decisionReason: '合同仍在履行中',
      decidedBy: company.users.legal,
    });
    expect((await get(`/api/v1/contracts/${k.id}`, manager)).status).toBe(200);
    expect((await auditOf(company, 'approval', request.id)).map((a) => a.action)).toEqual([
      'approval.requested',
      'approval.rejected',
    ]);

    const again = (
      await post('/api/v1/approvals', manager, {
        kind: 'contract_delete',
        payload: { contractId: k.id },
        reason: '再申请',
      })
    ).body.data;
    expectError(await post(`/api/v1/approvals/${again.id}/cancel`, legal), 404, 'NOT_FOUND');
    expect((await post(`/api/v1/approvals/${again.id}/cancel`, manager)).body.data.status).toBe('cancelled');
  });

  it('records a failed execution when the requester lost the right to delete in the meantime', async () => {
    const k = await managerContract('三');
    const request = (
      await post('/api/v1/approvals', manager, {
        kind: 'contract_delete',
        payload: { contractId: k.id },
        reason: '作废',
      })
    ).body.data;
    // the contract moves out of the manager's reach before legal decides
    await inDb(company, (trx) =>
      trx.updateTable('customers').set({ owner_id: company.users.finance }).where('id', '=', k.customerId).execute(),
    );
    const approved = await post(`/api/v1/approvals/${request.id}/approve`, legal, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data.status).toBe('failed');
    expect(approved.body.data.result.error.code).toMatch(/NOT_FOUND|OUT_OF_SCOPE/);
    expect((await get(`/api/v1/contracts/${k.id}`, admin)).status).toBe(200);
    expect(await recycleBinHas(company, 'contract', k.id)).toBeUndefined();
  });

  it('needs a reason and a contract the requester may delete', async () => {
    const k = await managerContract('四');
    expectError(
      await post('/api/v1/approvals', manager, { kind: 'contract_delete', payload: { contractId: k.id } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await post('/api/v1/approvals', manager, {
        kind: 'contract_delete',
        payload: { contractId: crypto.randomUUID() },
        reason: 'x',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await post('/api/v1/approvals', legal, { kind: 'contract_delete', payload: { contractId: k.id }, reason: 'x' }),
      403,
      'MISSING_GRANT',
    );
    expectError(await post('/api/v1/approvals', manager, { kind: 'nothing', payload: {} }), 400, 'VALIDATION_FAILED');
  });
});
