import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openConfiguredDatabase } from '../server.ts';

/**
 * Opens the configured database (migrated unless `migrate: false`), runs `fn`, and always closes
 * it. While `cairn serve` holds the embedded data directory, the database is reached through
 * the server's socket instead, so every command works the same against a running server.
 */
export async function withDatabase<T>(
  fn: (database: Database, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { whenInUse: 'connect', migrate: options.migrate });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/**
 * An option parser for whole numbers in [min, max]. Commander reports a rejected value as
 * "option '--x <n>' argument 'abc' is invalid. …" and exits with status 1 before the command runs.
 */
export function integerOption(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return value;
  };
}

export const portOption = integerOption(0, 65535);

/** The companies a command acts on: the one with code `slug`, or every one, oldest first; never none. */
export async function companiesToScan(database: Database, slug: string | undefined) {
  const tenants = await database.owner
    .selectFrom('tenants')
    .select(['id', 'name', 'slug'])
    .$if(Boolean(slug), (q) => q.where('slug', '=', slug!))
    .orderBy('created_at')
    .execute();
  if (tenants.length === 0) throw new Error(slug ? `no company with code "${slug}"` : 'no companies yet');
  return tenants;
}

/** A text progress bar on stderr (only when it is a terminal; else one line per 10%). */
export function progressBar(label: string) {
  let lastTenth = -1;
  return (done: number, total: number) => {
    const ratio = total ? done / total : 1;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor(ratio * 10);
    if (tenth !== lastTenth) {
      lastTenth = tenth;
      process.stderr.write(`${label} ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
    }
  };
}
