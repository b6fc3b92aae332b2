import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { grantsFor, hasSystem } from '../access/access-context.ts';
import { authorize } from '../access/authorize.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import { evaluate } from './conditions.ts';
import { runRule, type Rerun } from './engine.ts';
import { inboundOf } from './inbound-triggers.ts';
import { triggerSpec } from './rule-fields.ts';
import type { Action, Condition, Trigger } from './rule-schemas.ts';
import { loadRule, loadRun, redactConditions, redactor, requireAutomationAdmin, type RuleRow } from './rule-store.ts';
import { loadSubject } from './subject.ts';
import { ruleHears } from './rule-screening.ts';

export const MANUAL_TOPIC = 'automation.manual';

/**
 * Checks a manual run: a manual rule, enabled and not paused. Any signed-in user may start one on
 * records they may update (the button on a record and on a list selection); the actions then run
 * as the rule's identity. Answers the rule and, per record, what the caller may do with it.
 */
export async function prepareManualRun(ctx: CommandContext, id: string, recordIds: string[]) {
  const rule = await loadRule(ctx, id);
  const trigger = rule.trigger as Trigger;
  if (trigger.type !== 'manual') {
    // only automation admins learn that a rule without a button exists
    if (!hasSystem(ctx.access, 'manageIntegrations')) throw notFound('automationRule', id);
    throw new AppError('RULE_NOT_RUNNABLE', `the rule's trigger is "${trigger.type}", not "manual"`, { ruleId: id });
  }
  if (!rule.enabled || rule.paused_at)
    throw new AppError('RULE_NOT_RUNNABLE', 'the rule is disabled or paused; enable it first', { ruleId: id });
  const spec = triggerSpec(trigger)!;
  const access = new Map<string, RecordAccess>();
  for (const recordId of new Set(recordIds)) {
    try {
      await authorize(ctx.trx, ctx.access, spec, 'update', { id: recordId });
      access.set(recordId, 'ok');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      access.set(recordId, error.code === 'NOT_FOUND' ? 'not_found' : 'forbidden');
    }
  }
  return { rule, access };
}

/** Whether the caller may start a manual rule on a record: yes, not there for them, or read-only. */
export type RecordAccess = 'ok' | 'not_found' | 'forbidden';

/**
 * The manual rules a user may start on records of a type, by name: enabled, not paused, and none
 * for a user who may not update that type of record.
 */
export async function manualRulesFor(ctx: CommandContext, object: string) {
  if (!grantsFor(ctx.access, object, 'update').length) return [];
  const rows = await ctx.trx
    .selectFrom('automation_rules')
    .select(['id', 'name'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('deleted_at', 'is', null)
    .where('enabled', '=', true)
    .where('paused_at', 'is', null)
    .where('trigger_topic', '=', MANUAL_TOPIC)
    .where(sql<string>`trigger->>'object'`, '=', object)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, object }));
}

/** Runs a manual rule on each record, each in its own transaction, as the rule's identity. */
export async function runManual(
  database: Database,
  rule: RuleRow,
  access: Map<string, RecordAccess>,
  userId: string,
): Promise<Array<{ recordId: string; runId: string | null; status: string }>> {
  const out = [];
  for (const [recordId, allowed] of access) {
    if (allowed !== 'ok') {
      out.push({ recordId, runId: null, status: allowed });
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
  const { rule, run } = await loadRun(ctx, ruleId, runId);
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
 * inbound triggers: the outbox; schedule, relative-time and manual triggers: the events of its own
 * runs), with the records as they are now. Reads only.
 */
export async function dryRun(ctx: CommandContext, id: string, limit: number) {
  requireAutomationAdmin(ctx);
  const rule = await loadRule(ctx, id);
  const trigger = rule.trigger as Trigger;
  type Ev = { eventId: string; occurredAt: Date; payload: Record<string, unknown> };
  let events: Ev[];
  if (trigger.type === 'record' || inboundOf(trigger)) {
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
