/**
 * The channel editor's mapping model: rows with stable ids around the shared mapping rules, and the
 * type check of common/channel-mapping.ts (the very function the server runs when the channel is
 * saved), its problems grouped by row so each shows inline under the row being edited.
 */
import {
  contactTargets,
  customerTargets,
  mappingProblems,
  pseudoTargets,
  targetsOf,
  type CustomTargetDef,
  type MappingProblem,
  type MappingRule,
  type TargetField,
  type Transform,
  type TransformOp,
} from '../../../../../common/channel-mapping.ts';

export interface MappingRow {
  id: string;
  rule: MappingRule;
}

let serial = 0;
export const newRowId = () => `row-${++serial}`;

export const rowsOf = (mapping: readonly Record<string, unknown>[]): MappingRow[] =>
  mapping.map((rule) => ({ id: newRowId(), rule: rule as unknown as MappingRule }));

export const rulesOf = (rows: readonly MappingRow[]): MappingRule[] => rows.map((row) => row.rule);

export interface CheckedMapping {
  targets: Map<string, TargetField>;
  /** Problems by row index. */
  byRow: Map<number, MappingProblem[]>;
  count: number;
}

/** The save-time check, run on every edit. */
export function checkRows(rows: readonly MappingRow[], defs: readonly CustomTargetDef[]): CheckedMapping {
  const targets = targetsOf(defs);
  const problems = mappingProblems(rulesOf(rows), targets);
  const byRow = new Map<number, MappingProblem[]>();
  for (const problem of problems) {
    const index = Number(/^mapping\[(\d+)\]$/.exec(problem.path)?.[1] ?? -1);
    byRow.set(index, [...(byRow.get(index) ?? []), problem]);
  }
  return { targets, byRow, count: problems.length };
}

/** The target fields in menu order: the customer's own fields, its primary contact's, then custom fields. */
export const standardTargets = [...Object.keys(customerTargets), ...Object.keys(contactTargets)];
export const isPseudoTarget = (target: string) => pseudoTargets.has(target);

/** A transform for `op`, keeping the parameters of the one it replaces. */
export function transformFor(op: TransformOp, previous: readonly Transform[] = []): Transform {
  const kept = previous.find((t) => t.op === op);
  if (kept) return kept;
  switch (op) {
    case 'date':
      return { op, formats: ['iso'] };
    case 'enum':
      return { op, map: {} };
    case 'default':
      return { op, value: '' };
    case 'concat':
      return { op, sources: [], separator: ' ' };
    default:
      return { op } as Transform;
  }
}

export const splitList = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** `from=to` lines → an enum map (lines without `=` are skipped). */
export function parseEnumMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
}

export const enumMapText = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([from, to]) => `${from}=${to}`)
    .join('\n');

/** Parses a pasted dry-run sample: one JSON object, or an array of them (undefined: not valid). */
export function parseSample(text: string): Array<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const list = Array.isArray(value) ? value : [value];
    const objects = list.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    return objects && list.length > 0 ? (list as Array<Record<string, unknown>>) : undefined;
  } catch {
    return undefined;
  }
}
