import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../server/db/database.ts';
import { withTenant } from '../../server/db/tenant-transaction.ts';
import { channelSecret, forceRetry, syncStatus } from '../../server/integration/sync-admin.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { call, testApp } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';

let database: Database;
let slug: string;
let tenantId: string;

const intake = (secret: string, payload: object) =>
  call({ method: 'POST', url: '/api/v1/intake/web-form', payload, headers: { 'x-cairn-channel-secret': secret } });

const webForm = <T extends { channel: string }>(rows: T[]): T => rows.find((r) => r.channel === 'web-form')!;

beforeAll(async () => {
  database = await testDatabase();
  await testApp();
  slug = `t-${newId().slice(-12)}`;
  ({ tenantId } = await seedDemo(database.db, {
    slug,
    tenantName: `集成 ${slug}`,
    customers: 3,
    orders: 0,
    integration: true,
  }));
});

describe('demo integration data and the db-sync / channel secret commands', () => {
  it('seeds a web-form channel with a working secret, a finance channel and a few dead letters, one outbound', async () => {
    const { secret } = await channelSecret(database, 'web-form', { tenant: slug });
    const res = await intake(secret, { company: '演示表单有限公司', phone: '13600136001', lead_id: 'WF-2001' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const status = await syncStatus(database, { tenant: slug });
    expect(status.map((s) => [s.channel, s.kind])).toEqual([
      ['excel-import', 'import'],
      ['finance', 'outbound'],
      ['web-form', 'webhook'],
    ]);
    expect(webForm(status)).toMatchObject({ queueDepth: 1, deadLetters: 3, review: 0 });
    // the finance channel's signed-contract delivery that ran out of retries against the unreachable demo URL
    expect(status.find((s) => s.channel === 'finance')).toMatchObject({ deadLetters: 1, queueDepth: 0 });
  });

  it('force-retry: a dry run changes nothing; the real run retries, bypassing backoff, and sums up by reason', async () => {
    const dry = await forceRetry(database, { batch: 500, tenant: slug, dryRun: true });
    expect(dry).toMatchObject({
      selected: 4,
      retried: 0,
      byReason: { validation: 1, mapping: 1, permission: 1, timeout: 1 },
    });
    expect(webForm(await syncStatus(database, { tenant: slug })).deadLetters).toBe(3);
    const progress: number[] = [];
    const run = await forceRetry(database, {
      batch: 500,
      tenant: slug,
      channel: 'web-form',
      onProgress: (d) => progress.push(d),
    });
    // the permission failure is cured (the service user now holds its grants); the others are not
    expect(run).toMatchObject({
      selected: 3,
      retried: 3,
      succeeded: { created: 1 },
      stillFailing: { validation: 1, mapping: 1 },
    });
    expect(progress).toEqual([1, 2, 3]);
    expect(webForm(await syncStatus(database, { tenant: slug }))).toMatchObject({ deadLetters: 2 });
    expect((await forceRetry(database, { batch: 1, tenant: slug })).selected).toBe(1);
  });

  it('rotates a secret: the old one stops working at once, and the rotation is audited', async () => {
    const before = await channelSecret(database, 'web-form', { tenant: slug });
    const rotated = await channelSecret(database, 'web-form', { tenant: slug, rotate: true });
    expect(rotated.secret).not.toBe(before.secret);
    expect((await intake(before.secret, { company: '旧密钥' })).status).toBe(401);
    expect((await intake(rotated.secret, { company: '新密钥有限公司' })).status).toBe(202);
    const audit = await withTenant(database.db, tenantId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'actor_name'])
        .where('tenant_id', '=', tenantId)
        .where('record_type', '=', 'channel')
        .execute(),
    );
    expect(audit).toEqual([{ action: 'rotate_secret', actor_name: 'cli' }]);
    await expect(channelSecret(database, 'nope', { tenant: slug })).rejects.toThrow(/no channel "nope"/);
  });
});
