import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Channels, PullRuns } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-transaction.ts';

/** A pull channel's run as the API shows it (its list, and the last one in the channel's health). */
export const pullRunSchema = z
  .object({
    id: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    status: z.enum(['running', 'succeeded', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    pages: z.number(),
    records: z.number().describe('Records taken (stored now, or already stored by an earlier run)'),
    stored: z.number().describe('Records new to Cairn, queued for processing'),
    missingCursor: z.number().describe('Records without a cursor value: taken and counted, never skipped'),
    cursorBefore: z.string().nullable(),
    cursorAfter: z.string().nullable(),
    httpStatus: z.number().nullable(),
    reason: z.string().nullable().describe('Why it failed: remote_4xx, remote_5xx, timeout or validation'),
    message: z.string().nullable(),
  })
  .meta({ id: 'PullRun' });

export type PullRunOut = z.infer<typeof pullRunSchema>;

export function presentPullRun(row: Selectable<PullRuns>): PullRunOut {
  return {
    id: row.id,
    trigger: row.trigger as PullRunOut['trigger'],
    status: row.status as PullRunOut['status'],
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    pages: row.pages,
    records: row.records,
    stored: row.stored,
    missingCursor: row.missing_cursor,
    cursorBefore: row.cursor_before,
    cursorAfter: row.cursor_after,
    httpStatus: row.http_status,
    reason: row.reason,
    message: row.last_error,
  };
}

/** A pull channel's latest run, or null (other kinds, or before the first run). */
export async function lastPullRun(trx: Trx, row: Selectable<Channels>): Promise<PullRunOut | null> {
  if (row.kind !== 'pull') return null;
  const run = await trx
    .selectFrom('pull_runs')
    .selectAll()
    .where('tenant_id', '=', row.tenant_id)
    .where('channel_id', '=', row.id)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run ? presentPullRun(run) : null;
}
