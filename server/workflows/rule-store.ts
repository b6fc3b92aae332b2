import { sql, type Selectable } from 'kysely';
import { newId } from '../../common/ids.ts';
import { hasSystem } from '../access/access-context.ts';
import { writeAudit, type FieldChanges } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound, versionConflict } from '../errors.ts';
import type { CommandContext } from '../resources/context.ts';
import type { Action, Condition, RuleCreate, RuleOutput, RuleUpdate, Trigger } from './rule-schemas.ts';
import type { RunOutput } from './run-schemas.ts';
import { checkRule, topicOf } from './rule-validation.ts';
import { maskPhone } from '../../common/phone.ts';
import { accessPlan } from '../access/access-plan.ts';
import { inboundOf } from './inbound-triggers.ts';
import { triggerSpec } from './rule-fields.ts';
import { webhookSecretFor } from './webhook-deliveries.ts';

export type RuleRow = Selectable<DB['automation_rules']>;
type RunRow = Selectable<DB['automation_runs']>;

/** Automation rules are integration settings, like lead-assignment rules: manageIntegrations. */
export function requireAutomationAdmin(ctx: CommandContext) {
  if (!hasSystem(ctx.access, 'manageIntegrations'))
    throw new AppError('MISSING_GRANT', 'managing automation rules needs the manageIntegrations permission', {
      missing: 'manageIntegrations',
    });
}

export function presentRule(row: RuleRow): RuleOutput {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    serviceUserId: row.service_user_id,
    enabled: row.enabled,
    version: row.version,
    trigger: row.trigger as Trigger,
    conditions: (row.conditions ?? null) as Condition | null,
    actions: row.actions as Action[],
    maxFailures: row.max_failures,
    maxRunsPerHour: row.max_runs_per_hour,
    failureStreak: row.failure_streak,
    pausedAt: row.paused_at?.toISOString() ?? null,
    pausedReason: row.paused_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentRun(row: RunRow): RunOutput {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    eventId: row.event_id,
    topic: row.topic,
    depth: row.depth,
    status: row.status as RunOutput['status'],
    triggerPayload: row.trigger_payload,
    conditions: (row.conditions ?? null) as RunOutput['conditions'],
    actions: row.actions as RunOutput['actions'],
    errorCode: row.error_code,
    error: row.error,
    identityUserId: row.identity_user_id,
    rerunOf: row.rerun_of,
    fromStep: row.from_step,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function listRules(ctx: CommandContext): Promise<RuleOutput[]> {
  requireAutomationAdmin(ctx);
  const rows = await ctx.trx
    .selectFrom('automation_rules')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentRule);
}

export async function loadRule(ctx: CommandContext, id: string, lock = false): Promise<RuleRow> {
  const row = await ctx.trx
    .selectFrom('automation_rules')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) throw notFound('automationRule', id);
  return row;
}

export async function getRule(ctx: CommandContext, id: string) {
  requireAutomationAdmin(ctx);
  return presentRule(await loadRule(ctx, id));
}

export async function createRule(ctx: CommandContext, input: RuleCreate): Promise<RuleOutput> {
  requireAutomationAdmin(ctx);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  await checkRule(ctx, {
    ...input,
    conditions: input.conditions ?? null,
    serviceUserId: input.serviceUserId ?? null,
    ownerId,
  });
  const secret = await webhookSecretFor(ctx.trx, ctx.actor.tenantId, null, input.actions);
  const row = await ctx.trx
    .insertInto('automation_rules')
    .values({
      id: newId(),
      max_runs_per_hour: input.maxRunsPerHour ?? null,
      webhook_secret_sealed: secret.sealed,
      tenant_id: ctx.actor.tenantId,
      name: input.name,
      owner_id: ownerId,
      service_user_id: input.serviceUserId ?? null,
      enabled: input.enabled,
      trigger: JSON.stringify(input.trigger),
      trigger_topic: topicOf(input.trigger),
      conditions: input.conditions ? JSON.stringify(input.conditions) : null,
      actions: JSON.stringify(input.actions),
      max_failures: input.maxFailures,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const presented = presentRule(row);
  const keys = ['name', 'trigger', 'conditions', 'actions', 'enabled', 'ownerId', 'serviceUserId'] as const;
  await writeAudit(ctx, [
    {
      action: 'create',
      recordType: 'automationRule',
      recordId: row.id,
      changes: Object.fromEntries(keys.map((k) => [k, { before: null, after: presented[k] }])),
    },
  ]);
  return secret.secret ? { ...presented, webhookSecret: secret.secret } : presented;
}

/** Edits a rule; every edit bumps its version (runs are keyed by it). Enabling a paused rule resumes it. */
export async function updateRule(ctx: CommandContext, id: string, input: RuleUpdate): Promise<RuleOutput> {
  requireAutomationAdmin(ctx);
  const existing = await loadRule(ctx, id, true);
  if (input.version !== existing.version) throw versionConflict('automationRule', id, existing.version);
  const before = presentRule(existing);
  const next = {
    trigger: input.trigger ?? before.trigger,
    conditions: input.conditions === undefined ? before.conditions : input.conditions,
    actions: input.actions ?? before.actions,
    ownerId: input.ownerId ?? before.ownerId,
    serviceUserId: input.serviceUserId === undefined ? before.serviceUserId : input.serviceUserId,
  };
  await checkRule(ctx, next);
  const secret = await webhookSecretFor(ctx.trx, ctx.actor.tenantId, existing.webhook_secret_sealed, next.actions);
  const resume = input.enabled === true && (existing.paused_at !== null || !existing.enabled);
  const row = await ctx.trx
    .updateTable('automation_rules')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.maxFailures !== undefined ? { max_failures: input.maxFailures } : {}),
      ...(input.maxRunsPerHour !== undefined ? { max_runs_per_hour: input.maxRunsPerHour } : {}),
      webhook_secret_sealed: secret.sealed,
      ...(resume ? { paused_at: null, paused_reason: null, failure_streak: 0 } : {}),
      trigger: JSON.stringify(next.trigger),
      trigger_topic: topicOf(next.trigger),
      conditions: next.conditions ? JSON.stringify(next.conditions) : null,
      actions: JSON.stringify(next.actions),
      owner_id: next.ownerId,
      service_user_id: next.serviceUserId,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = presentRule(row);
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof RuleOutput)[])
    if (key !== 'updatedAt' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { before: before[key], after: after[key] };
  await writeAudit(ctx, [{ action: 'update', recordType: 'automationRule', recordId: id, changes }]);
  return secret.secret ? { ...after, webhookSecret: secret.secret } : after;
}

