import { sql } from 'kysely';
import { newId } from '../../../common/ids.ts';
import type { Database } from '../../db/database.ts';
import { withTenant, type Trx } from '../../db/tenant-transaction.ts';
import { verdictOf } from '../outbound-http.ts';
import type { FailureReason } from '../intake-apply.ts';
import { enqueueIntake } from '../intake-process.ts';
import { idempotencyKeyOf } from '../intake-keys.ts';
import { readPath } from '../mapping.ts';
import { pullConfigSchema, type PullConfig } from './pull-config.ts';
import { getJson, withoutQuery, type PageResult } from './pull-http.ts';
import { openAuthHeaders } from './pull-auth.ts';
import { storable, storableCursor, storableText, unstorablePaths } from './pull-text.ts';

/**
 * One run of a pull channel: GET pages from the source, oldest cursor first. Each page's records
 * are stored as intake records (raw payload, idempotency key, queued through the outbox exactly
 * like a webhook's) and the cursor moves in that same transaction, so the cursor is saved only
 * once its records are safely stored: a crash between pages re-asks for the last page, whose
 * repeats apply nothing. A record without a cursor value is stored and counted, never skipped.
 * A failure (remote 4xx/5xx, timeout, an answer that is not a list) ends the run with its reason
 * code on the run and on the channel's health; the next run starts from the saved cursor.
 */
export interface PullRequest {
  tenantId: string;
  channelId: string;
  trigger: 'schedule' | 'manual';
}

export type PullOutcome =
  | { kind: 'succeeded'; runId: string; pages: number; records: number; stored: number; missingCursor: number }
  | { kind: 'failed'; runId: string; reason: FailureReason; message: string }
  | { kind: 'busy' }
  | { kind: 'skipped'; why: string };

/** A run still marked running after this long was cut off (its process ended); the next run takes over. */
export const STALE_RUN_MINUTES = 30;

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A record's cursor value as it can be saved (cut before text PostgreSQL cannot store), or undefined when it has none. */
function cursorValue(value: unknown): string | undefined {
  if (isMissing(value)) return undefined;
  const text = storableCursor(String(value));
  return text.trim() === '' ? undefined : text;
}

/** Orders cursor values: numbers as numbers, dates as instants, anything else as text. */
export function laterCursor(a: string, b: string): string {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return nb > na ? b : a;
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v));
  if (isDate(a) && isDate(b)) return Date.parse(b) > Date.parse(a) ? b : a;
  return b > a ? b : a;
}

export function pageUrl(config: PullConfig, cursor: string | null): string {
  const url = new URL(config.url);
  if (cursor !== null) url.searchParams.set(config.cursorParam, cursor);
  url.searchParams.set(config.pageSizeParam, String(config.pageSize));
  return url.toString();
}

/** The records of an answer: at `recordsPath`, else the answer itself or its data / records / items list. */
export function recordsOf(body: unknown, config: PullConfig): unknown[] | undefined {
  const found = config.recordsPath
    ? readPath(body, config.recordsPath)
    : Array.isArray(body)
      ? body
      : ['data', 'records', 'items'].map((k) => readPath(body, k)).find(Array.isArray);
  return Array.isArray(found) ? found : undefined;
}

