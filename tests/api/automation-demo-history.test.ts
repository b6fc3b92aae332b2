import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_RULE_NAME } from '../../server/seed/demo-automation.ts';
import { HISTORY_DAYS, seedDemoAutomationHistory } from '../../server/seed/demo-automation-history.ts';
import { demoCompany, type Company } from '../support/test-app.ts';
import { testDatabase } from '../support/test-database.ts';
import { get, ok } from '../support/resource-helpers.ts';

// The demo's week of automation history: calls run through the real engine, then dated back.
let company: Company;
let history: { calls: number; runs: number };
const now = new Date('2026-11-20T04:00:00Z'); // a Friday, 12:00 in Beijing

interface Run {
  status: string;
  startedAt: string;
  finishedAt: string | null;
  triggerPayload: { callId: string };
  conditions: { result: boolean; steps: Array<{ field?: string; actual?: unknown; result: boolean }> } | null;
  actions: Array<{ type: string; startedAt: string; output?: unknown }>;
}

beforeAll(async () => {
  company = await demoCompany({ customers: 20, orders: 0 });
  history = await seedDemoAutomationHistory(await testDatabase(), company.tenantId, now);
});

describe('demo automation history', () => {
  it('spreads the runs of the 90 s rule over the last week, as the engine decided them', async () => {
    const admin = await company.as('admin');
    const rules = ok(await get('/api/v1/automation-rules', admin)) as Array<{ id: string; name: string }>;
    const rule = rules.find((r) => r.name === CALL_RULE_NAME)!;
    const runs = ok(await get(`/api/v1/automation-rules/${rule.id}/runs?limit=200`, admin)) as Run[];
    expect(history.calls).toBeGreaterThanOrEqual(15);
    expect(runs).toHaveLength(history.calls);
    expect(history.runs).toBe(history.calls);

    const days = new Set(runs.map((r) => r.startedAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(5);
    for (const run of runs) {
      const started = new Date(run.startedAt).getTime();
      expect(started).toBeLessThan(now.getTime());
      expect(started).toBeGreaterThan(now.getTime() - (HISTORY_DAYS + 1) * 86_400_000);
      expect(new Date(run.finishedAt!).getTime()).toBeGreaterThanOrEqual(started);
      for (const step of run.actions) expect(new Date(step.startedAt).getTime()).toBeGreaterThanOrEqual(started);
    }
    // both outcomes of the rule: long answered calls became follow-ups, the others were skipped
    const succeeded = runs.filter((r) => r.status === 'succeeded');
    const skipped = runs.filter((r) => r.status === 'skipped');
    expect(succeeded.length).toBeGreaterThan(0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(succeeded.length + skipped.length).toBe(runs.length);
    for (const run of skipped) expect(run.conditions?.result).toBe(false);
    for (const run of succeeded) {
      const talk = run.conditions!.steps.find((s) => s.field === 'talkSeconds');
      expect(Number(talk?.actual)).toBeGreaterThan(90);
      expect(run.actions.map((a) => a.type)).toEqual(['createFollowup']);
    }

    // each follow-up is the call's: status 深度沟通, kind call, dated when the call happened
    for (const run of succeeded) {
      const id = (run.actions[0]!.output as { followupId: string }).followupId;
      const followup = ok(await get(`/api/v1/followups/${id}`, admin)) as Record<string, unknown>;
      expect(followup).toMatchObject({
        kind: 'call',
        status: 'deep_talk',
        source: { type: 'call', id: run.triggerPayload.callId },
      });
      expect(new Date(String(followup.occurredAt)).getTime()).toBeLessThan(new Date(run.startedAt).getTime());
      expect(String(followup.content)).toContain(run.triggerPayload.callId);
    }
  });

  it('leaves nothing for the queue to run again', async () => {
    const database = await testDatabase();
    const pending = await database.owner
      .selectFrom('outbox_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', company.tenantId)
      .where('topic', '=', 'call.received')
      .where('dispatched_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
  });
});
