import { Decimal } from 'decimal.js';
import { AppError, fieldError } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { MetricDimension, MetricMeasure } from './definition-schema.ts';
import type { DefinitionVersion, LoadedDefinition } from './definitions.ts';
import { aggregate, rateUses, type AggregateRow, type BasisRange, type RateUse } from './report-sql.ts';
import type { ReportScope } from './report-scope.ts';

export const MASKED = '***';

export interface RunRequest {
  version?: string;
  from: string;
  to: string;
  groupBy: MetricDimension[];
  restateUnder?: string;
}

/** A stretch of the requested period and the version that is valid on each of its dates. */
export interface Segment extends BasisRange {
  version: DefinitionVersion;
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function versionNamed(definition: LoadedDefinition, semver: string, path: string) {
  const version = definition.versions.find((v) => v.semver === semver && v.status === 'approved');
  if (!version) throw fieldError(path, `there is no approved version ${semver} of ${definition.name}`);
  return version;
}

/**
 * Effective dating: each date of [from, to] uses the approved version valid on it (the latest
 * validFrom on or before it; of two with the same date, the one approved last), unless the
 * caller names one version for the whole period (`version`, or `restateUnder` to restate).
 */
export function segmentsOf(definition: LoadedDefinition, request: RunRequest): Segment[] {
  if (request.from > request.to) throw fieldError('to', 'must not be before from');
  const fixed = request.restateUnder ?? request.version;
  if (fixed) {
    const path = request.restateUnder ? 'restateUnder' : 'version';
    return [{ from: request.from, to: request.to, version: versionNamed(definition, fixed, path) }];
  }
  const approved = definition.versions
    .filter((v) => v.status === 'approved')
    .sort((a, b) =>
      a.validFrom === b.validFrom
        ? (a.approvedAt ?? '').localeCompare(b.approvedAt ?? '')
        : a.validFrom.localeCompare(b.validFrom),
    );
  // the version in force from each validFrom on: a later approval on the same date replaces the earlier
  const byDate = new Map<string, DefinitionVersion>();
  for (const v of approved) byDate.set(v.validFrom, v);
  const starts = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b));
  const first = starts[0];
  if (!first)
    throw new AppError('CONFLICT', `${definition.name} has no approved version yet`, { definitionId: definition.id });
  if (request.from < first[0])
    throw fieldError(
      'from',
      `no version of ${definition.name} is valid before ${first[0]}; start on or after it, or restate under one version`,
    );
  const segments: Segment[] = [];
  starts.forEach(([validFrom, version], i) => {
    const end = starts[i + 1] ? addDays(starts[i + 1]![0], -1) : request.to;
    const from = validFrom > request.from ? validFrom : request.from;
    const to = end < request.to ? end : request.to;
    if (from <= to) segments.push({ from, to, version });
  });
  return segments;
}

export interface RateSource {
  rateSet: string;
  source: string;
  currency: string;
  quote: string;
  firstRateDate: string;
  lastRateDate: string;
}

export interface Substitution {
  currency: string;
  date: string;
  usedRateDate: string;
}

/** The sources of the rates a segment used, and the dates a missing rate was replaced by an earlier one. */
export function checkRates(segment: Segment, uses: RateUse[]) {
  const { currency } = segment.version.document;
  const missing = uses.filter((u) => u.source === null);
  if (missing.length) {
    throw new AppError(
      'FX_RATE_MISSING',
      `no ${currency.rateSet} exchange rate to ${currency.target} for ${missing.length} date(s): ${missing
        .slice(0, 5)
        .map((m) => `${m.currency} ${m.rateDate}`)
        .join(', ')}${missing.length > 5 ? ', …' : ''}`,
      {
        rateSet: currency.rateSet,
        quote: currency.target,
        missing: missing.map((m) => ({ date: m.rateDate, currency: m.currency })),
        dates: [...new Set(missing.map((m) => m.rateDate))],
        currencies: [...new Set(missing.map((m) => m.currency))],
      },
    );
  }
  const sources = new Map<string, RateSource>();
  for (const u of uses) {
    const key = `${u.source}|${u.currency}`;
    const seen = sources.get(key);
    const date = u.usedRateDate!;
    if (!seen)
      sources.set(key, {
        rateSet: currency.rateSet,
        source: u.source!,
        currency: u.currency,
        quote: currency.target,
        firstRateDate: date,
        lastRateDate: date,
      });
    else {
      if (date < seen.firstRateDate) seen.firstRateDate = date;
      if (date > seen.lastRateDate) seen.lastRateDate = date;
    }
  }
  const substitutions = uses
    .filter((u) => u.usedRateDate !== u.rateDate)
    .map((u): Substitution => ({ currency: u.currency, date: u.rateDate, usedRateDate: u.usedRateDate! }));
  return { sources: [...sources.values()], substitutions };
}

export type MeasureValues = Partial<Record<MetricMeasure, string | number>>;

/** The requested measures of an aggregate row; amounts masked when the caller may not see them. */
export function measuresOf(
  row: Pick<AggregateRow, 'sum' | 'count' | 'distinctCustomers'>,
  measures: MetricMeasure[],
  visible: boolean,
): MeasureValues {
  const out: MeasureValues = {};
  for (const m of measures) {
    if (m === 'count') out.count = row.count;
    else if (m === 'distinctCustomers') out.distinctCustomers = row.distinctCustomers;
    else if (!visible) out[m] = MASKED;
    else if (m === 'sum') out.sum = row.sum;
    else out.averageDealSize = row.count ? new Decimal(row.sum).div(row.count).toFixed(2) : '0.00';
  }
  return out;
}

export interface SegmentResult {
  segment: Segment;
  rows: AggregateRow[];
  totals: AggregateRow;
  sources: RateSource[];
  substitutions: Substitution[];
}

/** Runs every segment: rates first (a missing one stops the run), then the aggregate. */
export async function runSegments(
  trx: Trx,
  scope: ReportScope,
  segments: Segment[],
  groupBy: MetricDimension[],
): Promise<SegmentResult[]> {
  for (const [i, g] of groupBy.entries()) scope.checkDimension(g, `groupBy.${i}`);
  const results: SegmentResult[] = [];
  for (const segment of segments) {
    const doc = segment.version.document;
    const { sources, substitutions } = checkRates(segment, await rateUses(trx, doc, scope, segment));
    const all = await aggregate(trx, doc, scope, segment, groupBy);
    const totals = all.find((r) => r.total) ?? {
      total: true,
      keys: {},
      labels: {},
      sum: '0.00',
      count: 0,
      distinctCustomers: 0,
    };
    results.push({ segment, rows: all.filter((r) => !r.total), totals, sources, substitutions });
  }
  return results;
}
