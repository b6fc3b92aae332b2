import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { newId } from '../../common/ids.ts';
import { writeAuditAs } from '../audit/audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Database } from '../db/database.ts';
import { withDatabase } from './cli-support.ts';

const cliActor = { id: null, name: 'cli' };
const cliMeta = {
  requestId: `cli-${process.pid}`,
  ip: null,
  userAgent: `cairn-cli ${process.argv.slice(2, 4).join(' ')}`,
};

async function tenantBySlug(database: Database, slug: string) {
  const tenant = await database.owner
    .selectFrom('tenants')
    .select(['id', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!tenant)
    throw new Error(
      `no company with code "${slug}" (see the slug given at "cairn tenant create"; the demo company is "demo")`,
    );
  return tenant;
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Users of a company');

  user
    .command('create')
    .description('Create a user')
    .requiredOption('--tenant <slug>', 'company code')
    .requiredOption('--username <username>')
    .requiredOption('--name <displayName>', 'display name, e.g. 王芳')
    .option('--password <password>', 'initial password (8+ characters); generated when omitted')
    .option('--role <role>', 'admin or member', 'member')
    .action(async (options: { tenant: string; username: string; name: string; password?: string; role: string }) => {
      if (!['admin', 'member'].includes(options.role)) throw new Error('--role must be admin or member');
      if (!/^[A-Za-z0-9._-]{2,60}$/.test(options.username))
        throw new Error('--username may contain letters, digits, dot, dash and underscore (2–60)');
      const password = options.password ?? randomBytes(9).toString('base64url');
      if (options.password !== undefined) assertPasswordAllowed(password);
      await withDatabase(async (database) => {
        const tenant = await tenantBySlug(database, options.tenant);
        const hash = await hashPassword(password);
        await withTenant(database.db, tenant.id, async (trx) => {
          const taken = await trx
            .selectFrom('users')
            .select('id')
            .where('tenant_id', '=', tenant.id)
            .where(sql`lower(username)`, '=', options.username.toLowerCase())
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          if (taken) throw new Error(`user ${options.username} already exists in ${tenant.name}`);
          const id = newId();
          await trx
            .insertInto('users')
            .values({
              id,
              tenant_id: tenant.id,
              username: options.username,
              display_name: options.name,
              role: options.role,
              password_hash: hash,
            })
            .execute();
          await writeAuditAs(trx, tenant.id, cliActor, cliMeta, [
            {
              action: 'create',
              recordType: 'user',
              recordId: id,
              changes: {
                username: { before: null, after: options.username },
                displayName: { before: null, after: options.name },
                role: { before: null, after: options.role },
              },
            },
          ]);
        });
        console.log(
          `created ${options.role} ${options.username} in ${tenant.name}${options.password ? '' : `; initial password: ${password}`}`,
        );
      });
    });

  user
    .command('reset-password')
    .description("Set a new password and end the user's sessions")
    .requiredOption('--tenant <slug>', 'company code')
    .requiredOption('--username <username>')
    .option('--password <password>', 'new password (8+ characters); generated when omitted')
    .action(async (options: { tenant: string; username: string; password?: string }) => {
      const password = options.password ?? randomBytes(9).toString('base64url');
      if (options.password !== undefined) assertPasswordAllowed(password);
      await withDatabase(async (database) => {
        const tenant = await tenantBySlug(database, options.tenant);
        const hash = await hashPassword(password);
        await withTenant(database.db, tenant.id, async (trx) => {
          const updated = await trx
            .updateTable('users')
            .set({ password_hash: hash, version: sql`version + 1`, updated_at: sql`now()` })
            .where('tenant_id', '=', tenant.id)
            .where(sql`lower(username)`, '=', options.username.toLowerCase())
            .where('deleted_at', 'is', null)
            .returning('id')
            .executeTakeFirst();
          if (!updated) throw new Error(`no user ${options.username} in ${tenant.name}`);
          await writeAuditAs(trx, tenant.id, cliActor, cliMeta, [
            { action: 'reset-password', recordType: 'user', recordId: updated.id, changes: {} },
          ]);
          await trx
            .updateTable('sessions')
            .set({ revoked_at: sql`now()` })
            .where('tenant_id', '=', tenant.id)
            .where('user_id', '=', updated.id)
            .where('revoked_at', 'is', null)
            .execute();
        });
        console.log(
          `password of ${options.username} in ${tenant.name} reset; existing sessions ended${options.password ? '' : `; new password: ${password}`}`,
        );
      });
    });
}
