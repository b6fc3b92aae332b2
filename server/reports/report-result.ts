import { Decimal } from 'decimal.js';
import type { Trx } from '../db/tenant-transaction.ts';
import type { MetricMeasure } from './definition-schema.ts';
import type { LoadedDefinition } from './definitions.ts';
import { measuresOf, runSegments, segmentsOf, type RunRequest, type SegmentResult } from './report-run.ts';
import type { ReportScope } from './report-scope.ts';

/** The zh-CN stamp line of one version: "本数据依据口径 <name> V<semver> 生成,生效日期 <validFrom>". */
export const stampLine = (name: string, semver: string, validFrom: string) =>
  `本数据依据口径 ${name} V${semver} 生成,生效日期 ${validFrom}`;

/** Measures a definition asks for, in a stable order (the run's union when versions differ). */
const measureOrder: MetricMeasure[] = ['sum', 'count', 'distinctCustomers', 'averageDealSize'];

/**
 * Runs a report and presents it: one row per group and segment (a period spanning two versions
 * shows each row under the version that counted it), totals, and the stamp naming the
 * definition, its version(s), hash, rate sources and the time it was computed.
 */
export async function runReport(trx: Trx, scope: ReportScope, definition: LoadedDefinition, request: RunRequest) {
  const segments = segmentsOf(definition, request);
  const groupBy = request.groupBy.length ? request.groupBy : segments.at(-1)!.version.document.dimensions;
  const results = await runSegments(trx, scope, segments, groupBy);
  return presentReport(definition, request, groupBy, results, scope);
}

export function presentReport(
  definition: LoadedDefinition,
  request: RunRequest,
  groupBy: RunRequest['groupBy'],
  results: SegmentResult[],
  scope: ReportScope,
) {
  const measures = measureOrder.filter((m) => results.some((r) => r.segment.version.document.measures.includes(m)));
  const rows = results.flatMap((r) => {
    const doc = r.segment.version.document;
    const visible = scope.amountsVisible(doc.basis);
    return r.rows.map((row) => ({
      version: r.segment.version.semver,
      from: r.segment.from,
      to: r.segment.to,
      group: row.keys,
      labels: row.labels,
      ...measuresOf(row, doc.measures, visible),
    }));
  });
  const allVisible = results.every((r) => scope.amountsVisible(r.segment.version.document.basis));
  const sum = results.reduce((acc, r) => acc.plus(r.totals.sum), new Decimal(0));
  const count = results.reduce((n, r) => n + r.totals.count, 0);
  const totals = measuresOf(
    {
      sum: sum.toFixed(2),
      count,
      // distinct customers do not add up across versions; one segment's figure is exact
      distinctCustomers: results.length === 1 ? results[0]!.totals.distinctCustomers : Number.NaN,
    },
    measures,
    allVisible,
  );
  if (results.length > 1) delete totals.distinctCustomers;
  const last = results.at(-1)!.segment.version;
  const restated = request.restateUnder ? '(重述)' : '';
  const versions = results.map((r) => r.segment.version);
  const uniqueVersions = versions.filter((v, i) => versions.findIndex((w) => w.id === v.id) === i);
  const text = uniqueVersions.map((v) => stampLine(definition.name, v.semver, v.validFrom)).join(';') + restated;
  return {
    rows,
    totals,
    measures,
    groupBy,
    segments: results.map((r) => ({
      from: r.segment.from,
      to: r.segment.to,
      version: r.segment.version.semver,
      versionId: r.segment.version.id,
      validFrom: r.segment.version.validFrom,
      hash: r.segment.version.hash,
      basis: r.segment.version.document.basis,
      totals: measuresOf(
        r.totals,
        r.segment.version.document.measures,
        scope.amountsVisible(r.segment.version.document.basis),
      ),
      substitutions: r.substitutions,
    })),
    stamp: {
      text,
      definitionName: definition.name,
      version: last.semver,
      versionId: last.id,
      validFrom: last.validFrom,
      hash: last.hash,
      rateSources: dedupeSources(results),
      computedAt: new Date().toISOString(),
      restated: Boolean(request.restateUnder),
    },
  };
}

function dedupeSources(results: SegmentResult[]) {
  const seen = new Map<string, SegmentResult['sources'][number]>();
  for (const source of results.flatMap((r) => r.sources)) {
    const key = `${source.rateSet}|${source.source}|${source.currency}|${source.quote}`;
    const prior = seen.get(key);
    if (!prior) seen.set(key, { ...source });
    else {
      if (source.firstRateDate < prior.firstRateDate) prior.firstRateDate = source.firstRateDate;
      if (source.lastRateDate > prior.lastRateDate) prior.lastRateDate = source.lastRateDate;
    }
  }
  return [...seen.values()];
}

export type ReportResult = Awaited<ReturnType<typeof runReport>>;
