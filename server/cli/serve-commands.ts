import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.ts';
import { seedDemoAutomationHistory } from '../seed/demo-automation-history.ts';
import { openConfiguredDatabase, startServer, type RunningServer } from '../server.ts';
import { integerOption, portOption, withDatabase } from './cli-support.ts';

const demoLogins = ['admin', 'manager', 'sales1', 'sales2', 'intern', 'legal', 'finance'];

/** A shutdown that has not finished by then ends the process anyway (orchestrators kill at 10 s). */
const SHUTDOWN_LIMIT_MS = 9500;

function ensureWebBuild() {
  if (fs.existsSync('dist/web/index.html')) return;
  console.log('building the web app (first start only)…');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) console.warn('the web app could not be built; the API still runs (see the output above)');
}

/** SIGTERM/SIGINT: drain requests and jobs, close the database, exit 0; a second signal or the limit exits at once. */
function stopOnSignals(server: RunningServer) {
  const stop = (signal: string) => {
    console.log(`${signal}: shutting down…`);
    const limit = setTimeout(() => {
      console.error(`shutdown took longer than ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    limit.unref();
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('Run the API and web app (migrates first)')
    .option('--demo', 'load the demo data set when the database has no tenant yet')
    .option('--port <port>', 'port to listen on, 0 for any free port (default: PORT or 3000)', portOption)
    .option('--no-build', 'do not build the web app when it is missing (serve the API only)')
    .action(async (options: { demo?: boolean; port?: number; build: boolean }) => {
      const config = loadConfig();
      if (options.port !== undefined) config.port = options.port;
      const database = await openConfiguredDatabase(config, { command: 'cairn serve', share: true });
      console.log(`database: ${database.description}`);
      let seeded = false;
      try {
        if (options.demo) {
          const tenant = await database.owner.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
          if (!tenant) {
            console.log('empty database: loading the demo data set…');
            const demo = await seedDemo(database.db, {
              storage: new LocalFileStorage(path.join(config.dataDir, 'files')),
              onProgress: (step) => console.log(`  · ${step}`),
              integration: true,
              governanceShowcase: true,
            });
            const history = await seedDemoAutomationHistory(database, demo.tenantId);
            console.log(
              `  · A week of calls through the automation engine: ${history.calls} calls, ${history.runs} runs`,
            );
            seeded = true;
          }
        }
        if (options.build) ensureWebBuild();
      } catch (error) {
        await database.close();
        throw error;
      }
      const server = await startServer(config, database);
      stopOnSignals(server);
      console.log(`\nCairn is running at ${server.url}  (API docs: ${server.url}/api/docs)`);
      if (options.demo) {
        console.log(
          `demo company 演示公司${seeded ? ' (just created)' : ''}; logins (password "${DEMO_PASSWORD}"): ${demoLogins.join(', ')}`,
        );
      }
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      await withDatabase(
        async (database, config) => {
          const { applied } = await migrateToLatest(database, config.appDbRole);
          console.log(
            `${database.description}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`,
          );
        },
        { migrate: false },
      );
    });

  program
    .command('seed')
    .description('Load a data set')
    .requiredOption('--demo', 'the demo company 演示公司 with users, customers, contracts and orders')
    .option('--customers <n>', 'number of customers', integerOption(0), 300)
    .option('--orders <n>', 'number of orders (spread over the customers)', integerOption(0), 2000)
    .option('--name <name>', 'company name', '演示公司')
    .option('--slug <slug>', 'company code', 'demo')
    .option('--showcase', 'also add the integration centre showcase: assignment rules and a few consistency findings')
    .action(async (options: { customers: number; orders: number; name: string; slug: string; showcase?: boolean }) => {
      if (options.customers === 0 && options.orders > 0)
        throw new Error('--orders needs customers to order: pass --customers 1 or more, or --orders 0');
      await withDatabase(async (database, config) => {
        const taken = await database.owner
          .selectFrom('tenants')
          .select('id')
          .where('slug', '=', options.slug)
          .executeTakeFirst();
        if (taken) throw new Error(`a company with code "${options.slug}" already exists; pass --slug to seed another`);
        const started = Date.now();
        const result = await seedDemo(database.db, {
          tenantName: options.name,
          slug: options.slug,
          customers: options.customers,
          orders: options.orders,
          storage: new LocalFileStorage(path.join(config.dataDir, 'files')),
          onProgress: (step) => console.log(`  · ${step}`),
          integration: true,
          governanceShowcase: Boolean(options.showcase),
        });
        const history = await seedDemoAutomationHistory(database, result.tenantId);
        result.counts.call_records = history.calls;
        result.counts.automation_runs = history.runs;
        const counts = Object.entries(result.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        console.log(
          `seeded ${options.name} (${options.slug}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`,
        );
        console.log(`logins (password "${DEMO_PASSWORD}"): ${demoLogins.join(', ')}`);
      });
    });
}
