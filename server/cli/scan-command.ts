import type { Command } from 'commander';
import { scanAll, type ScanProgress } from '../consistency/scan.ts';
import { companiesToScan, withDatabase } from './cli-support.ts';

/** A one-line progress bar on stderr (redrawn in place on a terminal, one line per step otherwise). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  return (label: string, done: number, total: number) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
    if (stream.isTTY) stream.write(`\r${line.padEnd(100)}${done === total ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}

export function registerScanCommand(program: Command) {
  const scan = program.command('scan').description('Data governance scans');
  scan
    .command('consistency')
    .description(
      'Check every company (or one) for contacts without a live customer, phone mismatches, duplicate customers, foreign keys without an index and records of inactive owners; store the findings report',
    )
    .option('--tenant <slug>', 'one company only (default: every company)')
    .action(async (options: { tenant?: string }) => {
      await withDatabase(async (database) => {
        const tenants = await companiesToScan(database, options.tenant);
        const bar = progressBar();
        const names = new Map(tenants.map((t, i) => [t.id, { ...t, index: i }]));
        let steps = 0;
        const onProgress = (p: ScanProgress) => {
          const tenant = names.get(p.tenantId)!;
          steps = tenant.index * p.total + p.done;
          bar(`${tenant.slug}: ${p.check}`, steps, tenants.length * p.total);
        };
        const reports = await scanAll(database, 'cli', { tenantIds: tenants.map((t) => t.id), onProgress });
        for (const report of reports) {
          const tenant = names.get(report.tenantId)!;
          const parts = Object.entries(report.byCheck).map(([check, n]) => `${check} ${n}`);
          console.log(
            `${tenant.name} (${tenant.slug})\t${report.findings} finding(s)\t${parts.join(', ')}\treport ${report.reportId}`,
          );
        }
        const total = reports.reduce((n, r) => n + r.findings, 0);
        console.log(`consistency scan done: ${total} finding(s) across ${reports.length} company(ies)`);
      });
    });
}
