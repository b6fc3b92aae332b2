/**
 * The risky-operation guards, as the resource tests meet them: a step-up token (attachment
 * deletion) and an approved request (deleting a contract linked to a customer).
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { withTenant, type Trx } from '../../server/db/tenant-transaction.ts';
import { post, type Headers } from './resource-helpers.ts';
import type { Company, DemoUser } from './test-app.ts';
import { testDatabase } from './test-database.ts';

async function inTenantDb<T>(company: Company, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const database = await testDatabase();
  return withTenant(database.db, company.tenantId, fn);
}

/**
 * Headers of `user` carrying a fresh x-step-up-token, obtained the way a user gets one:
 * POST /auth/step-up with their employee number, then /verify with the code from the SMS
 * (the console provider keeps it in the sms_messages outbox). The token lasts 10 minutes.
 */
export async function withStepUp(company: Company, user: DemoUser): Promise<Headers> {
  const headers = await company.as(user);
  const userId = company.users[user];
  const row = await inTenantDb(company, (trx) =>
    trx
      .selectFrom('users')
      .select(['employee_no', 'phone_e164'])
      .where('tenant_id', '=', company.tenantId)
      .where('id', '=', userId)
      .executeTakeFirstOrThrow(),
  );
  // earlier codes count against the send limit: treat them as sent long ago
  await inTenantDb(company, (trx) =>
    trx
      .updateTable('step_up_challenges')
      .set({ created_at: sql`created_at - interval '11 minutes'`, expires_at: sql`expires_at - interval '11 minutes'` })
      .where('tenant_id', '=', company.tenantId)
      .where('user_id', '=', userId)
      .execute(),
  );
  const sent = await post('/api/v1/auth/step-up', headers, { employeeNo: row.employee_no });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const sms = await inTenantDb(company, (trx) =>
    trx
      .selectFrom('sms_messages')
      .select('body')
      .where('tenant_id', '=', company.tenantId)
      .where('phone', '=', row.phone_e164!)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  const code = /\d{6}/.exec(sms.body)![0];
  const verified = await post('/api/v1/auth/step-up/verify', headers, { code });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return { ...headers, 'x-step-up-token': verified.body.data.stepUpToken };
}

/**
 * Deletes a contract the only way one linked to a customer can go: `requester` (who must be
 * allowed to delete it) asks, 法务 approves, and approving runs the deletion.
 */
export async function deleteContractApproved(company: Company, contractId: string, requester: DemoUser = 'manager') {
  const asked = await post('/api/v1/approvals', await company.as(requester), {
    kind: 'contract_delete',
    payload: { contractId },
    reason: '测试：合同录入错误，需删除',
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  const approved = await post(`/api/v1/approvals/${asked.body.data.id}/approve`, await company.as('legal'), {});
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect(approved.body.data.status, JSON.stringify(approved.body)).toBe('executed');
  return approved.body.data as { id: string; status: string; result: Record<string, any> };
}
