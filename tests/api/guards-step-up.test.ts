import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/step-up/step-up-token.ts';
import { ConsoleSmsSender, HttpSmsSender, smsSenderFromEnv } from '../../server/step-up/sms-sender.ts';
import { AppError } from '../../server/errors.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import {
  ageChallenges,
  auditOf,
  expectError,
  inDb,
  latestCode,
  post,
  sendCode,
  stepUp,
  uploadText,
  userRow,
} from './guards-support.ts';

let company: Company;

beforeAll(async () => {
  company = await demoCompany({ customers: 12, orders: 5 });
});

const verify = async (user: 'admin' | 'manager' | 'sales1' | 'sales2' | 'legal' | 'finance', code: string) =>
  post('/api/v1/auth/step-up/verify', await company.as(user), { code });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sending a code', () => {
  it('refuses an employee number that is not yours, and audits it', async () => {
    const sales1 = await company.as('sales1');
    const other = await userRow(company, company.users.sales2);
    const res = await post('/api/v1/auth/step-up', sales1, { employeeNo: other.employee_no });
    expectError(res, 403, 'FORBIDDEN');
    expect(res.body.error.message).toMatch(/employee number/);
    expect((await auditOf(company, 'user', company.users.sales1)).map((a) => a.action)).toContain('step-up.denied');
  });

  it('texts a 6-digit code to the masked phone and keeps only a salted hash', async () => {
    const user = await userRow(company, company.users.manager);
    const res = await sendCode(company, await company.as('manager'), company.users.manager);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const local = user.phone_e164!.replace('+86', '');
    expect(res.body.data.sentTo).toBe(`${local.slice(0, 3)}****${local.slice(-4)}`);
    expect(res.body.data.provider).toBe('console');
    expect(Date.parse(res.body.data.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(Date.parse(res.body.data.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000 + 5_000);

    const code = await latestCode(company, company.users.manager);
    const challenge = await inDb(company, (trx) =>
      trx
        .selectFrom('step_up_challenges')
        .selectAll()
        .where('user_id', '=', company.users.manager)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(challenge.code_hash).toBe(sha256(`${challenge.id}:${code}`));
    expect(JSON.stringify(challenge)).not.toContain(code);
    expect(challenge.sent_to).toBe(res.body.data.sentTo);
    expect((await auditOf(company, 'user', company.users.manager)).map((a) => a.action)).toContain('step-up.sent');
  });

  it('sends at most 3 codes per 10 minutes (429 RATE_LIMITED), then again once they are older', async () => {
    const finance = await company.as('finance');
    for (let i = 0; i < 3; i++) expect((await sendCode(company, finance, company.users.finance)).status).toBe(200);
    const limited = await sendCode(company, finance, company.users.finance);
    expectError(limited, 429, 'RATE_LIMITED');
    expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect((await auditOf(company, 'user', company.users.finance)).map((a) => a.action)).toContain(
      'step-up.rate-limited',
    );
    await ageChallenges(company, company.users.finance);
    expect((await sendCode(company, finance, company.users.finance)).status).toBe(200);
  });
});

describe('verifying a code', () => {
  it('rejects a wrong code with the attempts left, then accepts the right one and issues a 10-minute token', async () => {
    const sales2 = await company.as('sales2');
    await ageChallenges(company, company.users.sales2);
    expect((await sendCode(company, sales2, company.users.sales2)).status).toBe(200);
    const code = await latestCode(company, company.users.sales2);

    const bad = await verify('sales2', wrong(code));
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toMatchObject({ reason: 'wrong_code', attemptsLeft: 4 });
    expect(bad.body.error.details.fields[0].path).toBe('code');

    const good = await verify('sales2', code);
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.data.stepUpToken).toMatch(/^su_/);
    expect(good.body.data.method).toBe('sms');
    const minutes = (Date.parse(good.body.data.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10.1);
    const stored = await inDb(company, (trx) =>
      trx.selectFrom('step_up_tokens').selectAll().where('user_id', '=', company.users.sales2).execute(),
    );
    expect(stored.map((t) => t.token_hash)).toContain(sha256(good.body.data.stepUpToken));
    expect(JSON.stringify(stored)).not.toContain(good.body.data.stepUpToken);

    // a code works once
    expectError(await verify('sales2', code), 400, 'VALIDATION_FAILED');
    const actions = (await auditOf(company, 'user', company.users.sales2)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['step-up.sent', 'step-up.failed', 'step-up.verified']));
  });

  it('kills a code after 5 wrong attempts', async () => {
    const legal = await company.as('legal');
    await ageChallenges(company, company.users.legal);
    expect((await sendCode(company, legal, company.users.legal)).status).toBe(200);
    const code = await latestCode(company, company.users.legal);
    for (let i = 0; i < 5; i++)
      expect((await verify('legal', wrong(code))).body.error.details.attemptsLeft).toBe(4 - i);
    const dead = await verify('legal', code);
    expectError(dead, 400, 'VALIDATION_FAILED');
    expect(dead.body.error.details.reason).toBe('too_many_attempts');
    const challenge = await inDb(company, (trx) =>
      trx
        .selectFrom('step_up_challenges')
        .select(['attempts', 'consumed_at'])
        .where('user_id', '=', company.users.legal)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(challenge).toEqual({ attempts: 5, consumed_at: null });
  });

  it('refuses an expired code', async () => {
    const sales1 = await company.as('sales1');
    await ageChallenges(company, company.users.sales1);
    expect((await sendCode(company, sales1, company.users.sales1)).status).toBe(200);
    const code = await latestCode(company, company.users.sales1);
    await inDb(company, (trx) =>
      trx
        .updateTable('step_up_challenges')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('user_id', '=', company.users.sales1)
        .execute(),
    );
    const res = await verify('sales1', code);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details.reason).toBe('expired');
    expect(res.body.error.message).toMatch(/expired/);
  });

  it('accepts an authenticator (TOTP) code when the user has set one up', async () => {
    const secret = authenticator.generateSecret();
    await inDb(company, (trx) =>
      trx.updateTable('users').set({ totp_secret: secret }).where('id', '=', company.users.finance).execute(),
    );
    const res = await post('/api/v1/auth/step-up/verify', await company.as('finance'), {
      code: authenticator.generate(secret),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.method).toBe('totp');
    await inDb(company, (trx) =>
      trx.updateTable('users').set({ totp_secret: null }).where('id', '=', company.users.finance).execute(),
    );
  });

  it('validates the body: the code has 6 digits', async () => {
    expectError(
      await post('/api/v1/auth/step-up/verify', await company.as('admin'), { code: '12ab' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await post('/api/v1/auth/step-up', await company.as('admin'), {}), 400, 'VALIDATION_FAILED');
    expectError(await post('/api/v1/auth/step-up', {}, { employeeNo: 'E0001' }), 401, 'UNAUTHENTICATED');
  });
});

describe('the step-up token', () => {
  it('opens guarded operations for 10 minutes, for its own user only', async () => {
    const admin = await company.as('admin');
    const customer = (await post('/api/v1/customers', admin, { name: '步骤验证测试有限公司' })).body.data;
    const files = [
      await uploadText(admin, 'customer', customer.id),
      await uploadText(admin, 'customer', customer.id),
      await uploadText(admin, 'customer', customer.id),
    ];

    const without = await post(`/api/v1/attachments/batch-delete`, admin, { ids: [files[0]!.id] });
    expectError(without, 403, 'STEP_UP_REQUIRED');
    expect(without.body.error.details.how).toBe('POST /api/v1/auth/step-up then /verify, send x-step-up-token');

    const adminUp = await stepUp(company, 'admin');
    // another user's token is no good
    const managerUp = await stepUp(company, 'manager');
    expectError(
      await post(
        '/api/v1/attachments/batch-delete',
        { ...admin, 'x-step-up-token': managerUp['x-step-up-token']! },
        { ids: [files[0]!.id] },
      ),
      403,
      'STEP_UP_REQUIRED',
    );

    expect((await post('/api/v1/attachments/batch-delete', adminUp, { ids: [files[0]!.id] })).status).toBe(200);
    // reusable within its 10 minutes
    expect((await post('/api/v1/attachments/batch-delete', adminUp, { ids: [files[1]!.id] })).status).toBe(200);

    await inDb(company, (trx) =>
      trx
        .updateTable('step_up_tokens')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('user_id', '=', company.users.admin)
        .execute(),
    );
    const expired = await post('/api/v1/attachments/batch-delete', adminUp, { ids: [files[2]!.id] });
    expectError(expired, 403, 'STEP_UP_REQUIRED');
    expect(expired.body.error.message).toMatch(/expired/);

    const denials = (await auditOf(company, 'user', company.users.admin)).filter((a) => a.action === 'risky.denied');
    expect(denials.length).toBeGreaterThanOrEqual(2);
    expect(denials[0]!.changes.operation!.after).toBe('attachment.batch-delete');
    expect(denials[0]!.changes.code!.after).toBe('STEP_UP_REQUIRED');
  });
});

describe('SMS providers', () => {
  it('the console provider logs only the masked number, never the code', async () => {
    const logged: Array<{ details: Record<string, unknown>; message: string }> = [];
    const sender = new ConsoleSmsSender({ info: (details, message) => logged.push({ details, message }) });
    await inDb(company, (trx) =>
      sender.send(trx, company.tenantId, { to: '+8613812345678', body: '您的操作确认码为 123456', purpose: 'step-up' }),
    );
    expect(JSON.stringify(logged)).toContain('138****5678');
    expect(JSON.stringify(logged)).not.toContain('13812345678');
    expect(JSON.stringify(logged)).not.toContain('123456');
  });

  it('the HTTP provider posts {phone, message} with the token and keeps no body in the outbox', async () => {
    const received: Array<{ headers: http.IncomingHttpHeaders; body: any }> = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(text) });
        res.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const logger = { info: () => undefined };
      const sender = smsSenderFromEnv({ CAIRN_SMS_URL: url, CAIRN_SMS_TOKEN: 'gateway-secret' }, logger);
      expect(sender).toBeInstanceOf(HttpSmsSender);
      expect(smsSenderFromEnv({}, logger)).toBeInstanceOf(ConsoleSmsSender);
      await inDb(company, (trx) =>
        sender.send(trx, company.tenantId, { to: '+8613900001111', body: '确认码 654321', purpose: 'step-up' }),
      );
      expect(received[0]!.body).toEqual({ phone: '+8613900001111', message: '确认码 654321' });
      expect(received[0]!.headers.authorization).toBe('Bearer gateway-secret');
      const outbox = await inDb(company, (trx) =>
        trx.selectFrom('sms_messages').selectAll().where('phone', '=', '+8613900001111').executeTakeFirstOrThrow(),
      );
      expect(outbox.provider).toBe('http');
      expect(outbox.body).not.toContain('654321');

      status = 503;
      await expect(
        inDb(company, (trx) =>
          sender.send(trx, company.tenantId, { to: '+8613900001111', body: '确认码 111111', purpose: 'step-up' }),
        ),
      ).rejects.toBeInstanceOf(AppError);
    } finally {
      server.close();
    }
  });
});
