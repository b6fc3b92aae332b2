import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { createBoss, type JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { loadBatchTables } from '../jobs/batch-tables.ts';
import { purgeExpiredRecycleBin } from './recycle-purge.ts';
import { recycleBinPurgeCron, registerJobs } from '../jobs/register.ts';

// The run's shared database: in-memory PGlite, or PostgreSQL when DATABASE_URL is set (RLS then
// applies to `database.db`). Each test works in tenants of its own.
let database: Database;
let runner: JobRunner;
let storage: LocalFileStorage;
let storageDir: string;

// Far in the past, so an all-tenant run never finds other files' (real-time) entries expired.
const now = new Date('2015-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

beforeAll(async () => {
  database = await testDatabase();
  runner = await createBoss(database, { supervise: false, pollingIntervalSeconds: 0.5 });
  storageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cairn-purge-'));
  storage = new LocalFileStorage(storageDir);
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  if (storageDir) await fs.rm(storageDir, { recursive: true, force: true });
});

async function createTenant(settings: Record<string, unknown> = {}) {
  const id = newId();
  await asSystem(database.db, (trx) =>
    trx
      .insertInto('tenants')
      .values({ id, name: 'Purge Test', slug: `t-${id}`, settings: JSON.stringify(settings) })
      .execute(),
  );
  return id;
}

interface Deleted {
  customerId: string;
  contactIds: string[];
  attachmentId: string;
  storageKey: string;
  entryId: string;
}

/** A customer with two contacts and a file, soft-deleted together `days` ago (or live). */
async function customerDeleted(tenantId: string, days: number | null): Promise<Deleted> {
  const batch = days === null ? null : newId();
  const deletedAt = days === null ? null : daysAgo(days).toISOString();
  const gone = { deleted_at: deletedAt as never, delete_batch_id: batch };
  const customerId = newId();
  const attachmentId = newId();
  const storageKey = `${tenantId}/${attachmentId}`;
  const contactIds = [newId(), newId()];
  const entryId = newId();
  await storage.put(storageKey, Buffer.from('file'));
  await withTenant(database.db, tenantId, async (trx) => {
    await trx
      .insertInto('customers')
      .values({
        id: customerId,
        tenant_id: tenantId,
        name: `C ${customerId}`,
        status: 'active',
        tags: [],
        custom: '{}',
        ...gone,
      })
      .execute();
    for (const id of contactIds) {
      await trx
        .insertInto('contacts')
        .values({
          id,
          tenant_id: tenantId,
          customer_id: customerId,
          name: 'Contact',
          is_primary: false,
          custom: '{}',
          ...gone,
        })
        .execute();
    }
    await trx
      .insertInto('attachments')
      .values({
        id: attachmentId,
        tenant_id: tenantId,
        record_type: 'customer',
        record_id: customerId,
        customer_id: customerId,
        name: 'a.txt',
        mime_type: 'text/plain',
        size_bytes: 4,
        sha256: 'x',
        storage_key: storageKey,
        ...gone,
      })
      .execute();
    if (batch) {
      await trx
        .insertInto('recycle_bin')
        .values({
          id: entryId,
          tenant_id: tenantId,
          record_type: 'customer',
          record_id: customerId,
          title: 'C',
          batch_id: batch,
          deleted_at: deletedAt as never,
        })
        .execute();
    }
  });
  return { customerId, contactIds, attachmentId, storageKey, entryId };
}

async function state(tenantId: string, d: Deleted) {
  return withTenant(database.db, tenantId, async (trx) => ({
    customer: !!(await trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', d.customerId)
      .executeTakeFirst()),
    contacts: (
      await trx
        .selectFrom('contacts')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', d.contactIds)
        .execute()
    ).length,
    attachment: !!(await trx
      .selectFrom('attachments')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', d.attachmentId)
      .executeTakeFirst()),
    entry: !!(await trx
      .selectFrom('recycle_bin')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', d.entryId)
      .executeTakeFirst()),
    file: await storage.exists(d.storageKey),
  }));
}

const purgeAudit = (tenantId: string) =>
  withTenant(database.db, tenantId, (trx) =>
    trx
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name', 'action', 'record_type', 'record_id', 'changes'])
      .where('tenant_id', '=', tenantId)
      .where('action', '=', 'purge')
      .execute(),
  );

const present = { customer: true, contacts: 2, attachment: true, entry: true, file: true };
const purged = { customer: false, contacts: 0, attachment: false, entry: false, file: false };

describe('purgeExpiredRecycleBin', () => {
  it('purges entries older than the default 30 days with their whole batch and files, and keeps younger ones', async () => {
    const tenantId = await createTenant();
    const old = await customerDeleted(tenantId, 31);
    const young = await customerDeleted(tenantId, 29);
    const live = await customerDeleted(tenantId, null);

    const result = await purgeExpiredRecycleBin(database, storage, { now, tenantId });

    expect(result).toEqual({ purged: 1, files: 1, failed: 0 });
    expect(await state(tenantId, old)).toEqual(purged);
    expect(await state(tenantId, young)).toEqual(present);
    expect(await state(tenantId, live)).toEqual({ ...present, entry: false });
    expect(await purgeAudit(tenantId)).toEqual([
      {
        actor_id: null,
        actor_name: 'system',
        action: 'purge',
        record_type: 'customer',
        record_id: old.customerId,
        changes: {},
      },
    ]);

    // running again changes nothing
    expect(await purgeExpiredRecycleBin(database, storage, { now, tenantId })).toEqual({
      purged: 0,
      files: 0,
      failed: 0,
    });
  });

  it("respects a tenant's recycleRetentionDays", async () => {
    const weekly = await createTenant({ recycleRetentionDays: 7 });
    const standard = await createTenant();
    const weeklyOld = await customerDeleted(weekly, 8);
    const weeklyYoung = await customerDeleted(weekly, 6);
    const standardTen = await customerDeleted(standard, 10);

    await purgeExpiredRecycleBin(database, storage, { now }); // all tenants

    expect(await state(weekly, weeklyOld)).toEqual(purged);
    expect(await state(weekly, weeklyYoung)).toEqual(present);
    expect(await state(standard, standardTen)).toEqual(present);
  });

  it('purges the rest of an entry whose record already went with its parent', async () => {
    const tenantId = await createTenant();
    const parent = await customerDeleted(tenantId, null);
    // a follow-up deleted in its own batch whose root record (a contact) no longer exists
    const batch = newId();
    const contactId = newId();
    const followupId = newId();
    const entryId = newId();
    await withTenant(database.db, tenantId, async (trx) => {
      await trx
        .insertInto('followups')
        .values({
          id: followupId,
          tenant_id: tenantId,
          customer_id: parent.customerId,
          kind: 'call',
          status: 'closed',
          content: 'x',
          source: 'manual',
          occurred_at: now.toISOString() as never,
          deleted_at: daysAgo(1).toISOString() as never,
          delete_batch_id: batch,
        })
        .execute();
      await trx
        .insertInto('recycle_bin')
        .values({
          id: entryId,
          tenant_id: tenantId,
          record_type: 'contact',
          record_id: contactId,
          title: 'gone',
          batch_id: batch,
          deleted_at: daysAgo(1).toISOString() as never,
        })
        .execute();
    });

    const result = await purgeExpiredRecycleBin(database, storage, { now, tenantId });

    expect(result).toEqual({ purged: 1, files: 0, failed: 0 });
    const left = await withTenant(database.db, tenantId, async (trx) => ({
      followup: await trx
        .selectFrom('followups')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', followupId)
        .executeTakeFirst(),
      entry: await trx
        .selectFrom('recycle_bin')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', entryId)
        .executeTakeFirst(),
    }));
    expect(left).toEqual({ followup: undefined, entry: undefined });
    expect((await purgeAudit(tenantId)).map((a) => [a.record_type, a.record_id])).toEqual([['contact', contactId]]);
    expect(await state(tenantId, parent)).toEqual({ ...present, entry: false });
  });

  it('also removes files of attachments left live on a purged record, and RESTRICT references inside a batch', async () => {
    const tenantId = await createTenant();
    const old = await customerDeleted(tenantId, 40);
    const strayId = newId();
    const strayKey = `${tenantId}/${strayId}`;
    await storage.put(strayKey, Buffer.from('stray'));
    const batch = newId();
    const [parentDept, childDept] = [newId(), newId()];
    const deleted = { deleted_at: daysAgo(40).toISOString(), delete_batch_id: batch };
    await withTenant(database.db, tenantId, async (trx) => {
      await trx
        .insertInto('attachments')
        .values({
          id: strayId,
          tenant_id: tenantId,
          record_type: 'contact',
          record_id: old.contactIds[0]!,
          customer_id: null,
          name: 'b.txt',
          mime_type: 'text/plain',
          size_bytes: 5,
          sha256: 'y',
          storage_key: strayKey,
        })
        .execute();
      // departments.parent_id is ON DELETE RESTRICT: parent and child go in one statement
      await trx
        .insertInto('departments')
        .values({ id: parentDept, tenant_id: tenantId, name: 'P', path: '/p', ...deleted })
        .execute();
      await trx
        .insertInto('departments')
        .values({ id: childDept, tenant_id: tenantId, name: 'C', path: '/p/c', parent_id: parentDept, ...deleted })
        .execute();
      await trx
        .insertInto('recycle_bin')
        .values({
          id: newId(),
          tenant_id: tenantId,
          record_type: 'department',
          record_id: parentDept,
          title: 'P',
          batch_id: batch,
          deleted_at: deleted.deleted_at,
        })
        .execute();
    });

    expect(await purgeExpiredRecycleBin(database, storage, { now, tenantId })).toEqual({
      purged: 2,
      files: 2,
      failed: 0,
    });
    expect(await state(tenantId, old)).toEqual(purged);
    expect(await storage.exists(strayKey)).toBe(false);
    const depts = await withTenant(database.db, tenantId, (trx) =>
      trx.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).execute(),
    );
    expect(depts).toEqual([]);
  });

  it('purges every table that carries delete_batch_id, children before parents', async () => {
    const tables = await loadBatchTables(database.db);
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where column_name = 'delete_batch_id' and table_schema = current_schema()`.execute(database.owner);
    expect(tables.map((t) => t.name).sort()).toEqual(rows.map((r) => r.table_name).sort());
    const at = (name: string) => tables.findIndex((t) => t.name === name);
    const pairs = [
      ['payments', 'contracts'],
      ['contract_installments', 'contracts'],
      ['payments', 'contract_installments'],
      ['contracts', 'customers'],
      ['contacts', 'customers'],
      ['attachments', 'customers'],
      ['followups', 'opportunities'],
      ['users', 'departments'],
      ['api_keys', 'users'],
    ];
    for (const [child, parent] of pairs) expect(`${child}:${at(child!) < at(parent!)}`).toBe(`${child}:true`);
    expect(tables.filter((t) => t.hasStorageKey).map((t) => t.name)).toContain('attachments');
  });
});

describe('registerJobs', () => {
  it('schedules the daily purge and runs it from the queue', async () => {
    const tenantId = await createTenant();
    const old = await customerDeleted(tenantId, 400); // older than the retention from the real clock
    const dispatcher = await registerJobs(
      runner,
      database,
      storage,
      { info() {}, warn() {}, error() {} },
      { dispatchOutbox: false },
    );
    expect(dispatcher).toBeUndefined();

    const { rows } = await database.raw(`select name, cron, timezone from pgboss.schedule where name = $1`, [
      queueNames.recycleBinPurge,
    ]);
    expect(rows).toEqual([{ name: queueNames.recycleBinPurge, cron: recycleBinPurgeCron, timezone: 'Asia/Shanghai' }]);

    const jobId = await runner.send(queueNames.recycleBinPurge, { tenantId });
    const deadline = Date.now() + 15_000;
    let job = await runner.boss.getJobById(queueNames.recycleBinPurge, jobId!);
    while (job?.state !== 'completed' && job?.state !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = await runner.boss.getJobById(queueNames.recycleBinPurge, jobId!);
    }
    expect(job?.state).toBe('completed');
    expect(await state(tenantId, old)).toEqual(purged);
  }, 30_000);
});
