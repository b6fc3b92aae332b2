import { sql } from 'kysely';
import { loadAccess } from '../access/access-context.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import { receiveCall, type CallRecordInput } from '../calls/call-records.ts';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { OutboxJob } from '../jobs/outbox.ts';
import { runAutomationEvent } from '../workflows/engine.ts';
import { CALL_TOPIC } from '../workflows/rule-validation.ts';
import { Random } from './random.ts';

/**
 * A week of the demo's telephony as the automation engine saw it: for each of the last 7 days, a
 * few calls between the reps and their own customers are stored as `POST /api/v1/events/calls`
 * stores them and run through the real engine (the 90 s rule of demo-automation.ts), so the run
 * history, its condition results and the follow-ups it created are the engine's own. Afterwards
 * every row of a call (record, run, follow-up) is moved back to when the call happened. Runs once,
 * after the demo company is committed (the engine works in transactions of its own).
 */
export const HISTORY_DAYS = 7;

interface Rep {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: string;
  is_service: boolean;
  department_id: string | null;
}

/** The calls of the week: working hours, a mix of long talks, short ones and missed calls. */
function plannedCalls(random: Random, now: Date, reps: Rep[], phones: Map<string, string[]>) {
  const calls: Array<CallRecordInput & { endedAt: Date }> = [];
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * 86_400_000);
    const weekend = [0, 6].includes(new Date(day.getTime() + 8 * 3_600_000).getUTCDay());
    const count = weekend ? random.int(0, 1) : random.int(4, 7);
    for (let i = 0; i < count; i++) {
      const rep = random.pick(reps);
      const numbers = phones.get(rep.id);
      if (!numbers?.length) continue;
      // 09:00–17:59 Beijing time
      const startedAt = new Date(day);
      startedAt.setUTCHours(1 + random.int(0, 8), random.int(0, 59), random.int(0, 59), 0);
      const kind = random.weighted([
        ['long', 5],
        ['short', 3],
        ['missed', 1],
      ] as const);
      const talkSeconds = kind === 'long' ? random.int(95, 900) : kind === 'short' ? random.int(15, 90) : 0;
      const outbound = random.chance(0.7);
      const customer = random.pick(numbers);
      calls.push({
        callId: `demo-call-${startedAt.toISOString().slice(0, 10)}-${i + 1}`,
        direction: outbound ? 'outbound' : 'inbound',
        status: kind === 'missed' ? 'missed' : 'answered',
        from: outbound ? '02160001234' : customer,
        to: outbound ? customer : '02160001234',
        agentUserId: rep.id,
        startedAt,
        talkSeconds,
        recordingUrl: kind === 'missed' ? null : `https://recordings.example.com/demo/${startedAt.getTime()}.mp3`,
        format: 'json',
        endedAt: new Date(startedAt.getTime() + talkSeconds * 1000),
      });
    }
  }
  return calls;
}

export async function seedDemoAutomationHistory(database: Database, tenantId: string, now = new Date()) {
  const random = new Random(`automation-history:${tenantId}`);
  const { admin, reps, phones } = await withTenant(database.db, tenantId, async (trx) => {
    const users = await trx
      .selectFrom('users')
      .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .where('is_active', '=', true)
      .execute();
    const owned = await trx
      .selectFrom('customers')
      .select(['owner_id', 'main_phone'])
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .where('main_phone_e164', 'is not', null)
      .execute();
    const phones = new Map<string, string[]>();
    for (const c of owned)
      if (c.owner_id && c.main_phone) phones.set(c.owner_id, [...(phones.get(c.owner_id) ?? []), c.main_phone]);
    return {
      admin: users.find((u) => u.username === 'admin'),
      reps: users.filter((u) => !u.is_service && u.username !== 'admin' && phones.has(u.id)),
      phones,
    };
  });
  if (!admin || !reps.length) return { calls: 0, runs: 0 };

  let runs = 0;
  const calls = plannedCalls(random, now, reps, phones);
  for (const call of calls) {
    const event = await withTenant(database.db, tenantId, async (trx) => {
      const actor = actorFromUser(admin);
      const ctx = {
        actor,
        trx,
        access: await loadAccess(trx, actor),
        meta: { requestId: 'demo', ip: null, userAgent: null },
      };
      const stored = await receiveCall(ctx, call, { callId: call.callId, talkSeconds: call.talkSeconds });
      // this event is run below, here and now: the dispatcher must not hand it to the queue again
      return trx
        .updateTable('outbox_events')
        .set({ dispatched_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('topic', '=', CALL_TOPIC)
        .where(sql<boolean>`payload->>'callRecordId' = ${stored.id}`)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    const job: OutboxJob = {
      eventId: event.id,
      tenantId,
      topic: event.topic,
      createdAt: event.created_at.toISOString(),
      payload: event.payload,
    };
    const results = await runAutomationEvent(database, job);
    runs += Object.values(results).reduce((a, b) => a + b, 0);
  }

  // back to when each call happened: received a few seconds after it ended, run at once
  await withTenant(database.db, tenantId, async (trx) => {
    for (const call of calls) {
      const received = new Date(call.endedAt.getTime() + 4_000);
      const record = await trx
        .updateTable('call_records')
        .set({ received_at: received })
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', call.callId)
        .returning(['id', 'followup_id'])
        .executeTakeFirstOrThrow();
      const runs = await trx
        .selectFrom('automation_runs')
        .select(['id', 'started_at', 'actions'])
        .where('tenant_id', '=', tenantId)
        .where(sql<boolean>`trigger_payload->>'callRecordId' = ${record.id}`)
        .execute();
      for (const run of runs) {
        // the whole run moves: its start, its end and each action's start keep their spacing
        const shift = received.getTime() + 600 - new Date(run.started_at).getTime();
        const moved = (iso: unknown) => new Date(new Date(String(iso)).getTime() + shift).toISOString();
        const actions = (run.actions as Array<Record<string, unknown>>).map((step) => ({
          ...step,
          startedAt: moved(step.startedAt),
        }));
        await trx
          .updateTable('automation_runs')
          .set({
            started_at: sql<Date>`started_at + make_interval(secs => ${shift / 1000})`,
            finished_at: sql<Date>`finished_at + make_interval(secs => ${shift / 1000})`,
            actions: JSON.stringify(actions),
          })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', run.id)
          .execute();
      }
      const at = new Date(received.getTime() + 1_000);
      await trx
        .updateTable('followups')
        .set({ created_at: at, updated_at: at })
        .where('tenant_id', '=', tenantId)
        .where('source_ref', '=', call.callId)
        .execute();
    }
  });
  return { calls: calls.length, runs };
}
