import type { Command } from 'commander';
import { createTenant } from '../domains/tenants/tenant-creator.ts';
import { withDatabase } from './cli-support.ts';
import { assertPasswordAllowed } from '../auth/password-policy.ts';

export function registerTenantCommands(program: Command) {
  const tenant = program.command('tenant').description('Companies (tenants)');
  tenant
    .command('create')
    .description('Create a company with its first administrator')
    .requiredOption('--name <name>', 'company name, e.g. 华东精密制造')
    .requiredOption('--slug <slug>', 'company code used at sign-in, e.g. hdjm')
    .requiredOption('--admin <username>', 'username of the first administrator')
    .requiredOption('--password <password>', 'password of the first administrator (8+ characters)')
    .action(async (options: { name: string; slug: string; admin: string; password: string }) => {
      assertPasswordAllowed(options.password);
      await withDatabase(async (database) => {
        const result = await createTenant(database.db, {
          name: options.name,
          slug: options.slug,
          adminUsername: options.admin,
          adminPassword: options.password,
        });
        console.log(
          `created company ${options.name} (code ${options.slug}, id ${result.tenantId}) with administrator ${options.admin}`,
        );
      });
    });
}
