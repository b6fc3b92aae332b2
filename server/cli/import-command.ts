import path from 'node:path';
import type { Command } from 'commander';
import { importFile, type ImportFileSummary } from '../integration/imports/import-cli.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { integerOption, progressBar, withDatabase } from './cli-support.ts';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

export function importSummaryLines(summary: ImportFileSummary, dryRun: boolean): string[] {
  const dead = Object.values(summary.deadByReason).reduce((a, b) => a + b, 0);
  const rate = summary.seconds > 0 ? Math.round(summary.rows / summary.seconds) : summary.rows;
  return [
    `${dryRun ? 'dry run: ' : ''}${summary.rows} row(s) in ${summary.seconds.toFixed(1)} s (${rate} rows/s)${summary.importId ? `, import ${summary.importId}` : ''}`,
    `${dryRun ? 'would be ' : ''}created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, review ${summary.review}${dryRun ? '' : `, already imported ${summary.repeated}`}`,
    `${dryRun ? 'would fail' : 'dead'} ${dead}${dead ? ` (by reason: ${list(summary.deadByReason)})` : ''}${summary.retrying ? `; waiting for a retry ${summary.retrying}` : ''}`,
  ];
}

export function registerImportCommand(program: Command) {
  program
    .command('import <file>')
    .description('Import a CSV or XLSX file through an import channel (same pipeline as the web page), with progress')
    .requiredOption('--channel <key>', 'the import channel (its mapping, merge policy and service identity)')
    .option('--tenant <slug>', 'the company, when several have a channel with this key')
    .option('--batch <n>', 'rows per transaction (default 500 on PostgreSQL, 25 embedded)', integerOption(1, 10_000))
    .option('--dry-run', 'run every row through mapping, matching and merging, and store nothing')
    .action(async (file: string, options: { channel: string; tenant?: string; batch?: number; dryRun?: boolean }) => {
      await withDatabase(async (database, config) => {
        const storage = new LocalFileStorage(path.join(config.dataDir, 'files'));
        const summary = await importFile(database, storage, file, {
          channel: options.channel,
          tenant: options.tenant,
          batch: options.batch,
          dryRun: options.dryRun,
          onProgress: progressBar(options.dryRun ? 'checking' : 'importing'),
        });
        for (const line of importSummaryLines(summary, Boolean(options.dryRun))) console.log(line);
      });
    });
}
