import type { Command } from 'commander';
import { channelSecret, forceRetry, syncStatus } from '../integration/sync-admin.ts';
import { integerOption, progressBar, withDatabase } from './cli-support.ts';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

export function registerChannelCommands(program: Command) {
  const channel = program.command('channel').description('Integration channels');
  channel
    .command('secret <key>')
    .description("Print a webhook channel's secret (--rotate issues a new one; the old one stops working)")
    .option('--tenant <slug>', 'the company, when several have a channel with this key')
    .option('--rotate', 'issue a new secret first (audited)')
    .action(async (key: string, options: { tenant?: string; rotate?: boolean }) => {
      await withDatabase(async (database) => {
        const result = await channelSecret(database, key, options);
        if (result.rotated) console.error(`${result.tenant}/${key}: a new secret was issued; update the sender`);
        console.log(result.secret);
      });
    });

  program
    .command('db-sync')
    .description(
      'Sync queues: --status shows each channel, --force-retry re-runs failed records, dead deliveries and backed-off deliveries now',
    )
    .option('--status', "each channel's queue depth, lag, failure rate and dead letters")
    .option('--force-retry', 'retry the newest failed or dead records now, bypassing backoff')
    .option('--batch <n>', 'how many records --force-retry takes', integerOption(1, 100_000), 500)
    .option('--channel <key>', 'one channel only')
    .option('--tenant <slug>', 'one company only')
    .option('--dry-run', 'show what --force-retry would retry, change nothing')
    .action(
      async (options: {
        status?: boolean;
        forceRetry?: boolean;
        batch: number;
        channel?: string;
        tenant?: string;
        dryRun?: boolean;
      }) => {
        if (!options.status && !options.forceRetry) throw new Error('pass --status or --force-retry');
        if (options.status && options.forceRetry) throw new Error('pass either --status or --force-retry, not both');
        await withDatabase(async (database) => {
          if (options.status) {
            const rows = await syncStatus(database, { tenant: options.tenant });
            const shown = options.channel ? rows.filter((r) => r.channel === options.channel) : rows;
            if (shown.length === 0)
              throw new Error(options.channel ? `no channel "${options.channel}"` : 'no channels yet');
            console.log(
              [
                'company',
                'channel',
                'kind',
                'status',
                'queued',
                'lag_s',
                'p95_s',
                'failure_rate',
                'dead',
                'review',
              ].join('\t'),
            );
            for (const r of shown)
              console.log(
                [
                  r.tenant,
                  r.channel,
                  r.kind,
                  r.status,
                  r.queueDepth,
                  r.lagSeconds,
                  r.p95Seconds ?? '-',
                  `${(r.failureRate * 100).toFixed(1)}%`,
                  r.deadLetters,
                  r.review,
                ].join('\t'),
              );
            return;
          }
          const summary = await forceRetry(database, {
            batch: options.batch,
            channel: options.channel,
            tenant: options.tenant,
            dryRun: options.dryRun,
            onProgress: progressBar('retrying'),
          });
          if (options.dryRun) {
            console.log(
              `dry run: ${summary.selected} record(s) would be retried (by reason: ${list(summary.byReason)})`,
            );
            return;
          }
          console.log(
            `retried ${summary.retried}; succeeded: ${list(summary.succeeded)}; still failing: ${list(summary.stillFailing)}`,
          );
        });
      },
    );
}
