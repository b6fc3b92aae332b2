import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { MAX_KNOWN_DEVICES } from '../../server/auth/login.ts';
import { call, demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let company: Company;
const PASSWORD = 'limit-test-pass-1';

beforeAll(async () => {
  company = await demoCompany({ customers: 1, orders: 1 });
});

/** A user with a username no other company has, so a login without the tenant field resolves. */
async function uniqueUser(): Promise<string> {
  return (await uniqueUserWithId()).username;
}

async function uniqueUserWithId(): Promise<{ username: string; id: string }> {
  const username = `lim.${newId().slice(-10)}`;
  const res = await call({
    method: 'POST',
    url: '/api/v1/users',
    headers: await company.as('admin'),
    payload: { username, displayName: '限流测试', password: PASSWORD },
  });
  expect(res.status).toBe(201);
  return { username, id: res.body.data.id as string };
}

interface Attempt {
  username: string;
  password: string;
  ip: string;
  tenant?: string | null;
  headers?: Record<string, string>;
}

const attempt = ({ username, password, ip, tenant, headers }: Attempt) =>
  call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: tenant === null ? { username, password } : { username, password, tenant: tenant ?? company.slug },
    remoteAddress: ip,
    headers,
  });

const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

/** Moves the recorded attempts of one user back in time, as if `seconds` had passed. */
async function age(userId: string, seconds: number) {
  const database = await testDatabase();
  await sql`update login_attempts set attempted_at = attempted_at - make_interval(secs => ${seconds})
    where key like ${`user:${userId}%`}`.execute(database.owner);
}

