import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { hasSystem, loadAccess } from '../access/access-context.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { AppError } from '../errors.ts';
import { errorInfo, silentLogger, type JobLogger } from '../jobs/boss.ts';
import type { OutboxJob } from '../jobs/outbox.ts';
import type { CommandContext } from '../resources/context.ts';
import { runAction } from './actions.ts';
import { notifyUser } from './notify.ts';
import { evaluate } from './conditions.ts';
import type { RuleRow } from './rule-store.ts';
import type { Action, Condition, Trigger } from './rule-schemas.ts';
import type { ActionStep } from './run-schemas.ts';
import { screenEvents, screenRules, type Screened } from './rule-screening.ts';
import { loadSubject } from './subject.ts';

/** A chain of rules triggering rules runs at most this deep; the next run is stopped and logged. */
export const MAX_CHAIN_DEPTH = 5;

export type RunStatus = 'succeeded' | 'skipped' | 'failed' | 'stopped' | 'rate_limited' | 'duplicate';

/** How deep in a chain the event's writer was: 0 for a person, n for a rule run at depth n. */
export function chainDepthOf(payload: Record<string, unknown>): number {
  const depth = (payload.automation as { depth?: unknown } | undefined)?.depth;
  return typeof depth === 'number' && Number.isInteger(depth) && depth > 0 ? depth : 0;
}

const errorOf = (error: unknown) =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: String((error as Error)?.message ?? error).slice(0, 2000) };

/** Who the rule acts as: its service identity if it names one, else its owner, with their grants. */
async function ruleIdentity(trx: Trx, rule: RuleRow, runId: string, depth: number): Promise<CommandContext> {
  const userId = rule.service_user_id ?? rule.owner_id;
  const user = await trx
    .selectFrom('users')
    .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id', 'is_active'])
    .where('tenant_id', '=', rule.tenant_id)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user || !user.is_active)
    throw new AppError('MISSING_GRANT', `the rule's identity ${user?.username ?? userId} is disabled or gone`, {
      missing: 'identity',
    });
  const actor = actorFromUser(user);
  const access = await loadAccess(trx, actor);
  // as for integration channels: a service identity acting in the background needs runBackgroundSync
  if (rule.service_user_id && !hasSystem(access, 'runBackgroundSync'))
    throw new AppError('MISSING_GRANT', `service user ${user.username} lacks the runBackgroundSync permission`, {
      missing: 'runBackgroundSync',
    });
  return {
    actor,
    access,
    trx,
    meta: { requestId: `automation:${runId}`, ip: null, userAgent: 'cairn-automation' },
    automation: { ruleId: rule.id, runId, depth },
  };
}

