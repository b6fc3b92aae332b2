import { sql, type Selectable } from 'kysely';
import { newId } from '../../common/ids.ts';
import { activeRules } from '../assignment/assign-customer.ts';
import { assignInserted } from '../assignment/assign-inserted.ts';
import type { DB } from '../db/schema.ts';
import type { CommandContext } from '../resources/context.ts';
import { createRecords, type CreateDraft } from '../resources/create-many.ts';
import { withChain } from '../resources/record-commands.ts';
import { getResource } from '../resources/registry.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type Trx } from '../db/tenant-transaction.ts';
import { channelTargets, type ChannelRow } from './channel-store.ts';
import { mappingError, matchKeysOf, type ApplyMemo, type IntakeError, type MatchKeys } from './intake-apply.ts';
import { applyMapping, type MappingRule } from './mapping.ts';
import {
  applyLockedIn,
  identityOf,
  markChannelSuccess,
  recordFailure,
  runIntakeBatchPerRecord,
  type Identities,
  type JobOutcome,
  type ProcessOptions,
} from './intake-process.ts';

/**
 * Set-based apply of many queued records of one company (a file import's batch, a batch of queue
 * jobs), in one transaction:
 * - the records are locked by one statement, and a record named twice in the batch (a repeated
 *   job) is applied once: the same guard as one job's (queued at the job's attempt);
 * - the channel, its service identity, the custom field targets and the assignment rules are
 *   loaded once;
 * - the matching customers of the whole batch come from one statement per match key
 *   (`MatchIndex`), instead of two per record;
 * - the outcomes are written by one statement at the end.
 * The record commands (field rules, duplicate checks, audit, outbox, provenance, assignment) run
 * per record as before. When any record fails, the transaction is rolled back and the batch runs
 * again with one savepoint per record (`runIntakeBatchPerRecord`), so one bad record never sinks
 * the others and each failure is counted exactly as a queue job's would be.
 */
export async function runIntakeBatch(
  database: Database,
  tenantId: string,
  records: Array<{ intakeId: string; attempt: number }>,
  opts: ProcessOptions = {},
): Promise<JobOutcome[]> {
  if (records.length === 0) return [];
  let done: Awaited<ReturnType<typeof applySetBased>>;
  try {
    done = await withTenant(database.db, tenantId, (trx) => applySetBased(trx, tenantId, records, opts));
  } catch {
    // nothing of the batch was written: again, each record on its own savepoint
    return runIntakeBatchPerRecord(database, tenantId, records, opts);
  }
  // records whose payload the mapping refuses were left out of the transaction; counted now
  for (const { index, error } of done.failures)
    done.outcomes[index] = await recordFailure(database, { tenantId, ...records[index]! }, error, opts.schedule);
  return done.outcomes;
}

