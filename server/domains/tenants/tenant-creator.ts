import type { Kysely } from 'kysely';
import { newId } from '../../../common/ids.ts';
import type { DB } from '../../db/schema.ts';
import { writeAuditAs } from '../../audit/audit.ts';
import { assignRoles, createRoles, salesRepTemplate, systemAdminTemplate } from '../../access/standard-roles.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { assertPasswordAllowed } from '../../auth/password-policy.ts';
import { asSystem, withTenant } from '../../db/tenant-transaction.ts';

export interface TenantCreateInput {
  name: string;
  slug: string;
  adminUsername: string;
  adminPassword: string;
  adminDisplayName?: string;
}

export const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** Creates a company with a root department and its first administrator. */
export async function createTenant(db: Kysely<DB>, input: TenantCreateInput) {
  if (!SLUG.test(input.slug)) throw new Error('the company code must be 2–40 lower-case letters, digits or dashes');
  assertPasswordAllowed(input.adminPassword, 'the administrator password');
  const tenantId = newId();
  await asSystem(db, async (trx) => {
    const taken = await trx.selectFrom('tenants').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (taken) throw new Error(`a company with code "${input.slug}" already exists`);
    await trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        name: input.name,
        slug: input.slug,
        settings: JSON.stringify({ recycleRetentionDays: 30 }),
      })
      .execute();
  });
  const passwordHash = await hashPassword(input.adminPassword);
  return withTenant(db, tenantId, async (trx) => {
    const departmentId = newId();
    await trx
      .insertInto('departments')
      .values({ id: departmentId, tenant_id: tenantId, name: input.name, parent_id: null, path: `/${departmentId}/` })
      .execute();
    const adminId = newId();
    await trx
      .insertInto('users')
      .values({
        id: adminId,
        tenant_id: tenantId,
        username: input.adminUsername,
        display_name: input.adminDisplayName ?? input.adminUsername,
        department_id: departmentId,
        role: 'admin',
        password_hash: passwordHash,
      })
      .execute();
    const roles = await createRoles(trx, tenantId, [systemAdminTemplate, salesRepTemplate], null);
    await assignRoles(trx, tenantId, [[adminId, roles.get(systemAdminTemplate.name)!]], null);
    await writeAuditAs(
      trx,
      tenantId,
      { id: null, name: 'cli' },
      { requestId: `cli-${process.pid}`, ip: null, userAgent: 'cairn-cli tenant create' },
      [
        {
          action: 'create',
          recordType: 'tenant',
          recordId: tenantId,
          changes: { name: { before: null, after: input.name }, slug: { before: null, after: input.slug } },
        },
        {
          action: 'create',
          recordType: 'department',
          recordId: departmentId,
          changes: { name: { before: null, after: input.name } },
        },
        {
          action: 'create',
          recordType: 'user',
          recordId: adminId,
          changes: { username: { before: null, after: input.adminUsername }, role: { before: null, after: 'admin' } },
        },
      ],
    );
    return { tenantId, departmentId, adminId };
  });
}
