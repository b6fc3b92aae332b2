import cronParser from 'cron-parser';
import { z } from 'zod';
import { fieldError } from '../../errors.ts';
import { defaultTimezone } from '../../jobs/boss.ts';

/**
 * What a pull channel keeps in its `config`: the HTTP JSON endpoint, the cursor (a field of each
 * record; the greatest value seen is sent back as `cursorParam` on the next request), the page
 * size, and the cron it runs on in the company's time zone (`settings.timeZone`, else
 * Asia/Shanghai). There is no time window: without a saved cursor the first pull asks from the
 * start (or from `initialCursor`), so back-filled history is taken like anything else.
 */
export const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const name = z.string().trim().min(1).max(100);

export const pullConfigSchema = z.object({
  url: httpUrl.describe('GET endpoint answering JSON'),
  cron: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((cron) => cronError(cron) === undefined, 'is not a cron expression (minute hour day month weekday)'),
  cursorField: z.string().trim().min(1).max(200).describe('Path of the cursor in each record, e.g. updated_at'),
  cursorParam: name.default('cursor').describe('Query parameter the saved cursor is sent in'),
  pageSize: z.number().int().min(1).max(1000).default(100),
  pageSizeParam: name.default('limit'),
  recordsPath: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Where the records are in the answer; absent: the answer itself, or its data / records / items list'),
  nextCursorPath: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("The answer's own next cursor, when the source gives one (else the greatest cursor value seen)"),
  initialCursor: z.string().max(200).optional().describe('Where the first pull starts; absent: from the start'),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  maxPages: z.number().int().min(1).max(100_000).default(1000),
});

export type PullConfig = z.infer<typeof pullConfigSchema>;

export function cronError(cron: string): string | undefined {
  if (cron.split(/\s+/).length !== 5) return 'five fields';
  try {
    cronParser.parseExpression(cron, { tz: defaultTimezone });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Refuses a pull channel whose config cannot run, naming the config field (400 VALIDATION_FAILED). */
export function checkPullChannel(kind: string, config: unknown) {
  if (kind !== 'pull') return;
  const parsed = pullConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw fieldError(['config', ...issue.path.map(String)].join('.'), issue.message);
  }
}

export { timeZoneOf } from '../../../common/time-zone.ts';

/** The latest slot of `cron` at or before `now`, in time zone `tz` (undefined when the cron is invalid). */
export function lastSlot(cron: string, tz: string, now: Date): Date | undefined {
  try {
    const next = cronParser.parseExpression(cron, { tz, currentDate: new Date(now.getTime() + 1000) });
    return next.prev().toDate();
  } catch {
    return undefined;
  }
}
