import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { testJobRunner } from '../../tests/support/job-runner.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import '../domains/register-all.ts';
import type { JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { exportsSweepCron } from '../jobs/register.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { sweepExpiredExports } from './export-sweep.ts';

let database: Database;
let runner: JobRunner;
const storage = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-sweep-')));

beforeAll(async () => {
  database = await testDatabase();
  runner = await testJobRunner(storage);
});

afterAll(async () => {
  await runner?.stop();
});

/** A company with three export files: expired and never downloaded, still live, and downloaded. */
async function companyWithExports() {
  const tenantId = newId();
  await asSystem(database.db, (trx) =>
    trx
      .insertInto('tenants')
      .values({ id: tenantId, name: '导出清理', slug: `x-${tenantId.slice(-12)}`, settings: '{}' })
      .execute(),
  );
  const file = async (name: string, expires: string, downloaded: boolean) => {
    const id = newId();
    const key = `${tenantId}/exports/${id}`;
    if (!downloaded) await storage.put(key, Buffer.from(`export ${name}`));
    await withTenant(database.db, tenantId, (trx) =>
      trx
        .insertInto('export_files')
        .values({
          id,
          tenant_id: tenantId,
          requested_by: newId(),
          storage_key: key,
          file_name: `${name}.xlsx`,
          mime_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          row_count: 1,
          watermark: 'test',
          expires_at: sql<Date>`now() + ${sql.raw(`interval '${expires}'`)}`,
          downloaded_at: downloaded ? sql<Date>`now()` : null,
        })
        .execute(),
    );
    return { id, key };
  };
  return {
    tenantId,
    expired: await file('expired', '-1 hour', false),
    live: await file('live', '23 hours', false),
    downloaded: await file('downloaded', '-2 hours', true),
  };
}

const rowsOf = (tenantId: string) =>
  withTenant(database.db, tenantId, (trx) =>
    trx.selectFrom('export_files').select(['id', 'deleted_at', 'version']).where('tenant_id', '=', tenantId).execute(),
  );
const expiryAudit = (tenantId: string) =>
  withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['record_id', 'actor_id', 'actor_name'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'export.expired')
      .execute(),
  );

describe('the expired-export sweep', () => {
  it('is scheduled hourly; pg-boss fires a schedule once across all instances', async () => {
    const { rows } = await sql<{ cron: string; timezone: string }>`
      select cron, timezone from pgboss.schedule where name = ${queueNames.exportsSweep}`.execute(database.owner);
    expect(rows).toEqual([{ cron: exportsSweepCron, timezone: 'Asia/Shanghai' }]);
    expect(exportsSweepCron).toBe('7 * * * *');
  });

  it('a sweep job removes files that expired undownloaded, marks their rows and audits each once', async () => {
    const company = await companyWithExports();
    await runner.send(queueNames.exportsSweep, {});
    let rows = await rowsOf(company.tenantId);
    for (let i = 0; i < 60 && !rows.find((r) => r.id === company.expired.id)?.deleted_at; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await rowsOf(company.tenantId);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(company.expired.id)).toMatchObject({ deleted_at: expect.any(Date), version: 2 });
    expect(byId.get(company.live.id)).toMatchObject({ deleted_at: null, version: 1 });
    expect(byId.get(company.downloaded.id)).toMatchObject({ deleted_at: null, version: 1 });
    expect(await storage.exists(company.expired.key)).toBe(false);
    expect(await storage.exists(company.live.key)).toBe(true);
    expect(await expiryAudit(company.tenantId)).toEqual([
      { record_id: company.expired.id, actor_id: null, actor_name: 'system' },
    ]);
  });

  it('runs that overlap or repeat take each file once', async () => {
    const company = await companyWithExports();
    const runs = await Promise.all([
      sweepExpiredExports(database, storage, { tenantId: company.tenantId }),
      sweepExpiredExports(database, storage, { tenantId: company.tenantId }),
    ]);
    expect(runs.reduce((n, r) => n + r.removed, 0)).toBe(1);
    expect(await sweepExpiredExports(database, storage, { tenantId: company.tenantId })).toEqual({
      removed: 0,
      failed: 0,
    });
    expect(await expiryAudit(company.tenantId)).toHaveLength(1);
    expect(await storage.exists(company.live.key)).toBe(true);
  });
});
