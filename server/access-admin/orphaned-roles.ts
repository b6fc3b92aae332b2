import { sql } from 'kysely';
import { writeAuditAs } from '../audit/audit.ts';
import type { RequestMeta } from '../resources/context.ts';
import type { Trx } from '../db/tenant-transaction.ts';

export interface OrphanedRole {
  id: string;
  name: string;
  status: string;
}

/** Active roles that no active user holds and no live role inherits from. */
export async function findOrphanedRoles(trx: Trx, tenantId: string): Promise<OrphanedRole[]> {
  return trx
    .selectFrom('roles as r')
    .select(['r.id', 'r.name', 'r.status'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.deleted_at', 'is', null)
    .where('r.status', '<>', 'disabled')
    .where('r.is_system', '=', false)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('user_roles as ur')
            .innerJoin('users as u', (j) =>
              j.onRef('u.tenant_id', '=', 'ur.tenant_id').onRef('u.id', '=', 'ur.user_id'),
            )
            .select(sql`1`.as('one'))
            .whereRef('ur.tenant_id', '=', 'r.tenant_id')
            .whereRef('ur.role_id', '=', 'r.id')
            .where('ur.deleted_at', 'is', null)
            .where('u.deleted_at', 'is', null)
            .where('u.is_active', '=', true),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('roles as child')
            .select(sql`1`.as('one'))
            .whereRef('child.tenant_id', '=', 'r.tenant_id')
            .whereRef('child.parent_role_id', '=', 'r.id')
            .where('child.deleted_at', 'is', null),
        ),
      ),
    )
    .orderBy('r.name')
    .execute();
}

export interface CleanupOutcome {
  role: OrphanedRole;
  result: 'disabled' | 'deleted' | 'would disable' | 'would delete' | 'refused';
  reason?: string;
}

/** Disables (or deletes, when nothing at all references it) orphaned roles, auditing each. */
export async function cleanupOrphanedRoles(
  trx: Trx,
  tenantId: string,
  action: 'disable' | 'delete',
  dryRun: boolean,
  meta: RequestMeta,
): Promise<CleanupOutcome[]> {
  const orphans = await findOrphanedRoles(trx, tenantId);
  const outcomes: CleanupOutcome[] = [];
  for (const role of orphans) {
    if (action === 'delete') {
      const refs = await trx
        .selectFrom('user_roles')
        .select(sql<number>`count(*)`.as('n'))
        .where('tenant_id', '=', tenantId)
        .where('role_id', '=', role.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(refs.n) > 0) {
        outcomes.push({ role, result: 'refused', reason: `still held by ${refs.n} deactivated user(s)` });
        continue;
      }
    }
    if (dryRun) {
      outcomes.push({ role, result: action === 'disable' ? 'would disable' : 'would delete' });
      continue;
    }
    const reason = `orphaned: no active holder and no role inherits from it (role-cleanup ${new Date().toISOString().slice(0, 10)})`;
    await trx
      .updateTable('roles')
      .set(
        action === 'disable'
          ? { status: 'disabled', status_reason: reason, version: sql`version + 1`, updated_at: sql`now()` }
          : { deleted_at: sql`now()`, status_reason: reason },
      )
      .where('tenant_id', '=', tenantId)
      .where('id', '=', role.id)
      .execute();
    await writeAuditAs(trx, tenantId, { id: null, name: 'cli' }, meta, [
      {
        action: action === 'disable' ? 'role.disable' : 'delete',
        recordType: 'role',
        recordId: role.id,
        changes: {
          status: { before: role.status, after: action === 'disable' ? 'disabled' : 'deleted' },
          reason: { before: null, after: reason },
        },
      },
    ]);
    outcomes.push({ role, result: action === 'disable' ? 'disabled' : 'deleted' });
  }
  return outcomes;
}
