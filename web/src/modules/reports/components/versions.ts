import type { MetricDefinition, MetricVersion } from '../api/reports.ts';

const parts = (v: string) => v.split('.').map(Number);

/** The semver order: 1.10 after 1.9. */
export function compareSemver(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The approved version valid today: the latest validFrom not after today (ties: the higher semver). */
export function currentVersion(definition: MetricDefinition, today = new Date().toISOString().slice(0, 10)) {
  const valid = definition.versions.filter((v) => v.status === 'approved' && v.validFrom <= today);
  const pool = valid.length ? valid : definition.versions.filter((v) => v.status === 'approved');
  return pool.reduce<MetricVersion | undefined>(
    (best, v) =>
      !best ||
      v.validFrom > best.validFrom ||
      (v.validFrom === best.validFrom && compareSemver(v.semver, best.semver) > 0)
        ? v
        : best,
    undefined,
  );
}

export interface VersionDiff {
  from: string;
  changes: Array<{ path: string; from: unknown; to: unknown }>;
}

/** The server's diff of a version against the one it was based on, when it sent one. */
export function diffOf(version: MetricVersion): VersionDiff | null {
  const diff = version.diff as Partial<VersionDiff> | null | undefined;
  if (!diff || typeof diff.from !== 'string' || !Array.isArray(diff.changes)) return null;
  return { from: diff.from, changes: diff.changes };
}

/** The next minor semver after the highest one, e.g. 2.0 → 2.1. */
export function nextSemver(definition: MetricDefinition): string {
  const top =
    definition.versions
      .map((v) => v.semver)
      .sort(compareSemver)
      .at(-1) ?? '0.0';
  const [major = 0, minor = 0] = parts(top);
  return `${major}.${minor + 1}`;
}
