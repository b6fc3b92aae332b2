import { AUTOMATION_QUEUE } from '../workflows/workflow-jobs.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../common/ids.ts';
import { testDatabase } from '../../tests/support/test-database.ts';
import { testJobRunner } from '../../tests/support/job-runner.ts';
import { asSystem } from '../db/tenant-transaction.ts';
import '../domains/register-all.ts';
import type { JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { purgeTimeFor, topicQueues } from '../jobs/register.ts';

let runner: JobRunner;

beforeAll(async () => {
  runner = await testJobRunner();
});

afterAll(async () => {
  await runner?.stop();
});

describe('deletion events book the purge (the outbox consumer)', () => {
  it('subscribes every record type’s deleted event to the scheduling queue', () => {
    // record events a workflow rule can watch go to the automation queue too
    expect(topicQueues()['customer.deleted']).toEqual([queueNames.recycleBinSchedule, AUTOMATION_QUEUE]);
    expect(topicQueues()['attachment.deleted']).toEqual([queueNames.recycleBinSchedule]);
    expect(topicQueues()['customer.updated']).toEqual(['outbound.fanout', AUTOMATION_QUEUE]);
    expect(topicQueues()['contact.updated']).toEqual([AUTOMATION_QUEUE]);
    expect(topicQueues()['department.updated']).toBeUndefined();
  });

  it("books a purge job for the tenant at the moment the entry expires under the tenant's retention", async () => {
    const database = await testDatabase();
    const tenantId = newId();
    await asSystem(database.db, (trx) =>
      trx
        .insertInto('tenants')
        .values({
          id: tenantId,
          name: '排程',
          slug: `s-${tenantId.slice(-12)}`,
          settings: JSON.stringify({ recycleRetentionDays: 10 }),
        })
        .execute(),
    );
    const createdAt = '2026-11-01T00:00:00.000Z';
    const event = { eventId: newId(), tenantId, topic: 'customer.deleted', createdAt, payload: { id: newId() } };
    expect((await purgeTimeFor(database, event)).toISOString()).toBe('2026-11-11T00:01:00.000Z');
    await runner.send(queueNames.recycleBinSchedule, event, { id: event.eventId });
    let booked: Array<{ start_after: Date }> = [];
    for (let i = 0; i < 40 && booked.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      booked = (
        await sql<{
          start_after: Date;
        }>`select start_after from pgboss.job where name = ${queueNames.recycleBinPurge} and data->>'tenantId' = ${tenantId}`.execute(
          database.owner,
        )
      ).rows;
    }
    expect(booked).toHaveLength(1);
    expect(new Date(booked[0]!.start_after).toISOString()).toBe('2026-11-11T00:01:00.000Z');
  });
});
