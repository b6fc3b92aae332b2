import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { passwordProblem } from '../../server/auth/password-policy.ts';
import { createTenant } from '../../server/domains/tenants/tenant-creator.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { expectFieldError } from '../support/resource-helpers.ts';
import { testDatabase } from '../support/test-database.ts';
import { runCairn, tempDataDir } from '../support/cairn-process.ts';

let company: Company;
const dataDir = tempDataDir();

beforeAll(async () => {
  company = await demoCompany({ customers: 1, orders: 1 });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const common = ['password', '12345678', 'qwerty123', '11111111', 'Password1', 'abcdefgh', '87654321'];

describe('password policy', () => {
  it('refuses short, common and trivial passwords and accepts a reasonable one', () => {
    expect(passwordProblem('short1')).toMatch(/at least 8/);
    for (const password of common) expect(passwordProblem(password), password).toBeDefined();
    expect(passwordProblem('correct-horse-1')).toBeUndefined();
    expect(passwordProblem('cairn-demo')).toBeUndefined();
  });

  it('user creation through the API answers 400 naming the password field', async () => {
    const admin = await company.as('admin');
    for (const password of ['password', '12345678', 'aaaaaaaa']) {
      const res = await call({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: `pw.${newId().slice(-8)}`, displayName: '密码测试', password },
      });
      expectFieldError(res, 'password');
    }
    const accepted = await call({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { username: `pw.${newId().slice(-8)}`, displayName: '密码测试', password: 'blue-kettle-42' },
    });
    expect(accepted.status).toBe(201);
  });

  it('creating a company refuses a common administrator password', async () => {
    const database = await testDatabase();
    await expect(
      createTenant(database.db, {
        name: '弱密码公司',
        slug: `pw-${newId().slice(-8)}`,
        adminUsername: 'boss',
        adminPassword: '12345678',
      }),
    ).rejects.toThrow(/password/);
  });

  it(
    'the CLI refuses a common password for user create, reset-password and tenant create',
    { timeout: 120_000 },
    async () => {
      const env = { CAIRN_DATA_DIR: dataDir };
      const runs = await Promise.all([
        runCairn(
          ['user', 'create', '--tenant', 'demo', '--username', 'weak', '--name', '弱', '--password', 'password'],
          env,
        ),
        runCairn(['user', 'reset-password', '--tenant', 'demo', '--username', 'weak', '--password', 'qwerty123'], env),
        runCairn(
          ['tenant', 'create', '--name', '弱', '--slug', 'weak', '--admin', 'boss', '--password', '11111111'],
          env,
        ),
      ]);
      for (const run of runs) {
        expect(run.code).not.toBe(0);
        expect(run.stderr).toMatch(/password.*(common|guess)/i);
      }
    },
  );
});