describe('sign-in limits', () => {
  it('30 parallel wrong passwords for one user: at most 5 are checked (401), the rest get 429', async () => {
    const username = await uniqueUser();
    const ip = randomIp();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => attempt({ username, password: 'wrong-password', ip })),
    );
    const statuses = results.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.res.headers['retry-after']).toBe(String(limited.body.error.details.retryAfterSeconds));
  });

  it('the same limit holds across distinct IPs for one user (global cap), whatever the tenant field says', async () => {
    const username = await uniqueUser();
    // with and without the tenant field: both count against the resolved user
    for (let i = 0; i < 20; i++) {
      const res = await attempt({
        username,
        password: 'wrong-password',
        ip: randomIp(),
        tenant: i % 2 ? null : undefined,
      });
      expect(res.status).toBe(401);
    }
    const capped = await attempt({ username, password: 'wrong-password', ip: randomIp(), tenant: null });
    expect(capped.status).toBe(429);
  });

  it('leaving the tenant field out buys no extra tries: both count against the resolved user', async () => {
    const username = await uniqueUser();
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await attempt({ username, password: 'nope-nope', ip })).status).toBe(401);
    for (let i = 0; i < 2; i++)
      expect((await attempt({ username, password: 'nope-nope', ip, tenant: null })).status).toBe(401);
    expect((await attempt({ username, password: 'nope-nope', ip, tenant: null })).status).toBe(429);
    expect((await attempt({ username, password: 'nope-nope', ip })).status).toBe(429);
  });

  it('the delay per user and IP grows: 30 s after 5 failures, then 60 s after the next', async () => {
    const { username, id } = await uniqueUserWithId();
    const ip = randomIp();
    for (let i = 0; i < 5; i++) expect((await attempt({ username, password: 'bad-guess', ip })).status).toBe(401);
    const first = await attempt({ username, password: PASSWORD, ip });
    expect(first.status).toBe(429);
    expect(first.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(30);
    await age(id, 31);
    expect((await attempt({ username, password: 'bad-guess', ip })).status).toBe(401);
    const second = await attempt({ username, password: 'bad-guess', ip });
    expect(second.status).toBe(429);
    expect(second.body.error.details.retryAfterSeconds).toBeGreaterThan(30);
    expect(second.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    // another address is not slowed down by this one's failures
    expect((await attempt({ username, password: PASSWORD, ip: randomIp() })).status).toBe(200);
  });

  it('the right password from a known device gets through while the user is locked; an unknown device does not', async () => {
    const username = await uniqueUser();
    const homeIp = randomIp();
    const deviceId = `dev-${newId().replace(/-/g, '')}`;
    // an API client names its device in a header; a browser gets a cookie
    expect(
      (await attempt({ username, password: PASSWORD, ip: homeIp, headers: { 'x-cairn-device': deviceId } })).status,
    ).toBe(200);
    const browser = await attempt({ username, password: PASSWORD, ip: homeIp });
    expect(browser.status).toBe(200);
    const deviceCookie = browser.res.cookies.find((c) => c.name === 'cairn_device');
    expect(deviceCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // an attacker locks the account from the same network and from many others
    for (let i = 0; i < 5; i++) await attempt({ username, password: 'attacker-guess', ip: homeIp });
    for (let i = 0; i < 20; i++) await attempt({ username, password: 'attacker-guess', ip: randomIp() });
    expect((await attempt({ username, password: PASSWORD, ip: homeIp })).status).toBe(429);
    expect((await attempt({ username, password: PASSWORD, ip: randomIp() })).status).toBe(429);

    const viaHeader = await attempt({
      username,
      password: PASSWORD,
      ip: homeIp,
      headers: { 'x-cairn-device': deviceId },
    });
    expect(viaHeader.status).toBe(200);
    const viaCookie = await attempt({
      username,
      password: PASSWORD,
      ip: homeIp,
      headers: { cookie: `cairn_device=${deviceCookie!.value}` },
    });
    expect(viaCookie.status).toBe(200);
    // a wrong password from the known device is still wrong, and an unknown device id is no key
    expect(
      (await attempt({ username, password: 'attacker-guess', ip: homeIp, headers: { 'x-cairn-device': deviceId } }))
        .status,
    ).toBe(401);
    expect(
      (
        await attempt({
          username,
          password: PASSWORD,
          ip: homeIp,
          headers: { 'x-cairn-device': `dev-${newId().replace(/-/g, '')}` },
        })
      ).status,
    ).toBe(429);
  });

  it('remembers only the latest devices of a user, so cookie-less clients cannot grow the table', async () => {
    const { username, id } = await uniqueUserWithId();
    const ip = randomIp();
    for (let i = 0; i < MAX_KNOWN_DEVICES + 3; i++)
      expect((await attempt({ username, password: PASSWORD, ip })).status).toBe(200);
    const database = await testDatabase();
    const rows = await database.owner
      .selectFrom('known_devices')
      .select('device_hash')
      .where('user_id', '=', id)
      .execute();
    expect(rows).toHaveLength(MAX_KNOWN_DEVICES);
  });

  it('caps failures per IP across usernames; a rotating X-Forwarded-For from an untrusted peer changes nothing', async () => {
    const ip = randomIp();
    for (let i = 0; i < 30; i++) {
      const res = await attempt({
        username: `nobody-${newId().slice(-8)}`,
        password: 'whatever-1',
        ip,
        headers: { 'x-forwarded-for': randomIp() },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await attempt({
      username: `nobody-${newId().slice(-8)}`,
      password: 'whatever-1',
      ip,
      headers: { 'x-forwarded-for': randomIp() },
    });
    expect(blocked.status).toBe(429);
  });

  it('the audit records the peer address, not a forged X-Forwarded-For', async () => {
    const username = await uniqueUser();
    const ip = randomIp();
    const forged = '203.0.113.77';
    const res = await attempt({ username, password: PASSWORD, ip, headers: { 'x-forwarded-for': forged } });
    expect(res.status).toBe(200);
    const audit = await call({
      method: 'GET',
      url: `/api/v1/audit?recordType=user&recordId=${res.body.user.id}`,
      headers: await company.as('admin'),
    });
    expect(audit.status).toBe(200);
    const login = audit.body.data.find((e: { action: string }) => e.action === 'login');
    expect(login.ip).toBe(ip);
    expect(JSON.stringify(audit.body)).not.toContain(forged);
  });
});
