import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { asSystem, withTenant } from '../db/tenant-transaction.ts';
import { payloadHash, rateRow, storeRates, type RateInput } from './fx-rates.ts';

/** Where dated rates come from: a source name and the rates it published for a date. */
export interface FxRateProvider {
  source: string;
  rateSet: string;
  fetchRates(date: string, signal?: AbortSignal): Promise<{ rates: RateInput[]; payloadHash: string }>;
}

/**
 * The published JSON: `{date, publishedAt, rates: [{base, quote, rate}]}` — the shape of the
 * PBoC/CFETS midpoint feed behind CAIRN_FX_URL (`{date}` in the URL is replaced by the day).
 */
const feedSchema = z.object({
  date: z.string(),
  publishedAt: z.string().nullish(),
  rates: z.array(z.object({ base: z.string(), quote: z.string(), rate: z.union([z.string(), z.number()]) })).min(1),
});

export interface HttpProviderOptions {
  url: string;
  source: string;
  rateSet: string;
  timeoutMs?: number;
  token?: string;
}

/** A real HTTP client for a midpoint feed; a non-2xx answer or a malformed body is an error, never "no rates". */
export function httpRateProvider(options: HttpProviderOptions): FxRateProvider {
  return {
    source: options.source,
    rateSet: options.rateSet,
    async fetchRates(date, signal) {
      const url = options.url.replace('{date}', encodeURIComponent(date));
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      const res = await fetch(url, {
        headers: { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`rate feed answered ${res.status} for ${date}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`rate feed sent no JSON for ${date}`);
      }
      const feed = feedSchema.safeParse(body);
      if (!feed.success)
        throw new Error(`rate feed body does not fit {date, publishedAt, rates[]}: ${feed.error.issues[0]?.message}`);
      const rates = feed.data.rates.map((r) =>
        rateRow.parse({
          base: r.base.toUpperCase(),
          quote: r.quote.toUpperCase(),
          rate: r.rate,
          rateDate: feed.data.date,
          publishedAt: feed.data.publishedAt ?? null,
        }),
      );
      return { rates, payloadHash: payloadHash(text) };
    },
  };
}

export function providerFromEnv(env: NodeJS.ProcessEnv): FxRateProvider | undefined {
  if (!env.CAIRN_FX_URL) return undefined;
  return httpRateProvider({
    url: env.CAIRN_FX_URL,
    source: env.CAIRN_FX_SOURCE ?? 'CFETS 人民币汇率中间价',
    rateSet: env.CAIRN_FX_RATE_SET ?? 'CFETS-midpoint',
    token: env.CAIRN_FX_TOKEN,
  });
}

/** Fetches one day's rates and stores them for every company (or the ones named). */
export async function fetchAndStoreRates(
  database: Database,
  provider: FxRateProvider,
  date: string,
  tenantIds?: string[],
) {
  const { rates, payloadHash: hash } = await provider.fetchRates(date);
  const tenants =
    tenantIds ??
    (await asSystem(database.db, (trx) => trx.selectFrom('tenants').select('id').execute())).map((t) => t.id);
  for (const tenantId of tenants) {
    await withTenant(database.db, tenantId, (trx) =>
      storeRates(trx, tenantId, { rateSet: provider.rateSet, source: provider.source, payloadHash: hash }, rates),
    );
  }
  return { date, rates: rates.length, companies: tenants.length };
}
