import { CompiledQuery, type QueryCreator } from 'kysely';
import { accessPlan } from '../access/access-plan.ts';
import type { CommandContext } from './context.ts';
import { planMemo } from './plan-memo.ts';
import { presentByIdQuery, presentedOrNotFound } from './record-queries.ts';
import type { ResourceSpec } from './resource-spec.ts';
import type { RuntimeTables } from './resource-db.ts';

type Values = Record<string, string | null>;

interface Template {
  compiled: CompiledQuery;
  /** Per parameter, the slot it takes its value from (undefined: the compiled value stays). */
  slots: Array<string | undefined>;
}

const SLOT = '\u0000slot:';
const templates = planMemo<Template>();

/**
 * A write's audit rows and outbox events, and the record read back as the caller sees it, in
 * one statement (inserts in CTEs), compiled once per access plan and shape: the statement is
 * built with a slot in place of every value, and each write fills the slots. Every create and
 * update of a record repeats this statement; building and compiling it was 0.2 ms of a create.
 */
export async function auditEmitAndPresent(
  ctx: CommandContext,
  spec: ResourceSpec,
  audit: Values[],
  events: Values[],
  id: string,
): Promise<Record<string, unknown>> {
  const shape = JSON.stringify([audit.map(Object.keys), events.map(Object.keys)]);
  const template = templates(accessPlan(ctx.access).of(spec), shape, () => {
    const slotted = (rows: Values[], table: string) =>
      rows.map((row, i) => Object.fromEntries(Object.keys(row).map((key) => [key, `${SLOT}${table}.${i}.${key}`])));
    const writes = ctx.trx
      .with('audit', (db) => db.insertInto('audit_log').values(slotted(audit, 'audit') as never))
      .with('outbox', (db) => db.insertInto('outbox_events').values(slotted(events, 'outbox') as never));
    const { sql, parameters } = presentByIdQuery(
      ctx.trx,
      ctx.access,
      spec,
      `${SLOT}id`,
      writes as unknown as QueryCreator<RuntimeTables>,
    ).compile();
    const slots = parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : undefined,
    );
    return { compiled: CompiledQuery.raw(sql, [...parameters]), slots };
  });
  const value = (slot: string): unknown => {
    if (slot === 'id') return id;
    const [table, index, key] = slot.split('.') as [string, string, string];
    return (table === 'audit' ? audit : events)[Number(index)]![key];
  };
  const parameters = template.compiled.parameters.map((p, i) => {
    const slot = template.slots[i];
    return slot === undefined ? p : value(slot);
  });
  const { rows } = await ctx.trx.executeQuery<Record<string, unknown>>({ ...template.compiled, parameters });
  return presentedOrNotFound(spec, id, rows[0]);
}
