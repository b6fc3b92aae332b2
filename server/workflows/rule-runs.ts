import { newId } from '../../common/ids.ts';
import { authorize } from '../access/authorize.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { evaluate } from './conditions.ts';
import { ruleHears, runRule, type Rerun } from './engine.ts';
import { triggerSpec } from './rule-fields.ts';
import type { Action, Condition, Trigger } from './rule-schemas.ts';
import { loadRule, redactConditions, redactor, requireAutomationAdmin, type RuleRow } from './rule-store.ts';
import { loadSubject } from './subject.ts';

export const MANUAL_TOPIC = 'automation.manual';

/**
 * Checks a manual run: a manual rule, enabled and not paused, and records the caller may read.
 * Answers the rule and, per record, whether it is there for the caller.
 */
export async function prepareManualRun(ctx: CommandContext, id: string, recordIds: string[]) {
  requireAutomationAdmin(ctx);
  const rule = await loadRule(ctx, id);
  const trigger = rule.trigger as Trigger;
  if (trigger.type !== 'manual')
    throw new AppError('RULE_NOT_RUNNABLE', `the rule's trigger is "${trigger.type}", not "manual"`, { ruleId: id });
  if (!rule.enabled || rule.paused_at)
    throw new AppError('RULE_NOT_RUNNABLE', 'the rule is disabled or paused; enable it first', { ruleId: id });
  const spec = triggerSpec(trigger)!;
  const readable = new Map<string, boolean>();
  for (const recordId of new Set(recordIds)) {
    try {
      await authorize(ctx.trx, ctx.access, spec, 'read', { id: recordId });
      readable.set(recordId, true);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      readable.set(recordId, false);
    }
  }
  return { rule, readable };
}

/** Runs a manual rule on each record, each in its own transaction, as the rule's identity. */
export async function runManual(
  database: Database,
  rule: RuleRow,
  readable: Map<string, boolean>,
  userId: string,
): Promise<Array<{ recordId: string; runId: string | null; status: string }>> {
  const out = [];
  for (const [recordId, ok] of readable) {
    if (!ok) {
      out.push({ recordId, runId: null, status: 'not_found' });
      continue;
    }
    const result = await runRule(database, rule, {
      tenantId: rule.tenant_id,
      eventId: newId(),
      topic: MANUAL_TOPIC,
      createdAt: new Date().toISOString(),
      payload: { id: recordId, manual: { userId } },
    });
    out.push({ recordId, runId: result.runId ?? null, status: result.status });
  }
  return out;
}

/** What a rerun needs: the failed run's event, its depth and conditions, and the step that failed. */
export async function prepareRerun(ctx: CommandContext, ruleId: string, runId: string) {
  requireAutomationAdmin(ctx);
  const rule = await loadRule(ctx, ruleId);
  const run = await ctx.trx
    .selectFrom('automation_runs')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('rule_id', '=', ruleId)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw notFound('automationRun', runId);
  if (run.status !== 'failed')
    throw new AppError('RUN_NOT_FAILED', `only a failed run is rerun; this one is ${run.status}`, {
      runId,
      status: run.status,
    });
  const steps = run.actions as Array<{ index: number; error?: unknown }>;
  const fromStep = steps.find((s) => s.error)?.index ?? run.from_step ?? 0;
  const rerun: Rerun = { of: run.id, fromStep, depth: run.depth, conditions: run.conditions };
  const event = {
    tenantId: run.tenant_id,
    eventId: run.event_id,
    topic: run.topic,
    createdAt: run.started_at.toISOString(),
    payload: run.trigger_payload as Record<string, unknown>,
  };
  return { rule, event, rerun };
}

/**
 * A dry run: the rule's conditions against the last `limit` events its trigger heard (record and
 * call triggers: the outbox; schedule, relative-time and manual triggers: the events of its own
 * runs), with the records as they are now. Reads only.
 */
export async function dryRun(ctx: CommandContext, id: string, limit: number) {
  requireAutomationAdmin(ctx);
  const rule = await loadRule(ctx, id);
  const trigger = rule.trigger as Trigger;
  type Ev = { eventId: string; occurredAt: Date; payload: Record<string, unknown> };
  let events: Ev[];
  if (trigger.type === 'record' || trigger.type === 'call') {
    const rows = await ctx.trx
      .selectFrom('outbox_events')
      .select(['id', 'payload', 'created_at'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('topic', '=', rule.trigger_topic)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit * 5)
      .execute();
    events = rows
      .filter((r) => ruleHears(rule, r.payload as Record<string, unknown>))
      .slice(0, limit)
      .map((r) => ({ eventId: r.id, occurredAt: r.created_at, payload: r.payload as Record<string, unknown> }));
  } else {
    const rows = await ctx.trx
      .selectFrom('automation_runs')
      .select(['event_id', 'trigger_payload', 'started_at'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('rule_id', '=', id)
      .where('rerun_of', 'is', null)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    events = rows.map((r) => ({
      eventId: r.event_id,
      occurredAt: r.started_at,
      payload: r.trigger_payload as Record<string, unknown>,
    }));
  }
  const actions = (rule.actions as Action[]).map((a) => ({ type: a.type, input: a }));
  const redact = redactor(ctx, trigger);
  const results = [];
  for (const e of events) {
    const subject = await loadSubject(ctx.trx, ctx.actor.tenantId, trigger, e.payload);
    const conditions = subject
      ? evaluate(rule.conditions as Condition | null, { values: subject.values, before: subject.before })
      : null;
    results.push({
      eventId: e.eventId,
      occurredAt: e.occurredAt.toISOString(),
      recordId: subject?.recordId || null,
      matched: Boolean(conditions?.result),
      conditions: conditions && redactConditions(conditions, redact),
      actions: conditions?.result ? actions : [],
    });
  }
  return { ruleId: rule.id, version: rule.version, evaluated: results.length, results };
}
