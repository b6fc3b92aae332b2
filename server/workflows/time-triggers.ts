import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { timeZoneOf } from '../../common/time-zone.ts';
import { addDays, localDate, zonedInstant } from '../../common/working-calendar.ts';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { silentLogger, type JobLogger } from '../jobs/boss.ts';
import { lastSlot } from '../integration/pull/pull-config.ts';
import { resourceDb } from '../resources/resource-db.ts';
import { runRule } from './engine.ts';
import { triggerSpec } from './rule-fields.ts';
import type { Trigger } from './rule-schemas.ts';
import type { RuleRow } from './rule-store.ts';

/**
 * Schedule and relative-time triggers, evaluated by the `automation.tick` job (every minute,
 * fired once across instances by pg-boss). Each run's event id is derived from what it is for —
 * (rule, version, slot) for a schedule, (rule, version, record, due time) for a relative-time
 * rule — so the run's once-per-event key makes a slot or a due date run at most once, however
 * many instances or ticks see it. A rule hears slots and due times from its last save on (not
 * the history before it), and at most a day back after downtime.
 */
export const SCHEDULE_TOPIC = 'automation.schedule';
export const RELATIVE_TOPIC = 'automation.relative';
const LOOKBACK_MS = 24 * 3600_000;

export function derivedEventId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function timeRules(database: Database, topic: string, tenantId?: string) {
  return asSystem(database.db, (trx) =>
    trx
      .selectFrom('automation_rules as r')
      .innerJoin('tenants as t', 't.id', 'r.tenant_id')
      .selectAll('r')
      .select('t.settings')
      .where('r.trigger_topic', '=', topic)
      .where('r.enabled', '=', true)
      .where('r.deleted_at', 'is', null)
      .where('r.paused_at', 'is', null)
      .$if(Boolean(tenantId), (q) => q.where('r.tenant_id', '=', tenantId!))
      .execute(),
  );
}

const since = (rule: RuleRow, now: Date) => Math.max(rule.updated_at.getTime(), now.getTime() - LOOKBACK_MS);

/** Runs every schedule rule whose latest slot (in its company's time zone) is due and not yet run. */
export async function tickSchedules(
  database: Database,
  now = new Date(),
  opts: { tenantId?: string; logger?: JobLogger } = {},
) {
  let ran = 0;
  for (const rule of await timeRules(database, SCHEDULE_TOPIC, opts.tenantId)) {
    const trigger = rule.trigger as Extract<Trigger, { type: 'schedule' }>;
    const slot = lastSlot(trigger.cron, timeZoneOf(rule.settings), now);
    if (!slot || slot.getTime() < since(rule, now)) continue;
    const { status } = await runRule(
      database,
      rule,
      {
        tenantId: rule.tenant_id,
        eventId: derivedEventId('schedule', rule.id, String(rule.version), slot.toISOString()),
        topic: SCHEDULE_TOPIC,
        createdAt: now.toISOString(),
        payload: { slot: slot.toISOString(), firedAt: now.toISOString() },
      },
      opts.logger ?? silentLogger,
    );
    if (status !== 'duplicate') ran++;
  }
  return ran;
}

/**
 * Runs every relative-time rule on the records whose due time — the date field's calendar date
 * in the company's zone, plus offsetDays, at `at` — fell between the rule's last save (or a day
 * ago) and now, once per (rule version, record, due time).
 */
export async function tickRelative(
  database: Database,
  now = new Date(),
  opts: { tenantId?: string; logger?: JobLogger } = {},
) {
  let ran = 0;
  for (const rule of await timeRules(database, RELATIVE_TOPIC, opts.tenantId)) {
    const trigger = rule.trigger as Extract<Trigger, { type: 'relative' }>;
    const spec = triggerSpec(trigger);
    const field = spec?.fields[trigger.field];
    if (!spec || !field?.column) continue;
    const tz = timeZoneOf(rule.settings);
    const from = since(rule, now);
    // the field dates whose due time can fall in the window, a day wider on each side
    const first = addDays(localDate(new Date(from), tz), -trigger.offsetDays - 1);
    const last = addDays(localDate(now, tz), -trigger.offsetDays + 1);
    const column = sql.ref(field.column);
    const local = field.kind === 'date' ? sql`${column}` : sql`(${column} at time zone ${tz})::date`;
    const rows = await withTenant(database.db, rule.tenant_id, async (trx) => {
      const found = (await resourceDb(trx)
        .selectFrom(spec.table)
        .select(['id', sql<string>`to_char(${local}, 'YYYY-MM-DD')`.as('local_date')])
        .where('tenant_id', '=', rule.tenant_id)
        .where('deleted_at', 'is', null)
        .where(sql<boolean>`${local} between ${first}::date and ${last}::date`)
        .execute()) as Array<{ id: string; local_date: string }>;
      const due = found
        .map((r) => ({ id: r.id, due: zonedInstant(addDays(r.local_date, trigger.offsetDays), trigger.at, tz) }))
        .filter((r) => r.due.getTime() > from && r.due.getTime() <= now.getTime())
        .map((r) => ({
          ...r,
          eventId: derivedEventId('relative', rule.id, String(rule.version), r.id, r.due.toISOString()),
        }));
      if (due.length === 0) return [];
      const done = await trx
        .selectFrom('automation_runs')
        .select('event_id')
        .where('tenant_id', '=', rule.tenant_id)
        .where('rule_id', '=', rule.id)
        .where(
          'event_id',
          'in',
          due.map((d) => d.eventId),
        )
        .execute();
      const seen = new Set(done.map((d) => d.event_id));
      return due.filter((d) => !seen.has(d.eventId));
    });
    for (const r of rows) {
      const { status } = await runRule(
        database,
        rule,
        {
          tenantId: rule.tenant_id,
          eventId: r.eventId,
          topic: RELATIVE_TOPIC,
          createdAt: now.toISOString(),
          payload: { id: r.id, due: r.due.toISOString(), field: trigger.field, offsetDays: trigger.offsetDays },
        },
        opts.logger ?? silentLogger,
      );
      if (status !== 'duplicate') ran++;
    }
  }
  return ran;
}
