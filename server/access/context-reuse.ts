import type { Actor } from '../resources/context.ts';
import type { TenantAccess } from './access-cache.ts';
import type { AccessContext } from './access-context.ts';

interface Reused {
  /** Everything the context was built from that the session lookup read (the row, as text). */
  inputs: string;
  /** The company's part it was built with: a new version loads a new object, so this no longer matches. */
  tenant: TenantAccess;
  actor: Actor;
  access: AccessContext;
}

/** Sessions whose context is kept; past this the oldest entry is dropped. */
const MAX_SESSIONS = 10_000;
const reused = new Map<string, Reused>();
let hits = 0;
let misses = 0;

/**
 * A session's actor and access context, reused from its previous request while nothing it was
 * built from changed: the same session-lookup row (user, roles held, department, assignments,
 * the company's access version, the write position) and the same cached company part. A reused
 * context keeps its access plan (access/access-plan.ts), so the projection and compiled
 * statements a user's requests repeat are built once per user and version, not per request.
 * The lookup itself still runs on every request: revocations and role changes apply at once.
 */
export function reusedAccess(
  sessionId: string,
  inputs: string,
  tenant: TenantAccess,
  build: () => { actor: Actor; access: AccessContext },
  now = new Date(),
): { actor: Actor; access: AccessContext } {
  const kept = reused.get(sessionId);
  // a new hire's sandbox ends with time alone, with no change to any row
  const sandboxOver = kept?.access.sandboxUntil != null && kept.access.sandboxUntil <= now;
  if (kept && kept.inputs === inputs && kept.tenant === tenant && !sandboxOver) {
    hits++;
    return { actor: kept.actor, access: kept.access };
  }
  misses++;
  const built = build();
  reused.delete(sessionId);
  reused.set(sessionId, { inputs, tenant, ...built });
  if (reused.size > MAX_SESSIONS) reused.delete(reused.keys().next().value!);
  return built;
}

/** Hits and misses since start (tests). */
export const reusedAccessStats = () => ({ hits, misses, sessions: reused.size });