export async function deleteRule(ctx: CommandContext, id: string): Promise<void> {
  requireAutomationAdmin(ctx);
  await loadRule(ctx, id, true);
  await ctx.trx
    .updateTable('automation_rules')
    .set({
      deleted_at: sql`now()`,
      enabled: false,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      updated_by: ctx.actor.userId,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .execute();
  await writeAudit(ctx, [
    {
      action: 'delete',
      recordType: 'automationRule',
      recordId: id,
      changes: { deleted: { before: false, after: true } },
    },
  ]);
}

/**
 * The values a run saw, as the caller may see them: a field of the trigger record the caller does
 * not see in full is masked (`***`) or left out (hidden), as in the audit log; call numbers are
 * (and other inbound phone fields) masked. Ids, field names and the rule's own configuration are shown as stored.
 */
export function redactor(ctx: CommandContext, trigger: Trigger) {
  if (trigger.type === 'schedule') return (_field: string, v: unknown) => v;
  const inbound = inboundOf(trigger);
  if (inbound)
    return (field: string, v: unknown) => (inbound.phones.includes(field) && typeof v === 'string' ? maskPhone(v) : v);
  const spec = triggerSpec(trigger);
  const plan = spec ? accessPlan(ctx.access).of(spec) : undefined;
  return (field: string, v: unknown) => {
    const view = plan?.view(field) ?? 'hidden';
    return view === 'visible' ? v : view === 'masked' ? '***' : undefined;
  };
}

function redactRun(run: RunOutput, redact: (field: string, v: unknown) => unknown): RunOutput {
  const payload = run.triggerPayload as Record<string, unknown> | null;
  const values = (key: 'before' | 'after') => {
    const v = payload?.[key] as Record<string, unknown> | undefined;
    if (!v) return {};
    const kept = Object.entries(v)
      .map(([k, value]) => [k, redact(k, value)] as const)
      .filter(([, value]) => value !== undefined);
    return { [key]: Object.fromEntries(kept) };
  };
  return {
    ...run,
    triggerPayload: payload && { ...payload, ...values('before'), ...values('after') },
    conditions: run.conditions && redactConditions(run.conditions, redact),
  };
}

/** Condition results with each leaf's value as the reader may see it. */
export function redactConditions(
  conditions: NonNullable<RunOutput['conditions']>,
  redact: (field: string, v: unknown) => unknown,
): NonNullable<RunOutput['conditions']> {
  return {
    result: conditions.result,
    steps: conditions.steps.map((s) => {
      if (!s.field || !('actual' in s)) return s;
      const actual = redact(s.field, s.actual);
      const { actual: _dropped, ...rest } = s;
      return actual === undefined ? rest : { ...rest, actual };
    }),
  };
}

/** A rule (live) and one of its runs as stored; 404 naming whichever is not there. */
export async function loadRun(ctx: CommandContext, ruleId: string, runId: string) {
  const rule = await loadRule(ctx, ruleId);
  const run = await ctx.trx
    .selectFrom('automation_runs')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('rule_id', '=', ruleId)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw notFound('automationRun', runId);
  return { rule, run };
}

/** One run as the caller may see it. */
export async function getRun(ctx: CommandContext, ruleId: string, runId: string): Promise<RunOutput> {
  const { rule, run } = await loadRun(ctx, ruleId, runId);
  return redactRun(presentRun(run), redactor(ctx, rule.trigger as Trigger));
}

/** A rule's runs, newest first. */

export async function listRuns(ctx: CommandContext, id: string, opts: { status?: string; limit: number }) {
  requireAutomationAdmin(ctx);
  const rule = await loadRule(ctx, id);
  const redact = redactor(ctx, rule.trigger as Trigger);
  const rows = await ctx.trx
    .selectFrom('automation_runs')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('rule_id', '=', id)
    .$if(Boolean(opts.status), (q) => q.where('status', '=', opts.status!))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
  return rows.map((row) => redactRun(presentRun(row), redact));
}
