import type { Command } from 'commander';
import { withTenant } from '../db/tenant-transaction.ts';
import { monthRange, sealMonth, verifyChain } from '../reports/snapshots.ts';
import { companiesToScan, withDatabase } from './cli-support.ts';

/** `cairn snapshots verify` and `cairn snapshots seal --month YYYY-MM`. */
export function registerSnapshotsCommand(program: Command) {
  const snapshots = program
    .command('snapshots')
    .description('Sealed monthly report snapshots (a hash chain per company)');
  snapshots
    .command('verify')
    .description('Check every snapshot hash and link; print the head hash, or name the first broken link and exit 1')
    .option('--tenant <slug>', 'one company only (default: every company)')
    .action(async (options: { tenant?: string }) => {
      const broken = await withDatabase(async (database) => {
        let failures = 0;
        for (const tenant of await companiesToScan(database, options.tenant)) {
          const check = await withTenant(database.db, tenant.id, (trx) => verifyChain(trx, tenant.id));
          if (check.ok) console.log(`${tenant.slug}\tok\t${check.count} snapshot(s)\thead ${check.head ?? '(none)'}`);
          else {
            failures += 1;
            const b = check.broken!;
            console.log(`${tenant.slug}\tBROKEN\tsnapshot #${b.seq} (${b.period}, ${b.id}): ${b.reason}`);
          }
        }
        return failures;
      });
      if (broken > 0) process.exitCode = 1;
    });
  snapshots
    .command('seal')
    .description(
      'Seal a month now for every definition with an approved version (a month sealed already stays as it is)',
    )
    .requiredOption('--month <YYYY-MM>', 'the month to seal')
    .option('--tenant <slug>', 'one company only (default: every company)')
    .action(async (options: { month: string; tenant?: string }) => {
      try {
        monthRange(options.month);
      } catch {
        throw new Error(`--month must be a month YYYY-MM, not "${options.month}"`);
      }
      await withDatabase(async (database) => {
        for (const tenant of await companiesToScan(database, options.tenant)) {
          const sealed = await withTenant(database.db, tenant.id, (trx) =>
            sealMonth(trx, tenant.id, options.month, null),
          );
          for (const s of sealed) console.log(`${tenant.slug}\t${options.month}\tsealed ${s.id}\thash ${s.hash}`);
          if (sealed.length === 0) console.log(`${tenant.slug}\t${options.month}\tnothing new to seal`);
        }
      });
    });
}