async function applySetBased(
  trx: Trx,
  tenantId: string,
  records: Array<{ intakeId: string; attempt: number }>,
  opts: ProcessOptions,
): Promise<{ outcomes: JobOutcome[]; failures: Array<{ index: number; error: IntakeError }> }> {
  const locked = await trx
    .selectFrom('intake_records')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(records.map((r) => r.intakeId))])
    .orderBy('id')
    .forUpdate()
    .execute();
  const rows = new Map(locked.map((r) => [r.id, r]));
  const shared: Identities = new Map();
  const memo: ApplyMemo = {};
  const wanted: Array<{ channel: ChannelRow; keys: MatchKeys }> = [];
  const refused = new Map<string, IntakeError>();
  for (const record of records) {
    const row = rows.get(record.intakeId);
    if (!row || row.status !== 'queued' || row.attempts !== record.attempt) continue;
    const { channel } = await identityOf(trx, tenantId, row, shared);
    memo.targets ??= await channelTargets(trx, tenantId);
    const mapped = applyMapping(channel.mapping as unknown as MappingRule[], memo.targets, row.payload);
    if (mapped.errors.length === 0) wanted.push({ channel, keys: matchKeysOf(mapped.values, mapped.externalId) });
    // the error applyIntake would throw (no retry cures it), without rolling back the batch
    else refused.set(row.id, mappingError(mapped.errors));
  }
  const index = await MatchIndex.load(trx, tenantId, wanted);
  memo.lookup = (channel, keys) => index.lookup(channel, keys);
  memo.touched = (id) => index.touched(id);
  memo.defer = { creates: [], provenance: [], links: [], events: [] };
  memo.flush = () => flushDeferred(trx, memo);

  const outcomes: JobOutcome[] = [];
  const failures: Array<{ index: number; error: IntakeError }> = [];
  const applied: Array<Record<string, unknown>> = [];
  for (const [index, record] of records.entries()) {
    const job = { tenantId, ...record };
    const error = refused.get(record.intakeId);
    if (error) {
      outcomes.push({ kind: 'skipped' });
      failures.push({ index, error });
      continue;
    }
    const outcome = await applyLockedIn(trx, job, rows.get(record.intakeId), {
      faults: opts.faults,
      shared,
      memo,
      deferOutcome: true,
    });
    if (outcome.kind === 'applied') {
      rows.delete(record.intakeId); // applied once, however often the batch names it
      const { result } = outcome;
      applied.push({
        id: record.intakeId,
        status: result.status,
        record_type: result.recordType,
        record_id: result.recordId,
        candidates: result.candidates ?? null,
        source_at: result.sourceAt,
      });
    }
    outcomes.push(outcome);
  }
  await memo.flush();
  if (applied.length) {
    await sql`
      update intake_records as r
      set status = v.status, record_type = v.record_type, record_id = v.record_id, candidates = v.candidates,
        source_at = v.source_at, processed_at = now(), next_attempt_at = null, reason = null, error_fields = null
      from jsonb_to_recordset(${JSON.stringify(applied)}::jsonb)
        as v(id uuid, status text, record_type text, record_id uuid, candidates jsonb, source_at timestamptz)
      where r.tenant_id = ${tenantId} and r.id = v.id
        and r.id in (${sql.join(applied.map((a) => a.id))})`.execute(trx);
    await markChannelSuccess(trx, tenantId, shared.keys());
  }
  return { outcomes, failures };
}

/**
 * Writes the batch's deferred rows: the new customers of each service identity with one insert
 * (then their assignment, `assignInserted`), then one statement per table for the
 * provenance, the external-id links and the `intake.applied` events.
 */
async function flushDeferred(trx: Trx, memo: ApplyMemo) {
  const defer = memo.defer!;
  const { creates, provenance, links, events } = defer;
  Object.assign(defer, { creates: [], provenance: [], links: [], events: [] });
  const byIdentity = new Map<CommandContext, CreateDraft[]>();
  for (const { ctx, draft } of creates) byIdentity.set(ctx, [...(byIdentity.get(ctx) ?? []), draft]);
  for (const [ctx, drafts] of byIdentity) {
    const rows = await createRecords(ctx, getResource('customers'), drafts);
    memo.rules ??= await activeRules(trx, ctx.actor.tenantId);
    await assignInserted(trx, ctx, rows as unknown as Array<Selectable<DB['customers']>>, memo.rules);
  }
  if (provenance.length)
    await trx
      .insertInto('field_provenance')
      .values(
        provenance.map((p) => ({
          tenant_id: p.channel.tenant_id,
          record_type: 'customer',
          record_id: p.recordId,
          field: p.field,
          channel_id: p.channel.id,
          intake_id: p.intakeId,
          source_at: p.sourceAt,
        })),
      )
      .onConflict((c) =>
        c.columns(['tenant_id', 'record_type', 'record_id', 'field']).doUpdateSet((eb) => ({
          channel_id: eb.ref('excluded.channel_id'),
          intake_id: eb.ref('excluded.intake_id'),
          source_at: eb.ref('excluded.source_at'),
          set_at: sql`now()`,
        })),
      )
      .execute();
  if (links.length)
    await trx
      .insertInto('channel_links')
      .values(
        links.map((l) => ({
          tenant_id: l.channel.tenant_id,
          channel_id: l.channel.id,
          external_id: l.externalId,
          record_type: 'customer',
          record_id: l.recordId,
        })),
      )
      .onConflict((c) =>
        c.columns(['tenant_id', 'channel_id', 'external_id']).doUpdateSet((eb) => ({
          record_id: eb.ref('excluded.record_id'),
          record_type: 'customer',
        })),
      )
      .execute();
  if (events.length)
    await trx
      .insertInto('outbox_events')
      .values(
        events.map((e) => ({
          tenant_id: e.ctx.actor.tenantId,
          id: newId(),
          topic: e.topic,
          payload: JSON.stringify(withChain(e.ctx, e.payload)),
        })),
      )
      .execute();
}

