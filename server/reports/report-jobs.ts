import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import type { JobLogger, JobRunner } from '../jobs/boss.ts';
import { queueNames } from '../jobs/queues.ts';
import { fetchAndStoreRates, providerFromEnv } from './fx-provider.ts';
import { sealMonth } from './snapshots.ts';

/**
 * Every half hour (zones such as +05:30 reach midnight on the half hour): a company whose own
 * time zone has just entered a new month gets last month sealed. Sealing is idempotent per
 * definition and month, so each month is sealed once, at the first run after 00:00 on the 1st
 * in the company's zone (tenant setting `timeZone`, default Asia/Shanghai).
 */
export const reportSealCron = '0,30 * * * *';
/** CFETS publishes the midpoint at 09:15 Beijing time. */
export const fxFetchCron = '20 9 * * 1-5';

/** The month before the one `now` falls in, in `timeZone`: YYYY-MM. */
export function previousMonthIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const zoneOf = (settings: unknown) => {
  const zone = (settings as { timeZone?: unknown } | null)?.timeZone;
  return typeof zone === 'string' && zone ? zone : 'Asia/Shanghai';
};

export async function sealDueMonths(database: Database, options: { now?: Date; tenantIds?: string[] } = {}) {
  const now = options.now ?? new Date();
  let tenants = await asSystem(database.db, (trx) => trx.selectFrom('tenants').select(['id', 'settings']).execute());
  if (options.tenantIds) tenants = tenants.filter((t) => options.tenantIds!.includes(t.id));
  let sealed = 0;
  for (const tenant of tenants) {
    const period = previousMonthIn(zoneOf(tenant.settings), now);
    const done = await withTenant(database.db, tenant.id, (trx) => sealMonth(trx, tenant.id, period, null));
    sealed += done.length;
  }
  return { companies: tenants.length, sealed };
}

export async function registerReportJobs(runner: JobRunner, database: Database, logger: JobLogger) {
  await runner.work<{ tenantId?: string; now?: string }>(queueNames.reportsSeal, (job) =>
    sealDueMonths(database, {
      tenantIds: job.data?.tenantId ? [job.data.tenantId] : undefined,
      now: job.data?.now ? new Date(job.data.now) : undefined,
    }),
  );
  await runner.schedule(queueNames.reportsSeal, reportSealCron, {}, { tz: 'UTC' });
  const provider = providerFromEnv(process.env);
  if (!provider) return;
  await runner.work<{ date?: string }>(queueNames.fxFetch, async (job) => {
    const date = job.data?.date ?? new Date().toISOString().slice(0, 10);
    const result = await fetchAndStoreRates(database, provider, date);
    logger.info(result, 'exchange rates fetched');
    return result;
  });
  await runner.schedule(queueNames.fxFetch, fxFetchCron, {}, { tz: 'Asia/Shanghai' });
}
