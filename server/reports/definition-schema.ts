import { createHash } from 'node:crypto';
import { z } from 'zod';
import { currencies } from '../../common/enums.ts';

/** What a figure counts: signed contracts, installments falling due (invoiced), received payments, or orders. */
export const metricBases = ['signed', 'invoiced', 'received', 'ordered', 'pipeline', 'receivables'] as const;
export const metricDimensions = [
  'owner',
  'department',
  'region',
  'industry',
  'product',
  'month',
  'quarter',
  'stage',
  'ageBucket',
] as const;
export const metricMeasures = ['sum', 'count', 'distinctCustomers', 'averageDealSize'] as const;
export const dedupParts = ['customer', 'sku', 'day', 'contract'] as const;

export type MetricBasis = (typeof metricBases)[number];
export type MetricDimension = (typeof metricDimensions)[number];
export type MetricMeasure = (typeof metricMeasures)[number];

/**
 * A metric definition (口径) version's document: plain JSON, validated here and compiled to SQL
 * by report-sql.ts only. Unknown keys are refused so that a typo never silently changes a figure.
 */
export const definitionDocument = z
  .strictObject({
    basis: z
      .enum(metricBases)
      .describe(
        'signed: contract amount on its signed date; invoiced: installments on their due date; received: payments (allocated to installments) on their received date; ordered: orders on their order day; pipeline: opportunities on their expected close date (stage dimension); receivables: installments due by `to` and still unpaid on `to`, aged in days (ageBucket dimension)',
      ),
    amount: z
      .enum(['taxInclusive', 'net'])
      .describe("net divides by (1 + the contract's tax rate); orders carry no tax rate and count as they are"),
    currency: z.strictObject({
      target: z.enum(currencies),
      rateRule: z
        .enum(['basisDate', 'monthEnd'])
        .describe('the rate on the basis date, or on the last day of its month'),
      rateSet: z.string().trim().min(1).max(60).describe('the fx-rate set to take rates from, e.g. CFETS-midpoint'),
      missingRate: z
        .enum(['error', 'lastPublishedBefore'])
        .default('error')
        .describe(
          'error: a missing rate answers 422 FX_RATE_MISSING; lastPublishedBefore: use the last rate published before the date, and say so in the stamp',
        ),
    }),
    dedupKey: z
      .array(z.enum(dedupParts))
      .max(4)
      .default([])
      .refine((parts) => new Set(parts).size === parts.length, 'must not repeat a part')
      .describe(
        'records with the same key count as one deal (sums add up, counts count the deal once); a part the basis lacks (sku outside orders) does not split deals',
      ),
    filters: z
      .strictObject({
        excludeContractStatuses: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
        excludeStages: z
          .array(z.string().trim().min(1).max(40))
          .max(20)
          .default([])
          .describe('pipeline: stages left out, e.g. won and lost'),
      })
      .default({ excludeContractStatuses: [], excludeStages: [] }),
    dimensions: z
      .array(z.enum(metricDimensions))
      .max(4)
      .default([])
      .describe('the default grouping; a run may ask for others'),
    measures: z.array(z.enum(metricMeasures)).min(1, 'needs at least one measure').max(4),
  })
  .meta({ id: 'MetricDefinitionDocument' });

export type DefinitionDocument = z.output<typeof definitionDocument>;

export const semverString = z
  .string()
  .regex(/^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(\.(0|[1-9]\d{0,3}))?$/, 'must be a version like 2.0 or 2.0.1');

/** JSON with object keys sorted at every level: the same document always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The hash of a version's rule: its document in canonical form (a rollback republishes the same hash). */
export const documentHash = (document: DefinitionDocument) => sha256(canonicalJson(document));

export interface DocumentChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** The change between two documents, leaf by leaf (arrays compare as a whole). */
export function documentDiff(before: unknown, after: unknown, path = ''): DocumentChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => documentDiff(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, from: before ?? null, to: after ?? null }];
}

/** The semver order: 1.10 after 1.9. */
export function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
