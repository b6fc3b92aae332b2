import os from 'node:os';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { demoCompany, type Company } from '../../tests/support/test-app.ts';
import type { BatchHandler, JobHandler, JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { registerJobs, signInPurgeCron } from '../jobs/register.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { hashDeviceId } from './login-limits.ts';

/** A runner that only records what registerJobs hands it, so a test can call a job's handler. */
function recordingRunner() {
  const handlers = new Map<string, JobHandler<unknown>>();
  const schedules = new Map<string, { cron: string; tz?: string }>();
  const runner = {
    queues: new Set<string>(),
    async work(queue: string, handler: JobHandler<unknown>) {
      handlers.set(queue, handler);
      return queue;
    },
    async workBatch(queue: string, handler: BatchHandler<unknown>) {
      handlers.set(queue, (job) => handler([job]));
      return queue;
    },
    async schedule(queue: string, cron: string, _data?: object, opts?: { tz?: string }) {
      schedules.set(queue, { cron, tz: opts?.tz });
    },
    async send() {
      return null;
    },
    onStop() {},
    async stop() {},
    async ensureQueue() {},
  } as unknown as JobRunner;
  return { runner, handlers, schedules };
}

let company: Company;
beforeAll(async () => {
  company = await demoCompany({ customers: 1, orders: 1 });
});

describe('auth.sign-in-purge job', () => {
  it('is scheduled daily and deletes old sign-in attempts, expired sessions and stale devices, keeping current ones', async () => {
    const database = await testDatabase();
    const { runner, handlers, schedules } = recordingRunner();
    await registerJobs(
      runner,
      database,
      new LocalFileStorage(os.tmpdir()),
      { info() {}, warn() {}, error() {} },
      {
        dispatchOutbox: false,
      },
    );
    expect(schedules.get(queueNames.signInPurge)).toEqual({ cron: signInPurgeCron, tz: 'Asia/Shanghai' });

    const tag = newId();
    const owner = database.owner;
    await owner
      .insertInto('login_attempts')
      .values([
        { key: `purge-old:${tag}`, succeeded: false, attempted_at: sql<Date>`now() - interval '2 days'` as never },
        { key: `purge-new:${tag}`, succeeded: false },
      ])
      .execute();
    const session = (id: string, expires: string, revoked: string | null) => ({
      tenant_id: company.tenantId,
      id,
      user_id: company.users.sales1,
      token_hash: `purge-${id}`,
      expires_at: sql<Date>`now() + ${expires}::interval` as never,
      revoked_at: revoked === null ? null : (sql<Date>`now() - ${revoked}::interval` as never),
    });
    const [expired, current, revokedLongAgo] = [newId(), newId(), newId()];
    await owner
      .insertInto('sessions')
      .values([
        session(expired, '-1 hour', null),
        session(current, '2 hours', null),
        session(revokedLongAgo, '2 hours', '2 days'),
      ])
      .execute();
    await owner
      .insertInto('known_devices')
      .values([
        {
          tenant_id: company.tenantId,
          user_id: company.users.sales1,
          device_hash: hashDeviceId(`stale-${tag}`),
          last_seen_at: sql<Date>`now() - interval '200 days'` as never,
        },
        { tenant_id: company.tenantId, user_id: company.users.sales1, device_hash: hashDeviceId(`fresh-${tag}`) },
      ])
      .execute();

    const handler = handlers.get(queueNames.signInPurge)!;
    const result = (await handler({ id: 'test', data: {} } as never)) as Record<string, number>;
    expect(result.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(result.sessions).toBeGreaterThanOrEqual(2);
    expect(result.knownDevices).toBeGreaterThanOrEqual(1);

    const keys = await owner
      .selectFrom('login_attempts')
      .select('key')
      .where('key', 'like', `purge-%:${tag}`)
      .execute();
    expect(keys.map((k) => k.key)).toEqual([`purge-new:${tag}`]);
    const sessions = await owner
      .selectFrom('sessions')
      .select('id')
      .where('id', 'in', [expired, current, revokedLongAgo])
      .execute();
    expect(sessions.map((s) => s.id)).toEqual([current]);
    const devices = await owner
      .selectFrom('known_devices')
      .select('device_hash')
      .where('tenant_id', '=', company.tenantId)
      .execute();
    expect(devices.map((d) => d.device_hash)).toEqual([hashDeviceId(`fresh-${tag}`)]);
  });
});
