import { hasSystem, loadAccess } from '../access/access-context.ts';
import { checkRecord } from '../access/authorize.ts';
import { objectOf } from '../access/object-of.ts';
import { accessActions } from '../access/model.ts';
import { actorFromUser } from '../auth/authenticate.ts';
import { findResourceByType } from '../resources/registry.ts';
import type { Trx } from '../db/tenant-transaction.ts';
import { fieldError, notFound } from '../errors.ts';

/**
 * For each action: allowed or denied, and the grants, scopes and field rules that decided it.
 * It evaluates the same compiled SQL as the list views, so "why" never disagrees with "what".
 */
export async function explainAccess(trx: Trx, tenantId: string, userId: string, recordType: string, recordId: string) {
  const spec = findResourceByType(recordType);
  if (!spec) throw fieldError('query.recordType', 'is not a record type');
  const user = await trx
    .selectFrom('users')
    .select(['id', 'tenant_id', 'username', 'display_name', 'role', 'is_service', 'department_id', 'is_active'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const exists = await trx
    .selectFrom(spec.table)
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!exists) throw notFound(recordType, recordId);
  const access = await loadAccess(trx, actorFromUser(user));
  const object = objectOf(spec);
  const actions = [];
  for (const action of accessActions) {
    if (!user.is_active) {
      actions.push({ action, allowed: false, reason: 'the user is deactivated', grants: [] });
      continue;
    }
    if (spec.readableByAll && action === 'read') {
      actions.push({ action, allowed: true, reason: 'readable by every signed-in user', grants: [] });
      continue;
    }
    if (spec.writePermission && action !== 'read') {
      const allowed = hasSystem(access, spec.writePermission);
      actions.push({
        action,
        allowed,
        reason: allowed ? `holds ${spec.writePermission}` : `needs the ${spec.writePermission} permission`,
        grants: [],
      });
      continue;
    }
    const check = await checkRecord(trx, access, spec, action, { id: recordId });
    const matched = check.matched.length > 0;
    const allowed = matched && !check.sandboxed;
    const reason =
      check.grants.length === 0
        ? `no role grants ${object}.${action}`
        : !matched
          ? `the record is outside every ${object}.${action} scope (${[...new Set(check.grants.map((g) => g.scope))].join(', ')})`
          : check.sandboxed
            ? 'new-hire sandbox: only records the user created or the manager assigned'
            : `granted by ${check.matched.map((g) => g.via.join(' › ')).join('; ')}`;
    actions.push({
      action,
      allowed,
      reason,
      grants: check.grants.map((g) => ({
        scope: g.scope,
        via: g.via,
        matched: check.matched.includes(g),
        combined: g.combined ?? false,
      })),
    });
  }
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name, isActive: user.is_active },
    record: { type: recordType, id: recordId, object },
    sandboxUntil: access.sandboxUntil?.toISOString() ?? null,
    leastPrivilege: access.settings.leastPrivilege,
    fieldRules: Object.fromEntries(access.fieldRules.get(object) ?? []),
    actions,
  };
}
