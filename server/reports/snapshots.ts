import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { fieldError, notFound } from '../errors.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { canonicalJson, sha256, type MetricBasis } from './definition-schema.ts';
import { listDefinitions, loadDefinition } from './definitions.ts';
import { runReport, type ReportResult } from './report-result.ts';
import { companyScope } from './report-scope.ts';

export const periodPattern = /^(?!0000)\d{4}-(0[1-9]|1[0-2])$/;

export function monthRange(period: string) {
  if (!periodPattern.test(period)) throw fieldError('month', 'must be a month YYYY-MM');
  const [y, m] = period.split('-').map(Number);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are
  const end = new Date(0);
  end.setUTCFullYear(y!, m!, 0);
  const last = end.getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/** The sealed content of a snapshot: everything its hash covers. */
interface SealedContent {
  seq: number;
  prevHash: string | null;
  period: string;
  definitionId: string;
  versionId: string;
  semver: string;
  definitionHash: string;
  rateSet: string;
  groupBy: unknown;
  result: unknown;
}

export const snapshotHash = (content: SealedContent) => sha256(canonicalJson(content));

/** What a snapshot keeps of a report: rows, totals, segments and rate sources, not the moment it ran. */
const sealedResult = (report: ReportResult) => ({
  rows: report.rows,
  totals: report.totals,
  segments: report.segments,
  rateSources: report.stamp.rateSources,
  stampText: report.stamp.text,
});

/**
 * Seals `period` for every definition with an approved version valid in it (company-wide, not
 * a caller's scope). A month is sealed once per definition; each snapshot's hash covers its
 * content and the previous snapshot's hash, so the company's snapshots form one chain.
 */
export async function sealMonth(trx: Trx, tenantId: string, period: string, by: string | null) {
  const range = monthRange(period);
  // one sealer per company at a time: the chain has one head
  await sql`select pg_advisory_xact_lock(hashtextextended(${`report_snapshots:${tenantId}`}, 0))`.execute(trx);
  const sealed: Array<{ id: string; definitionId: string; hash: string }> = [];
  for (const definition of await listDefinitions(trx, tenantId)) {
    const approved = definition.versions.filter((v) => v.status === 'approved');
    if (!approved.some((v) => v.validFrom <= range.to)) continue;
    const exists = await trx
      .selectFrom('report_snapshots')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('definition_id', '=', definition.id)
      .where('period', '=', period)
      .executeTakeFirst();
    if (exists) continue;
    const loaded = await loadDefinition(trx, tenantId, definition.id);
    const from = approved.some((v) => v.validFrom <= range.from)
      ? range.from
      : approved.map((v) => v.validFrom).sort()[0]!;
    const report = await runReport(trx, companyScope(tenantId), loaded, { from, to: range.to, groupBy: [] });
    const last = report.segments.at(-1)!;
    const version = loaded.versions.find((v) => v.id === last.versionId)!;
    const head = await chainHead(trx, tenantId);
    const content: SealedContent = {
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash ?? null,
      period,
      definitionId: definition.id,
      versionId: version.id,
      semver: version.semver,
      definitionHash: version.hash,
      rateSet: version.document.currency.rateSet,
      groupBy: report.groupBy,
      result: sealedResult(report),
    };
    const id = newId();
    const hash = snapshotHash(content);
    await trx
      .insertInto('report_snapshots')
      .values({
        tenant_id: tenantId,
        id,
        seq: content.seq,
        period,
        definition_id: content.definitionId,
        version_id: content.versionId,
        semver: content.semver,
        definition_hash: content.definitionHash,
        rate_set: content.rateSet,
        group_by: JSON.stringify(content.groupBy),
        result: JSON.stringify(content.result),
        hash,
        prev_hash: content.prevHash,
        created_by: by,
      })
      .execute();
    sealed.push({ id, definitionId: definition.id, hash });
  }
  return sealed;
}

async function chainHead(trx: Trx, tenantId: string) {
  return trx
    .selectFrom('report_snapshots')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

type SnapshotRow = Awaited<ReturnType<typeof snapshotRows>>[number];

const snapshotRows = (trx: Trx, tenantId: string) =>
  trx.selectFrom('report_snapshots').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();

const contentOf = (r: SnapshotRow): SealedContent => ({
  seq: r.seq,
  prevHash: r.prev_hash,
  period: r.period,
  definitionId: r.definition_id,
  versionId: r.version_id,
  semver: r.semver,
  definitionHash: r.definition_hash,
  rateSet: r.rate_set,
  groupBy: r.group_by,
  result: r.result,
});

export interface ChainCheck {
  ok: boolean;
  count: number;
  head: string | null;
  broken?: { seq: number; id: string; period: string; reason: string };
}

/** Walks the chain from its start: each snapshot's hash must match its content and link to the one before. */
export async function verifyChain(trx: Trx, tenantId: string): Promise<ChainCheck> {
  const rows = await snapshotRows(trx, tenantId);
  let prev: string | null = null;
  for (const [i, r] of rows.entries()) {
    const brokenBy = (reason: string): ChainCheck => ({
      ok: false,
      count: rows.length,
      head: rows.at(-1)!.hash,
      broken: { seq: r.seq, id: r.id, period: r.period, reason },
    });
    if (r.seq !== i + 1) return brokenBy(`sequence ${r.seq} where ${i + 1} was expected (a snapshot is missing)`);
    if (r.prev_hash !== prev) return brokenBy('its prevHash is not the hash of the snapshot before it');
    if (snapshotHash(contentOf(r)) !== r.hash)
      return brokenBy('its content does not match its hash (changed after sealing)');
    prev = r.hash;
  }
  return { ok: true, count: rows.length, head: prev };
}

export const presentSnapshot = (r: SnapshotRow, withResult: boolean) => ({
  id: r.id,
  seq: r.seq,
  period: r.period,
  definitionId: r.definition_id,
  versionId: r.version_id,
  version: r.semver,
  definitionHash: r.definition_hash,
  rateSet: r.rate_set,
  hash: r.hash,
  prevHash: r.prev_hash,
  createdAt: r.created_at.toISOString(),
  ...(withResult ? { groupBy: r.group_by, result: r.result } : {}),
});

export async function listSnapshots(trx: Trx, tenantId: string) {
  return (await snapshotRows(trx, tenantId)).map((r) => presentSnapshot(r, false));
}

export async function loadSnapshot(trx: Trx, tenantId: string, id: string) {
  const row = await trx
    .selectFrom('report_snapshots')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('report_snapshot', id);
  return row;
}

interface ResultRow {
  group: Record<string, string | null>;
  labels?: Record<string, string | null>;
  sum?: string;
  count?: number;
}

/**
 * Restatement: the sealed month recomputed under `version` (company-wide, like the seal), beside
 * the sealed figures with the difference per group. The snapshot itself is never touched.
 */
export async function restateSnapshot(trx: Trx, tenantId: string, id: string, requested: string | undefined) {
  const row = await loadSnapshot(trx, tenantId, id);
  const definition = await loadDefinition(trx, tenantId, row.definition_id);
  const version = requested ?? definition.versions.filter((v) => v.status === 'approved').at(-1)!.semver;
  const range = monthRange(row.period);
  const groupBy = row.group_by as unknown as ReportResult['groupBy'];
  const restated = await runReport(trx, companyScope(tenantId), definition, {
    ...range,
    groupBy,
    restateUnder: version,
  });
  const sealedRows = (row.result as unknown as { rows: ResultRow[] }).rows;
  const keyOf = (g: Record<string, string | null>) => canonicalJson(g);
  const groups = new Map<string, { group: Record<string, string | null>; sealed?: ResultRow; restated?: ResultRow }>();
  for (const r of sealedRows) {
    const k = keyOf(r.group);
    const entry = groups.get(k) ?? { group: r.group };
    // a sealed month may span two versions: its groups add up across them
    entry.sealed = entry.sealed
      ? { ...r, sum: addText(entry.sealed.sum, r.sum), count: (entry.sealed.count ?? 0) + (r.count ?? 0) }
      : r;
    groups.set(k, entry);
  }
  for (const r of restated.rows as ResultRow[]) {
    const k = keyOf(r.group);
    const entry = groups.get(k) ?? { group: r.group };
    entry.restated = r;
    groups.set(k, entry);
  }
  const differences = [...groups.values()].map((g) => ({
    group: g.group,
    labels: g.restated?.labels ?? g.sealed?.labels ?? {},
    sealedSum: g.sealed?.sum ?? '0.00',
    restatedSum: g.restated?.sum ?? '0.00',
    delta: subText(g.restated?.sum ?? '0.00', g.sealed?.sum ?? '0.00'),
    sealedCount: g.sealed?.count ?? 0,
    restatedCount: g.restated?.count ?? 0,
  }));
  const sealedTotals = (row.result as unknown as { totals: { sum?: string } }).totals;
  return {
    snapshot: presentSnapshot(row, false),
    sealedTotals,
    restatedTotals: restated.totals,
    totalDelta: subText(String(restated.totals.sum ?? '0.00'), String(sealedTotals.sum ?? '0.00')),
    differences,
    stamp: restated.stamp,
  };
}

const addText = (a: string | undefined, b: string | undefined) => new Decimal(a ?? 0).plus(b ?? 0).toFixed(2);
const subText = (a: string, b: string) => new Decimal(a).minus(b).toFixed(2);

const amountKeys = new Set(['sum', 'averageDealSize', 'sealedSum', 'restatedSum', 'delta', 'totalDelta', 'value']);

/** A snapshot or restatement as a caller who may not see the basis amounts in full sees it: every amount ***. */
export function maskAmounts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskAmounts) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        amountKeys.has(k) && v !== null && typeof v !== 'object' ? '***' : maskAmounts(v),
      ]),
    ) as T;
  return value;
}

/** The basis of the version a snapshot was sealed under (its amounts follow that basis's field rule). */
export async function snapshotBasis(trx: Trx, tenantId: string, versionId: string) {
  const row = await trx
    .selectFrom('metric_definition_versions')
    .select('document')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', versionId)
    .executeTakeFirstOrThrow();
  return (row.document as unknown as { basis: MetricBasis }).basis;
}
