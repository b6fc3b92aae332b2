import type { ObjectPlan } from '../access/access-plan.ts';

/** Statements kept per plan; past this the oldest is dropped. */
const PER_PLAN = 20;

/**
 * A memo of what is built from an access plan, by a key of the request it was built for. A plan
 * lives as long as the caller's access is unchanged (access/context-reuse.ts), and a user's
 * requests repeat the same few shapes, so each is checked, built and compiled once per plan.
 * An undefined key builds every time (a later page, a list with extra conditions).
 */
export function planMemo<T>(): (plan: ObjectPlan, key: string | undefined, build: () => T) => T {
  const kept = new WeakMap<ObjectPlan, Map<string, T>>();
  return (plan, key, build) => {
    if (key === undefined) return build();
    let entries = kept.get(plan);
    const hit = entries?.get(key);
    if (hit !== undefined) return hit;
    const built = build();
    if (!entries) kept.set(plan, (entries = new Map<string, T>()));
    if (entries.size >= PER_PLAN) entries.delete(entries.keys().next().value!);
    entries.set(key, built);
    return built;
  };
}
