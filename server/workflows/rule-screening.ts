import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import type { OutboxJob } from '../jobs/outbox.ts';
import { evaluate } from './conditions.ts';
import { inboundOf } from './inbound-triggers.ts';
import type { RuleRow } from './rule-store.ts';
import type { Condition, Trigger } from './rule-schemas.ts';
import { loadSubjects, type Subject } from './subject.ts';

/** The enabled, unpaused rules of a company listening to any of `topics`, oldest first. */
async function listeningRules(trx: Trx, tenantId: string, topics: string[]): Promise<RuleRow[]> {
  return trx
    .selectFrom('automation_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('trigger_topic', 'in', topics)
    .where('enabled', '=', true)
    .where('deleted_at', 'is', null)
    .where('paused_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

/** Of a company's listening rules, those that hear `event`: its topic, and existing when it happened. */
function rulesHearing(rules: RuleRow[], event: OutboxJob): RuleRow[] {
  const at = Date.parse(event.createdAt);
  // a rule hears what happens from its creation on, not events that were still queued when it was saved
  return rules.filter(
    (rule) => rule.trigger_topic === event.topic && rule.created_at.getTime() <= at && ruleHears(rule, event.payload),
  );
}

/**
 * The enabled, unpaused rules listening to an event's topic (and, for updates, to one of its
 * changed fields) that existed when the event happened.
 */
export async function rulesFor(trx: Trx, event: OutboxJob): Promise<RuleRow[]> {
  return rulesHearing(await listeningRules(trx, event.tenantId, [event.topic]), event);
}

/**
 * Whether a rule hears an event of its topic: a record trigger with `fields` only when one of
 * them changed; an inbound trigger as it says (an intake trigger's channel).
 */
export function ruleHears(rule: RuleRow, payload: Record<string, unknown>): boolean {
  const hears = inboundOf(rule.trigger as Trigger)?.hears;
  if (hears) return hears(rule.trigger as Trigger, payload);
  const changed = Array.isArray(payload.fields) ? (payload.fields as string[]) : undefined;
  const watched = (rule.trigger as Trigger & { fields?: string[] }).fields;
  if (!watched || !changed) return true;
  const flat = changed.includes('custom')
    ? [...changed, ...Object.keys((payload.before as { custom?: object })?.custom ?? {}).map((k) => `custom.${k}`)]
    : changed;
  return watched.some((f) => flat.includes(f));
}

/** Rules that hear one trigger read the same subject: one read per kind of subject. */
const subjectKey = (trigger: Trigger) =>
  [trigger.type, 'object' in trigger ? trigger.object : '', 'on' in trigger && trigger.on === 'deleted'].join(':');

/** An event to screen, with the chain depth its runs would have. */
export interface ScreeningEvent {
  event: OutboxJob;
  depth: number;
}

/** What screening left of an event: the rules that match, and how many skipped runs it recorded or found. */
export interface Screened {
  acting: RuleRow[];
  skipped: number;
  duplicate: number;
}

interface SkippedRun {
  /** Index of the event in the batch. */
  at: number;
  rule: RuleRow;
  /** Each condition's result (`evaluate`). */
  conditions: unknown;
  error: string | null;
}

/** Skipped runs per insert (a batch of 20 events and 50 rules is 1000). */
const SKIPPED_PER_INSERT = 2000;

/**
 * Records skipped runs under the once-per-(rule, version, event) index (a repeat inserts nothing)
 * and answers how many each event inserted. The rows travel as two JSON documents, the runs and
 * the events (each event's payload once): the statement's text does not depend on how many rows
 * it carries, and the conditions' results are not escaped twice (as elements of an array literal).
 */
async function insertSkippedRuns(trx: Trx, tenantId: string, batch: ScreeningEvent[], runs: SkippedRun[]) {
  const inserted = batch.map(() => 0);
  // an event twice in a batch: its first copy inserts, the second finds those rows (duplicates)
  const eventIndex = new Map<string, number>();
  for (const [i, { event }] of batch.entries()) if (!eventIndex.has(event.eventId)) eventIndex.set(event.eventId, i);
  const events = JSON.stringify(
    batch.map(({ event, depth }, at) => ({
      at,
      event_id: event.eventId,
      topic: event.topic,
      depth,
      payload: event.payload,
    })),
  );
  for (let from = 0; from < runs.length; from += SKIPPED_PER_INSERT) {
    const chunk = runs.slice(from, from + SKIPPED_PER_INSERT);
    const runRows = chunk.map((r) => ({
      id: newId(),
      rule_id: r.rule.id,
      rule_version: r.rule.version,
      at: r.at,
      conditions: r.conditions,
      error: r.error,
    }));
    const { rows } = await sql<{ event_id: string }>`
      insert into automation_runs
        (tenant_id, id, rule_id, rule_version, event_id, topic, depth, status, trigger_payload, conditions, error, finished_at)
      select ${tenantId}::uuid, r.id, r.rule_id, r.rule_version, e.event_id, e.topic, e.depth, 'skipped', e.payload,
        r.conditions, r.error, now()
      from jsonb_to_recordset(${JSON.stringify(runRows)}::jsonb)
        as r(id uuid, rule_id uuid, rule_version int, at int, conditions jsonb, error text)
      join jsonb_to_recordset(${events}::jsonb)
        as e(at int, event_id uuid, topic text, depth int, payload jsonb) on e.at = r.at
      on conflict (tenant_id, rule_id, rule_version, event_id) where rerun_of is null do nothing
      returning event_id`.execute(trx);
    for (const row of rows) {
      const at = eventIndex.get(row.event_id)!;
      inserted[at] = inserted[at]! + 1;
    }
  }
  return inserted;
}

/**
 * The first pass over a company's events and the rules listening to them, in one transaction: the
 * rules are read once, each kind of subject once for all the events that need it (`loadSubjects`),
 * and every rule's conditions evaluated on its event's subject. A rule that does not match (or whose record is gone) gets its `skipped` run,
 * with each condition's result, all of them in one insert under the same once-per-(rule, version,
 * event) index as a full run, so a repeated event records nothing twice. The rules that match are
 * returned per event: each then runs in a transaction of its own (`runRule`), which evaluates them
 * again on what it reads itself.
 */
export async function screenEvents(database: Database, tenantId: string, batch: ScreeningEvent[]): Promise<Screened[]> {
  return withTenant(database.db, tenantId, async (trx) => {
    const rules = await listeningRules(trx, tenantId, [...new Set(batch.map(({ event }) => event.topic))]);
    const hearing = batch.map(({ event }) => rulesHearing(rules, event));
    // each kind of subject is read once for all the events whose rules need it
    const subjects = new Map<string, Map<number, Subject | undefined>>();
    for (const [at, heard] of hearing.entries())
      for (const rule of heard) {
        const key = subjectKey(rule.trigger as Trigger);
        const events = subjects.get(key) ?? new Map<number, Subject | undefined>();
        subjects.set(key, events);
        events.set(at, undefined);
      }
    for (const [key, events] of subjects) {
      const trigger = rules.find((rule) => subjectKey(rule.trigger as Trigger) === key)!.trigger as Trigger;
      const ats = [...events.keys()];
      const loaded = await loadSubjects(
        trx,
        tenantId,
        trigger,
        ats.map((at) => batch[at]!.event.payload),
      );
      for (const [i, at] of ats.entries()) events.set(at, loaded[i]);
    }
    const skipped: SkippedRun[] = [];
    const acting = batch.map(() => [] as RuleRow[]);
    for (const [at, heard] of hearing.entries())
      for (const rule of heard) {
        const subject = subjects.get(subjectKey(rule.trigger as Trigger))!.get(at);
        if (!subject) {
          skipped.push({ at, rule, conditions: null, error: 'the record no longer exists' });
          continue;
        }
        const evaluation = evaluate(rule.conditions as Condition | null, {
          values: subject.values,
          before: subject.before,
        });
        if (evaluation.result) acting[at]!.push(rule);
        else skipped.push({ at, rule, conditions: evaluation, error: null });
      }
    const inserted = skipped.length ? await insertSkippedRuns(trx, tenantId, batch, skipped) : batch.map(() => 0);
    const tried = batch.map(() => 0);
    for (const { at } of skipped) tried[at] = tried[at]! + 1;
    return batch.map((_, at) => ({
      acting: acting[at]!,
      skipped: inserted[at]!,
      duplicate: tried[at]! - inserted[at]!,
    }));
  });
}

/** `screenEvents` for one event. */
export async function screenRules(database: Database, event: OutboxJob, depth: number): Promise<Screened> {
  const [screened] = await screenEvents(database, event.tenantId, [{ event, depth }]);
  return screened!;
}