async function claimRun(database: Database, req: PullRequest) {
  return withTenant(database.db, req.tenantId, async (trx) => {
    const channel = await trx
      .selectFrom('channels')
      .selectAll()
      .where('tenant_id', '=', req.tenantId)
      .where('id', '=', req.channelId)
      .executeTakeFirst();
    if (!channel || channel.deleted_at) return { kind: 'skipped', why: 'the channel was removed' } as const;
    if (channel.kind !== 'pull') return { kind: 'skipped', why: `a ${channel.kind} channel is never polled` } as const;
    await trx
      .insertInto('channel_cursors')
      .values({ tenant_id: req.tenantId, channel_id: req.channelId })
      .onConflict((c) => c.columns(['tenant_id', 'channel_id']).doNothing())
      .execute();
    // the cursor row is the channel's run lock: one run at a time
    const state = await trx
      .selectFrom('channel_cursors')
      .select(['cursor'])
      .where('tenant_id', '=', req.tenantId)
      .where('channel_id', '=', req.channelId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('pull_runs')
      .set({
        status: 'failed',
        finished_at: sql`now()`,
        reason: 'timeout',
        last_error: 'the run stopped without finishing (its process ended); the next run went on from the saved cursor',
      })
      .where('tenant_id', '=', req.tenantId)
      .where('channel_id', '=', req.channelId)
      .where('status', '=', 'running')
      .where('started_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_RUN_MINUTES})`)
      .execute();
    const running = await trx
      .selectFrom('pull_runs')
      .select('id')
      .where('tenant_id', '=', req.tenantId)
      .where('channel_id', '=', req.channelId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (running) return { kind: 'busy' } as const;
    const runId = newId();
    const parsed = pullConfigSchema.safeParse(channel.config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const message = `config.${issue.path.map(String).join('.')}: ${issue.message}`;
      await trx
        .insertInto('pull_runs')
        .values({
          tenant_id: req.tenantId,
          id: runId,
          channel_id: req.channelId,
          trigger: req.trigger,
          status: 'failed',
          finished_at: sql<Date>`now()`,
          reason: 'validation',
          last_error: message,
        })
        .execute();
      return { kind: 'failed', reason: 'validation', runId, message } as const;
    }
    const config = parsed.data;
    const cursor = state.cursor ?? config.initialCursor ?? null;
    const { cursor_key } = await trx
      .selectFrom('tenants')
      .select('cursor_key')
      .where('id', '=', req.tenantId)
      .executeTakeFirstOrThrow();
    const headers = openAuthHeaders(cursor_key, channel.auth_headers);
    await trx
      .insertInto('pull_runs')
      .values({
        tenant_id: req.tenantId,
        id: runId,
        channel_id: req.channelId,
        trigger: req.trigger,
        cursor_before: cursor,
        cursor_after: cursor,
      })
      .execute();
    return { kind: 'claimed', runId, channel, config, cursor, headers } as const;
  });
}

/** Stores one page's records and moves the cursor, in one transaction. */
async function storePage(
  trx: Trx,
  req: PullRequest,
  runId: string,
  idempotencyField: string | null,
  records: unknown[],
  nextCursor: string | null,
  missing: number,
) {
  const rows = records.map((record) => {
    const payload = record && typeof record === 'object' && !Array.isArray(record) ? record : { value: record };
    const row = {
      tenant_id: req.tenantId,
      id: newId(),
      channel_id: req.channelId,
      idempotency_key: storableText(idempotencyKeyOf(payload, idempotencyField)),
      payload: JSON.stringify(storable(payload)),
      content_type: 'application/json',
    };
    const unstorable = unstorablePaths(payload);
    if (unstorable.length === 0) return row;
    // the rest of the page lands; this record waits, visibly, with what was replaced
    return {
      ...row,
      status: 'dead',
      reason: 'validation',
      last_error: `the record holds text PostgreSQL cannot store (U+0000 or a lone surrogate) at ${unstorable.slice(0, 10).join(', ')}; it was kept with U+FFFD in its place and not applied`,
      processed_at: sql<Date>`now()`,
    };
  });
  const inserted = rows.length
    ? await trx
        .insertInto('intake_records')
        .values(rows)
        .onConflict((c) => c.columns(['tenant_id', 'channel_id', 'idempotency_key']).doNothing())
        .returning(['id', 'status'])
        .execute()
    : [];
  for (const { id, status } of inserted) if (status === 'queued') await enqueueIntake(trx, req.tenantId, id, 0);
  await trx
    .updateTable('channel_cursors')
    .set({ cursor: nextCursor, updated_at: sql`now()` })
    .where('tenant_id', '=', req.tenantId)
    .where('channel_id', '=', req.channelId)
    .execute();
  await trx
    .updateTable('pull_runs')
    .set({
      pages: sql`pages + 1`,
      records: sql`records + ${records.length}`,
      stored: sql`stored + ${inserted.length}`,
      missing_cursor: sql`missing_cursor + ${missing}`,
      cursor_after: nextCursor,
    })
    .where('tenant_id', '=', req.tenantId)
    .where('id', '=', runId)
    .execute();
  return inserted.length;
}

async function finishRun(
  database: Database,
  req: PullRequest,
  runId: string,
  failure?: { reason: FailureReason; message: string; httpStatus: number | null },
  note?: string,
) {
  await withTenant(database.db, req.tenantId, async (trx) => {
    await trx
      .updateTable('pull_runs')
      .set({
        status: failure ? 'failed' : 'succeeded',
        finished_at: sql`now()`,
        reason: failure?.reason ?? null,
        http_status: failure?.httpStatus ?? null,
        last_error: failure?.message ?? note ?? null,
      })
      .where('tenant_id', '=', req.tenantId)
      .where('id', '=', runId)
      .execute();
    if (failure)
      await trx
        .updateTable('channels')
        .set({ last_error: `${failure.reason}: ${failure.message}`.slice(0, 2000), last_error_at: sql`now()` })
        .where('tenant_id', '=', req.tenantId)
        .where('id', '=', req.channelId)
        .execute();
  });
}

function failureOf(page: PageResult, url: string): { reason: FailureReason; message: string } | undefined {
  const verdict = verdictOf(page);
  const where = `GET ${withoutQuery(url)}`;
  if (!verdict.delivered) return { reason: verdict.reason, message: `${where}: ${page.error ?? 'failed'}` };
  if (page.error) return { reason: 'validation', message: `${where}: ${page.error}` };
  return undefined;
}

/** Runs one pull of a channel to its end (or its first failure). */
export async function runPull(database: Database, req: PullRequest): Promise<PullOutcome> {
  const claim = await claimRun(database, req);
  if (claim.kind !== 'claimed') return claim;
  const { runId, channel, config } = claim;
  let cursor = claim.cursor;
  const totals = { pages: 0, records: 0, stored: 0, missingCursor: 0 };
  let note: string | undefined;
  while (totals.pages < config.maxPages) {
    const url = pageUrl(config, cursor);
    const page = await getJson(url, config.timeoutMs, claim.headers);
    const failed = failureOf(page, url);
    const records = failed ? undefined : recordsOf(page.body, config);
    if (failed || !records) {
      const failure = failed ?? {
        reason: 'validation' as const,
        message: `GET ${withoutQuery(url)}: the answer holds no list of records${config.recordsPath ? ` at ${config.recordsPath}` : ''}`,
      };
      await finishRun(database, req, runId, { ...failure, httpStatus: page.status });
      return { kind: 'failed', runId, ...failure };
    }
    let next = cursor;
    let missing = 0;
    for (const record of records) {
      const value = cursorValue(readPath(record, config.cursorField));
      if (value === undefined) missing++;
      else next = next === null ? value : laterCursor(next, value);
    }
    if (config.nextCursorPath) next = cursorValue(readPath(page.body, config.nextCursorPath)) ?? next;
    let stored: number;
    try {
      stored = await withTenant(database.db, req.tenantId, (trx) =>
        storePage(trx, req, runId, channel.idempotency_field, records, next, missing),
      );
    } catch (error) {
      // nothing of the page was stored and the cursor did not move; the job is retried
      const message = `the page from ${withoutQuery(url)} could not be stored: ${(error as Error).message}`;
      const dataError = /^22/.test(String((error as { code?: unknown }).code ?? ''));
      const reason = dataError ? 'validation' : 'timeout';
      await finishRun(database, req, runId, { reason, message, httpStatus: page.status }).catch(() => undefined);
      throw error;
    }
    totals.pages++;
    totals.records += records.length;
    totals.stored += stored;
    totals.missingCursor += missing;
    const sourceDone = config.nextCursorPath
      ? isMissing(readPath(page.body, config.nextCursorPath))
      : records.length < config.pageSize;
    if (sourceDone) break;
    if (next === cursor) {
      note = `a full page did not move the cursor (${config.cursorField}); stopped to avoid asking for it again`;
      break;
    }
    cursor = next;
  }
  if (!note && totals.pages >= config.maxPages)
    note = `stopped after maxPages (${config.maxPages}); the next run goes on`;
  await finishRun(database, req, runId, undefined, note);
  return { kind: 'succeeded', runId, ...totals };
}
