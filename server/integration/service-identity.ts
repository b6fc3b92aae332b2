import { grantsFor, hasSystem, loadAccess, type AccessContext } from '../access/access-context.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import type { CommandContext } from '../resources/context.ts';

/**
 * A channel writes as its service identity (`serviceUserId`), through the same record commands,
 * grants, field rules and audit trail as a person. What that identity needs is explicit:
 * the background-sync permission (`runBackgroundSync`, separate from any front-end permission)
 * and read, create and update on customers (and on contacts when its mapping sets contact fields). Whatever is missing is reported on the channel's
 * health (and fails its records with reason `permission`) instead of being found in a log.
 */
export const requiredGrants = [
  { object: 'customer', action: 'read' },
  { object: 'customer', action: 'create' },
  { object: 'customer', action: 'update' },
] as const;

/** What a channel whose mapping sets contact fields (`contact.*`) needs on top. */
export const contactGrants = [
  { object: 'contact', action: 'read' },
  { object: 'contact', action: 'create' },
  { object: 'contact', action: 'update' },
] as const;

/** Whether a channel's mapping writes the primary contact. */
export const mapsContacts = (mapping: unknown) =>
  Array.isArray(mapping) &&
  mapping.some(
    (rule) =>
      typeof (rule as { target?: unknown })?.target === 'string' &&
      (rule as { target: string }).target.startsWith('contact.'),
  );

export interface ServiceIdentity {
  ctx?: CommandContext;
  problems: string[];
  /** The grants it lacks, as `runBackgroundSync` or `customer.create` (all of them when there is no usable user). */
  missingGrants: string[];
}

const allGrants = ['runBackgroundSync', ...requiredGrants.map((g) => `${g.object}.${g.action}`)];

export async function loadServiceIdentity(
  trx: Trx,
  tenantId: string,
  serviceUserId: string | null,
  requestId: string,
  mapping?: unknown,
): Promise<ServiceIdentity> {
  if (!serviceUserId)
    return { problems: ['the channel has no service identity (serviceUserId)'], missingGrants: allGrants };
  const user = await trx
    .selectFrom('users')
    .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id', 'is_active'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', serviceUserId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) return { problems: [`service user ${serviceUserId} does not exist`], missingGrants: allGrants };
  if (!user.is_active) return { problems: [`service user ${user.username} is disabled`], missingGrants: allGrants };
  const actor = actorFromUser(user);
  const access = await loadAccess(trx, actor);
  const problems = grantProblems(access, user.username, mapsContacts(mapping));
  const ctx: CommandContext = {
    actor,
    access,
    trx,
    meta: { requestId, ip: null, userAgent: 'cairn-intake' },
  };
  return { ctx, problems, missingGrants: missingGrants(access) };
}

/** The required grants `access` lacks, as `runBackgroundSync` or `customer.create`. */
export function missingGrants(access: AccessContext): string[] {
  const missing = hasSystem(access, 'runBackgroundSync') ? [] : ['runBackgroundSync'];
  for (const { object, action } of requiredGrants)
    if (grantsFor(access, object, action).length === 0) missing.push(`${object}.${action}`);
  return missing;
}

export function grantProblems(access: AccessContext, username: string, contacts = false): string[] {
  const problems: string[] = [];
  if (!hasSystem(access, 'runBackgroundSync'))
    problems.push(`service user ${username} lacks the runBackgroundSync (background sync) permission`);
  for (const { object, action } of contacts ? [...requiredGrants, ...contactGrants] : requiredGrants)
    if (grantsFor(access, object, action).length === 0)
      problems.push(`service user ${username} has no ${object}.${action} grant`);
  return problems;
}
