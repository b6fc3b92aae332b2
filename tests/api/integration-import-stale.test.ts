import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, demoCompany, testApp, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { get, multipart, ok, post, type Headers } from '../support/resource-helpers.ts';
import { asSystem } from '../../server/db/tenant-transaction.ts';
import type { Database } from '../../server/db/database.ts';
import { runImport } from '../../server/integration/imports/import-run.ts';
import {
  MAX_AUTO_RESUMES,
  STALE_IMPORT_MINUTES,
  sweepStaleImports,
} from '../../server/integration/imports/import-stale.ts';

/**
 * An import left `running` by a worker that died: without a progress heartbeat for
 * STALE_IMPORT_MINUTES the sweep resumes it (queued, an import.requested event, audited); after
 * MAX_AUTO_RESUMES resumes it marks it failed with the reason (shown by GET /imports/{id}); one
 * with a recent heartbeat is left alone; run again, it goes on from the stored rows and applies
 * nothing twice.
 */
let company: Company;
let admin: Headers;
let database: Database;
let channelId: string;

const csv = (names: string[]) => ['公司名称', ...names].join('\r\n');

async function upload(fileName: string, names: string[]) {
  const body = multipart({ channelId }, { name: fileName, type: 'text/csv', data: Buffer.from(csv(names)) });
  const res = await call({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...admin, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id as string;
}

/** What a worker that died mid-run leaves: status running, the first rows stored, the last heartbeat `minutesAgo`. */
const leftRunning = (importId: string, minutesAgo: number) =>
  asSystem(database.owner, (trx) =>
    trx
      .updateTable('imports')
      .set({
        status: 'running',
        started_at: sql<Date>`now() - make_interval(mins => ${minutesAgo + 1})`,
        heartbeat_at: sql<Date>`now() - make_interval(mins => ${minutesAgo})`,
      })
      .where('id', '=', importId)
      .execute(),
  );

const run = async (importId: string) =>
  runImport(database, (await testApp()).storage, { tenantId: company.tenantId, importId }, { batchSize: 2 });

beforeAll(async () => {
  database = await testDatabase();
  company = await demoCompany({ customers: 1, orders: 0 });
  admin = await company.as('admin');
  channelId = ok(
    await post('/api/v1/channels', admin, {
      key: 'excel-stale',
      name: '导入超时',
      kind: 'import',
      serviceUserId: company.users.admin,
      mapping: [{ source: '公司名称', target: 'name', transforms: [{ op: 'trim' }] }],
    }),
    201,
  ).id;
});

describe('imports whose worker died', () => {
  it('are resumed from the stored rows once they show no progress, and failed when they keep stalling', async () => {
    const names = ['心跳一号有限公司', '心跳二号有限公司', '心跳三号有限公司'];
    const stale = await upload('stale.csv', names);
    const live = await upload('live.csv', ['心跳活着有限公司']);
    // the first run stores and applies everything; then it "dies" as if before its end was saved
    await run(stale);
    for (let resume = 1; resume <= MAX_AUTO_RESUMES; resume++) {
      await leftRunning(stale, STALE_IMPORT_MINUTES + 5);
      await leftRunning(live, 1);
      const swept = await sweepStaleImports(database, { tenantId: company.tenantId });
      expect(swept.map((m) => [m.importId, m.action])).toEqual([[stale, 'resumed']]);
      const shown = ok(await get(`/api/v1/imports/${stale}`, admin));
      expect(shown.status).toBe('queued');
      expect(shown.lastError).toContain(`resumed automatically (${resume} of ${MAX_AUTO_RESUMES})`);
      expect(ok(await get(`/api/v1/imports/${live}`, admin)).status).toBe('running');
      // a second sweep finds nothing more; the queued run is requested through the outbox
      expect(await sweepStaleImports(database, { tenantId: company.tenantId })).toEqual([]);
      const events = await asSystem(database.owner, (trx) =>
        trx
          .selectFrom('outbox_events')
          .select('payload')
          .where('tenant_id', '=', company.tenantId)
          .where('topic', '=', 'import.requested')
          .execute(),
      );
      expect(events.filter((e) => (e.payload as { importId: string }).importId === stale)).toHaveLength(resume);
    }
    // stalling once more: failed, with the reason, for a person to look at
    await leftRunning(stale, STALE_IMPORT_MINUTES + 5);
    const failed = await sweepStaleImports(database, { tenantId: company.tenantId });
    expect(failed.map((m) => [m.importId, m.action])).toEqual([[stale, 'failed']]);
    const shown = ok(await get(`/api/v1/imports/${stale}`, admin));
    expect(shown.status).toBe('failed');
    expect(shown.lastError).toContain(`no progress for ${STALE_IMPORT_MINUTES} minutes`);
    expect(shown.finishedAt).not.toBeNull();
    const audit = await asSystem(database.owner, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'actor_name'])
        .where('record_id', '=', stale)
        .where('action', 'in', ['resume', 'fail'])
        .orderBy('occurred_at')
        .orderBy('id')
        .execute(),
    );
    expect(audit.map((a) => `${a.actor_name}:${a.action}`)).toEqual([
      ...Array.from({ length: MAX_AUTO_RESUMES }, () => 'system:resume'),
      'system:fail',
    ]);

    // started again: it goes on from the stored rows, nothing applied twice
    const restarted = await post(`/api/v1/imports/${stale}/start`, admin);
    expect(restarted.status, JSON.stringify(restarted.body)).toBe(202);
    await run(stale);
    const done = ok(await get(`/api/v1/imports/${stale}`, admin));
    expect(done).toMatchObject({ status: 'finished', lastError: null });
    expect(done.counts).toMatchObject({ created: 3, dead: 0 });
    const list = ok(
      await get(`/api/v1/customers?filter=${encodeURIComponent(JSON.stringify({ name: { in: names } }))}`, admin),
    ) as Array<{ name: string }>;
    expect(list.map((c) => c.name).sort()).toEqual([...names].sort());
  });

  it('a running import saves its heartbeat with its progress', async () => {
    const id = await upload('beat.csv', ['心跳四号有限公司', '心跳五号有限公司', '心跳六号有限公司']);
    await leftRunning(id, 60);
    await run(id);
    const row = await asSystem(database.owner, (trx) =>
      trx
        .selectFrom('imports')
        .select([sql<boolean>`heartbeat_at > now() - interval '1 minute'`.as('fresh'), 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ fresh: true, status: 'finished' });
    expect(await sweepStaleImports(database, { tenantId: company.tenantId })).toEqual([]);
  });
});