type Key = keyof MatchKeys;
const columnOfKey = { creditCode: 'credit_code', phone: 'main_phone_e164', name: 'name' } as const;
const matchKeyOf = { creditCode: 'creditCode', phone: 'phone', name: 'name', externalId: 'externalId' } as const;

/**
 * The customers a batch's records match, loaded before the first record is applied: one
 * statement per match key for the whole batch. Answers like `matchCustomers` (same match order,
 * live records only) while that is certain; a record with a key an earlier record of the batch
 * carried, or matching a customer the batch wrote, gets undefined and asks the database (the
 * batch may have created or changed that customer).
 */
export class MatchIndex {
  private readonly found = new Map<string, string[]>();
  private readonly seen = new Set<string>();
  private readonly written = new Set<string>();

  private static tag(key: Key, value: string, channel: ChannelRow) {
    return key === 'externalId' ? `externalId\u0000${channel.id}\u0000${value}` : `${key}\u0000${value}`;
  }

  private add(tag: string, id: string) {
    const ids = this.found.get(tag) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.found.set(tag, ids);
  }

  static async load(trx: Trx, tenantId: string, wanted: Array<{ channel: ChannelRow; keys: MatchKeys }>) {
    const index = new MatchIndex();
    for (const key of ['creditCode', 'phone', 'name'] as const) {
      const values = [...new Set(wanted.map((w) => w.keys[key]).filter((v): v is string => v !== null))];
      if (values.length === 0) continue;
      const column = columnOfKey[key];
      const rows = await trx
        .selectFrom('customers')
        .select(['id', `${column} as value`])
        .where('tenant_id', '=', tenantId)
        .where('deleted_at', 'is', null)
        .where(column, 'in', values)
        .orderBy('id')
        .execute();
      for (const row of rows) if (row.value !== null) index.add(`${key}\u0000${row.value}`, row.id);
    }
    const external = wanted.filter((w) => w.keys.externalId !== null);
    if (external.length) {
      // the links, then which of their customers are live: each by its primary key, whatever the statistics
      const links = await trx
        .selectFrom('channel_links')
        .select(['channel_id', 'external_id', 'record_id'])
        .where('tenant_id', '=', tenantId)
        .where('channel_id', 'in', [...new Set(external.map((w) => w.channel.id))])
        .where('external_id', 'in', [...new Set(external.map((w) => w.keys.externalId!))])
        .execute();
      const live = links.length
        ? await trx
            .selectFrom('customers')
            .select('id')
            .where('tenant_id', '=', tenantId)
            .where('id', 'in', [...new Set(links.map((l) => l.record_id))])
            .where('deleted_at', 'is', null)
            .execute()
        : [];
      const liveIds = new Set(live.map((c) => c.id));
      for (const link of links)
        if (liveIds.has(link.record_id))
          index.add(`externalId\u0000${link.channel_id}\u0000${link.external_id}`, link.record_id);
    }
    return index;
  }

  /** The record's matches in the channel's match order, or undefined when the database must answer. */
  lookup(channel: ChannelRow, keys: MatchKeys): string[] | undefined {
    const tags = (Object.keys(matchKeyOf) as Key[])
      .filter((k) => keys[k] !== null)
      .map((k) => MatchIndex.tag(k, keys[k]!, channel));
    const repeated = tags.some((t) => this.seen.has(t));
    for (const t of tags) this.seen.add(t);
    if (repeated) return undefined;
    const found = new Set<string>();
    for (const key of channel.match_order) {
      const k = matchKeyOf[key as Key];
      if (!k || keys[k] === null) continue;
      for (const id of this.found.get(MatchIndex.tag(k, keys[k]!, channel)) ?? []) found.add(id);
    }
    if ([...found].some((id) => this.written.has(id))) return undefined;
    return [...found];
  }

  touched(id: string) {
    this.written.add(id);
  }
}
