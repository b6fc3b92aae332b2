import type { Command } from 'commander';
import { cleanupOrphanedRoles } from '../access-admin/orphaned-roles.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { companiesToScan, withDatabase } from './cli-support.ts';

export function registerRoleCleanupCommand(program: Command) {
  program
    .command('role-cleanup')
    .description('Disable (or delete) roles nobody uses: no active user holds them and no role inherits from them')
    .requiredOption('--scope <scope>', 'which roles: orphaned')
    .requiredOption('--action <action>', 'disable or delete (delete is refused while anything references the role)')
    .option('--tenant <slug>', 'one company only (default: every company)')
    .option('--dry-run', 'list what would change, change nothing')
    .action(async (options: { scope: string; action: string; tenant?: string; dryRun?: boolean }) => {
      if (options.scope !== 'orphaned') throw new Error('--scope must be "orphaned"');
      if (options.action !== 'disable' && options.action !== 'delete')
        throw new Error('--action must be "disable" or "delete"');
      await withDatabase(async (database) => {
        const tenants = await companiesToScan(database, options.tenant);
        let total = 0;
        for (const tenant of tenants) {
          const outcomes = await withTenant(database.db, tenant.id, (trx) =>
            cleanupOrphanedRoles(trx, tenant.id, options.action as 'disable' | 'delete', Boolean(options.dryRun), {
              requestId: `cli-${process.pid}`,
              ip: null,
              userAgent: 'cairn-cli role-cleanup',
            }),
          );
          for (const o of outcomes)
            console.log(
              `${tenant.name} (${tenant.slug})\t${o.role.name}\t${o.result}${o.reason ? `: ${o.reason}` : ''}`,
            );
          total += outcomes.filter((o) => o.result !== 'refused').length;
        }
        console.log(
          `${options.dryRun ? 'dry run: ' : ''}${total} orphaned role(s) ${options.dryRun ? 'would be' : 'were'} ${options.action === 'disable' ? 'disabled' : 'deleted'} across ${tenants.length} company(ies)`,
        );
      });
    });
}