async function finishRun(trx: Trx, tenantId: string, runId: string, set: Record<string, unknown>) {
  await trx
    .updateTable('automation_runs')
    .set({ ...set, finished_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', runId)
    .execute();
}

interface Outcome {
  evaluation: unknown;
  steps: ActionStep[];
  identityUserId: string | null;
  failure?: { code: string; message: string };
}

/** Writes a run's end; a failure counts towards the rule's streak and may pause it (its owner is told). */
async function recordOutcome(
  trx: Trx,
  rule: RuleRow,
  event: OutboxJob,
  runId: string,
  { evaluation, steps, identityUserId, failure }: Outcome,
  logger: JobLogger,
): Promise<RunStatus> {
  const tenantId = rule.tenant_id;
  const common = {
    conditions: JSON.stringify(evaluation),
    actions: JSON.stringify(steps),
    identity_user_id: identityUserId,
  };
  if (!failure) {
    await finishRun(trx, tenantId, runId, { ...common, status: 'succeeded' });
    if (rule.failure_streak > 0)
      await trx
        .updateTable('automation_rules')
        .set({ failure_streak: 0 })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', rule.id)
        .execute();
    return 'succeeded';
  }
  await finishRun(trx, tenantId, runId, {
    ...common,
    status: 'failed',
    error_code: failure.code,
    error: failure.message,
  });
  const updated = await trx
    .updateTable('automation_rules')
    .set({ failure_streak: sql`failure_streak + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rule.id)
    .returning(['failure_streak', 'max_failures', 'paused_at', 'name', 'owner_id'])
    .executeTakeFirstOrThrow();
  logger.warn(
    { ruleId: rule.id, eventId: event.eventId, code: failure.code, streak: updated.failure_streak },
    'automation rule run failed',
  );
  if (updated.failure_streak >= updated.max_failures && !updated.paused_at) {
    const reason = `paused after ${updated.failure_streak} failed runs in a row; last error: ${failure.message}`.slice(
      0,
      2000,
    );
    await trx
      .updateTable('automation_rules')
      .set({ paused_at: sql<Date>`now()`, paused_reason: reason })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', rule.id)
      .execute();
    await notifyUser(
      { trx, actor: { tenantId } as CommandContext['actor'] },
      {
        userId: updated.owner_id,
        kind: 'automation.paused',
        message: `自动化规则「${updated.name}」已暂停：${reason}`,
        ruleId: rule.id,
      },
    );
    logger.warn({ ruleId: rule.id, streak: updated.failure_streak }, 'automation rule paused');
  }
  return 'failed';
}

/** A rerun of a failed run: the same event, starting at the action that failed. */
export interface Rerun {
  of: string;
  fromStep: number;
  depth: number;
  conditions: unknown;
}

/** Whether the rule already acted `max_runs_per_hour` times in the last hour (the rule row is locked meanwhile). */
async function overRateLimit(trx: Trx, rule: RuleRow, runId: string): Promise<boolean> {
  if (!rule.max_runs_per_hour) return false;
  await trx
    .selectFrom('automation_rules')
    .select('id')
    .where('tenant_id', '=', rule.tenant_id)
    .where('id', '=', rule.id)
    .forUpdate()
    .execute();
  const { n } = await trx
    .selectFrom('automation_runs')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', rule.tenant_id)
    .where('rule_id', '=', rule.id)
    .where('status', 'in', ['succeeded', 'failed'])
    .where('id', '!=', runId)
    .where('started_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return Number(n) >= rule.max_runs_per_hour;
}

/**
 * Runs one rule for one event, in one transaction. The run row is inserted first under the
 * unique (rule, rule version, event) index, so a repeated event (pg-boss delivers at least once,
 * or the same call posted again) finds it and does nothing. Each action runs in its own
 * savepoint: a failed action's writes roll back, the actions before it stand (as a webhook call
 * would anyway) and the run stops there, recorded with each step's input, output, timing and
 * error; a rerun (`rerun`) starts at that action. After `max_failures` failures in a row the
 * rule is paused and its owner notified; a run over `max_runs_per_hour` is kept as rate_limited.
 */
export async function runRule(
  database: Database,
  rule: RuleRow,
  event: OutboxJob,
  logger: JobLogger = silentLogger,
  rerun?: Rerun,
): Promise<{ status: RunStatus; runId?: string }> {
  const tenantId = event.tenantId;
  const depth = rerun?.depth ?? chainDepthOf(event.payload) + 1;
  return withTenant(database.db, tenantId, async (trx) => {
    const runId = newId();
    const inserted = await trx
      .insertInto('automation_runs')
      .values({
        tenant_id: tenantId,
        id: runId,
        rule_id: rule.id,
        rule_version: rule.version,
        event_id: event.eventId,
        topic: event.topic,
        depth,
        status: 'running',
        trigger_payload: JSON.stringify(event.payload),
        rerun_of: rerun?.of ?? null,
        from_step: rerun?.fromStep ?? null,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'rule_id', 'rule_version', 'event_id']).where('rerun_of', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { status: 'duplicate' };
    const done = (status: RunStatus) => ({ status, runId });

    const subject = await loadSubject(trx, tenantId, rule.trigger as Trigger, event.payload);
    if (!subject) {
      await finishRun(trx, tenantId, runId, { status: 'skipped', error: 'the record no longer exists' });
      return done('skipped');
    }
    const evaluation =
      rerun?.conditions ??
      evaluate(rule.conditions as Condition | null, { values: subject.values, before: subject.before });
    if (!(evaluation as { result: boolean }).result) {
      await finishRun(trx, tenantId, runId, { status: 'skipped', conditions: JSON.stringify(evaluation) });
      return done('skipped');
    }

    // the loop guard stops a rule that would act: one that does not match is skipped, as at any depth
    if (depth > MAX_CHAIN_DEPTH) {
      const message = `loop guard: a chain of rules reached depth ${MAX_CHAIN_DEPTH}; this run (depth ${depth}) was stopped`;
      await finishRun(trx, tenantId, runId, {
        status: 'stopped',
        conditions: JSON.stringify(evaluation),
        error_code: 'LOOP_GUARD',
        error: message,
      });
      logger.warn(
        { ruleId: rule.id, eventId: event.eventId, topic: event.topic, depth },
        'automation loop guard stopped a chain',
      );
      return done('stopped');
    }
    if (await overRateLimit(trx, rule, runId)) {
      await finishRun(trx, tenantId, runId, {
        status: 'rate_limited',
        conditions: JSON.stringify(evaluation),
        error_code: 'RATE_LIMITED',
        error: `the rule acted ${rule.max_runs_per_hour} times in the last hour (maxRunsPerHour)`,
      });
      logger.warn({ ruleId: rule.id, eventId: event.eventId }, 'automation rule over its rate limit');
      return done('rate_limited');
    }

    const steps: ActionStep[] = [];
    let failure: { code: string; message: string } | undefined;
    let identityUserId: string | null = null;
    try {
      const ctx = await ruleIdentity(trx, rule, runId, depth);
      identityUserId = ctx.actor.userId;
      for (const [index, action] of (rule.actions as Action[]).entries()) {
        if (index < (rerun?.fromStep ?? 0)) continue;
        const started = new Date();
        const t0 = performance.now();
        await sql`savepoint automation_action`.execute(trx);
        try {
          const output = await runAction(ctx, action, subject, rule, runId, event.topic);
          await sql`release savepoint automation_action`.execute(trx);
          steps.push({
            index,
            type: action.type,
            input: action,
            output,
            startedAt: started.toISOString(),
            durationMs: Math.round(performance.now() - t0),
          });
        } catch (error) {
          await sql`rollback to savepoint automation_action`.execute(trx);
          steps.push({
            index,
            type: action.type,
            input: action,
            startedAt: started.toISOString(),
            durationMs: Math.round(performance.now() - t0),
            error: errorOf(error),
          });
          throw error;
        }
      }
    } catch (error) {
      failure = errorOf(error);
    }
    return done(await recordOutcome(trx, rule, event, runId, { evaluation, steps, identityUserId, failure }, logger));
  });
}

/** Runs the rules screening found matching for one event, each in its own transaction; counts runs by status. */
async function runScreened(database: Database, event: OutboxJob, screened: Screened, logger: JobLogger) {
  const results: Record<string, number> = {};
  if (screened.skipped) results.skipped = screened.skipped;
  if (screened.duplicate) results.duplicate = screened.duplicate;
  for (const rule of screened.acting) {
    let status: RunStatus;
    try {
      ({ status } = await runRule(database, rule, event, logger));
    } catch (error) {
      // the run's own transaction failed (not an action): the job is retried, the run row did not commit
      logger.error({ ruleId: rule.id, eventId: event.eventId, err: errorInfo(error) }, 'automation run crashed');
      throw error;
    }
    results[status] = (results[status] ?? 0) + 1;
  }
  return results;
}

/**
 * One event through the engine: every rule listening to it. The rules that do not match are
 * recorded as skipped together (`screenRules`); each one that matches runs in its own transaction.
 */
export async function runAutomationEvent(database: Database, event: OutboxJob, logger: JobLogger = silentLogger) {
  const screened = await screenRules(database, event, chainDepthOf(event.payload) + 1);
  return runScreened(database, event, screened, logger);
}

/** What became of one event of a batch: its runs by status, or the error that stopped it. */
export type EventOutcome = { results: Record<string, number> } | { error: unknown };

/**
 * The automation queue's handler: a batch of events, each company's screened together in one
 * transaction (`screenEvents`), then the matching rules of each event run as `runAutomationEvent`
 * runs them. If the shared screening fails, each event is screened on its own, so one event's
 * failure stops only that event. Outcomes come in the order of `events`; the once-per-(rule,
 * version, event) index keeps an event that is run again (a retried batch) from acting twice.
 */
export async function runAutomationEvents(
  database: Database,
  events: OutboxJob[],
  logger: JobLogger = silentLogger,
): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = [];
  const tenants = new Map<string, number[]>();
  for (const [i, event] of events.entries()) {
    const indexes = tenants.get(event.tenantId) ?? [];
    tenants.set(event.tenantId, indexes);
    indexes.push(i);
  }
  for (const [tenantId, indexes] of tenants) {
    const batch = indexes.map((i) => ({ event: events[i]!, depth: chainDepthOf(events[i]!.payload) + 1 }));
    let screened: Screened[] | undefined;
    if (batch.length > 1)
      try {
        screened = await screenEvents(database, tenantId, batch);
      } catch (error) {
        logger.warn({ tenantId, events: batch.length, err: errorInfo(error) }, 'automation batch screening failed');
      }
    for (const [j, { event }] of batch.entries())
      try {
        const results = screened
          ? await runScreened(database, event, screened[j]!, logger)
          : await runAutomationEvent(database, event, logger);
        outcomes[indexes[j]!] = { results };
      } catch (error) {
        outcomes[indexes[j]!] = { error };
      }
  }
  return outcomes;
}
