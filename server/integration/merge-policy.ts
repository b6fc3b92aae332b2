/**
 * Merge policies of inbound channels, per channel with per-field overrides:
 * - `nonNullWins` (default): an empty upstream value (null, '', blanks, []) never overwrites;
 * - `sourcePriority`: a value is overwritten only by a source ranked at least as high as the one
 *   that set it (`priority` lists channel ids or keys, highest first; `user` stands for manual
 *   edits; anything unlisted ranks last);
 * - `newestWins`: overwritten only by a value whose source time is not older than the stored
 *   value's (a missing source time is the receipt time);
 * - `alwaysOverwrite`: every mapped value is written, empty ones included.
 * Only `alwaysOverwrite` lets an empty value overwrite a stored one.
 */
export const mergePolicies = ['nonNullWins', 'sourcePriority', 'newestWins', 'alwaysOverwrite'] as const;
export type MergePolicyName = (typeof mergePolicies)[number];

export interface MergePolicy {
  default: MergePolicyName;
  fields?: Record<string, MergePolicyName>;
  priority?: string[];
}

export const defaultMergePolicy: MergePolicy = { default: 'nonNullWins' };

/** Who set the stored value and when (source time); absent when nobody is known to have. */
export interface Setter {
  /** A channel id, or null for a person's edit. */
  channelId: string | null;
  channelKey?: string | null;
  at: Date;
}

export interface Incoming {
  value: unknown;
  channelId: string;
  channelKey?: string;
  at: Date;
}

export const isEmptyValue = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const policyFor = (policy: MergePolicy, field: string): MergePolicyName =>
  policy.fields?.[field] ?? policy.default;

function rank(priority: string[], channelId: string | null, channelKey?: string | null): number {
  const names = channelId === null ? ['user'] : [channelId, channelKey ?? ''];
  const ranks = names.map((n) => priority.indexOf(n)).filter((i) => i >= 0);
  return ranks.length ? Math.min(...ranks) : priority.length;
}

/** Whether the incoming value replaces the stored one (false also when they are equal). */
export function shouldWrite(
  policy: MergePolicy,
  field: string,
  stored: unknown,
  setter: Setter | undefined,
  incoming: Incoming,
): boolean {
  if (incoming.value === undefined || same(stored, incoming.value)) return false;
  const name = policyFor(policy, field);
  if (name === 'alwaysOverwrite') return true;
  if (isEmptyValue(incoming.value)) return false;
  if (isEmptyValue(stored) || !setter) return true;
  switch (name) {
    case 'nonNullWins':
      return true;
    case 'newestWins':
      return incoming.at.getTime() >= setter.at.getTime();
    case 'sourcePriority': {
      const priority = policy.priority ?? [];
      return (
        rank(priority, incoming.channelId, incoming.channelKey) <= rank(priority, setter.channelId, setter.channelKey)
      );
    }
  }
}
