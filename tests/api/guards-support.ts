/** Shared helpers of the risky-operation guard tests (tests/api/guards-*.test.ts). */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import type { Trx } from '../../server/db/tenant-transaction.ts';
import { call, type Company, type DemoUser } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

export type Headers = Record<string, string>;

export async function inDb<T>(company: Company, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const database = await testDatabase();
  return withTenant(database.db, company.tenantId, fn);
}

export const post = (url: string, headers: Headers, payload?: unknown) =>
  call({ method: 'POST', url, headers, payload: payload as never });

export async function userRow(company: Company, userId: string) {
  return inDb(company, (trx) =>
    trx
      .selectFrom('users')
      .selectAll()
      .where('tenant_id', '=', company.tenantId)
      .where('id', '=', userId)
      .executeTakeFirstOrThrow(),
  );
}

/** The code in the latest console-provider SMS to the user's phone. */
export async function latestCode(company: Company, userId: string): Promise<string> {
  const user = await userRow(company, userId);
  const message = await inDb(company, (trx) =>
    trx
      .selectFrom('sms_messages')
      .select(['body', 'provider'])
      .where('tenant_id', '=', company.tenantId)
      .where('phone', '=', user.phone_e164!)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  expect(message.provider).toBe('console');
  return /\d{6}/.exec(message.body)![0];
}

/** Pretends the user's earlier codes were sent more than 10 minutes ago (clears the send limit). */
export async function ageChallenges(company: Company, userId: string, minutes = 11) {
  await inDb(company, (trx) =>
    trx
      .updateTable('step_up_challenges')
      .set({
        created_at: sql`created_at - make_interval(mins => ${minutes})`,
        expires_at: sql`expires_at - make_interval(mins => ${minutes})`,
      })
      .where('tenant_id', '=', company.tenantId)
      .where('user_id', '=', userId)
      .execute(),
  );
}

export async function sendCode(company: Company, headers: Headers, userId: string) {
  const user = await userRow(company, userId);
  return post('/api/v1/auth/step-up', headers, { employeeNo: user.employee_no });
}

/** A full step-up for a demo user: headers with a fresh x-step-up-token. */
export async function stepUp(company: Company, user: DemoUser, headers?: Headers): Promise<Headers> {
  const auth = headers ?? (await company.as(user));
  const userId = company.users[user];
  await ageChallenges(company, userId);
  const sent = await sendCode(company, auth, userId);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const verified = await post('/api/v1/auth/step-up/verify', auth, { code: await latestCode(company, userId) });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return { ...auth, 'x-step-up-token': verified.body.data.stepUpToken };
}

export async function auditOf(company: Company, recordType: string, recordId: string) {
  const res = await call({
    method: 'GET',
    url: `/api/v1/audit?recordType=${recordType}&recordId=${recordId}&limit=200`,
    headers: await company.as('admin'),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as Array<{
    action: string;
    actorId: string | null;
    actorName: string | null;
    changes: Record<string, { before: unknown; after: any }>;
  }>;
}

export async function recycleBinHas(
  company: Company,
  recordType: string,
  recordId: string,
): Promise<{ deleted_by: string | null } | undefined> {
  return inDb(company, (trx) =>
    trx
      .selectFrom('recycle_bin')
      .select('deleted_by')
      .where('tenant_id', '=', company.tenantId)
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .executeTakeFirst(),
  );
}

/** Signs in a user created in the test (not one of the demo users). */
export async function login(company: Company, username: string, password: string): Promise<Headers> {
  const res = await post('/api/v1/auth/login', {}, { username, password, tenant: company.slug });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { authorization: `Bearer ${res.body.token}` };
}

/** Creates a user holding one of the company's roles (by name) and signs them in. */
export async function userWithRole(
  company: Company,
  username: string,
  roleName: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; headers: Headers }> {
  const password = 'guard-test-pass';
  const created = await post('/api/v1/users', await company.as('admin'), {
    username,
    displayName: `${roleName}-${username}`,
    password,
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.id as string;
  await inDb(company, async (trx) => {
    const role = await trx
      .selectFrom('roles')
      .select('id')
      .where('tenant_id', '=', company.tenantId)
      .where('name', '=', roleName)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('user_roles')
      .values({
        id: crypto.randomUUID(),
        tenant_id: company.tenantId,
        user_id: id,
        role_id: role.id,
        created_by: company.users.admin,
        updated_by: company.users.admin,
      })
      .execute();
  });
  return { id, headers: await login(company, username, password) };
}

/** Attachments are uploaded as multipart; a tiny text file on a record. */
export async function uploadText(headers: Headers, recordType: string, recordId: string, name = 'scan.txt') {
  const boundary = `----guards${crypto.randomUUID().replace(/-/g, '')}`;
  const parts = [
    `--${boundary}\r\ncontent-disposition: form-data; name="recordType"\r\n\r\n${recordType}\r\n`,
    `--${boundary}\r\ncontent-disposition: form-data; name="recordId"\r\n\r\n${recordId}\r\n`,
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: text/plain\r\n\r\n合同扫描件\r\n`,
    `--${boundary}--\r\n`,
  ];
  const res = await call({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(parts.join('')),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; customerId: string };
}

export function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}
