import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { LocalFileStorage } from '../storage/file-storage.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.ts';
import { openConfiguredDatabase, startServer } from '../server.ts';
import { openDatabase } from '../db/database.ts';
import { describeDatabase, withDatabase } from './cli-support.ts';
import path from 'node:path';

const demoLogins = ['admin', 'manager', 'sales1', 'sales2', 'intern', 'legal', 'finance'];

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

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('Run the API and web app (migrates first)')
    .option('--demo', 'load the demo data set when the database has no tenant yet')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { demo?: boolean; port?: string }) => {
      const config = loadConfig();
      if (options.port) config.port = Number(options.port);
      ensureWebBuild();
      console.log(`database: ${describeDatabase(config)}`);
      const database = await openConfiguredDatabase(config);
      let seeded = false;
      if (options.demo) {
        const tenant = await database.owner.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
        if (!tenant) {
          console.log('empty database: loading the demo data set…');
          await seedDemo(database.db, {
            storage: new LocalFileStorage(path.join(config.dataDir, 'files')),
            onProgress: (step) => console.log(`  · ${step}`),
          });
          seeded = true;
        }
      }
      const server = await startServer(config, database);
      console.log(`\nCairn is running at ${server.url}  (API docs: ${server.url}/api/docs)`);
      if (options.demo) {
        console.log(
          `demo company 演示公司${seeded ? ' (just created)' : ''}; logins (password "${DEMO_PASSWORD}"): ${demoLogins.join(', ')}`,
        );
      }
      const stop = async () => {
        console.log('shutting down…');
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        appDbRole: config.appDbRole,
      });
      try {
        const { applied } = await migrateToLatest(database, config.appDbRole);
        console.log(
          `${describeDatabase(config)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Load a data set')
    .requiredOption('--demo', 'the demo company 演示公司 with users, customers, contracts and orders')
    .option('--customers <n>', 'number of customers', '300')
    .option('--orders <n>', 'number of orders', '2000')
    .option('--name <name>', 'company name', '演示公司')
    .option('--slug <slug>', 'company code', 'demo')
    .action(async (options: { customers: string; orders: string; name: string; slug: string }) => {
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
          customers: Number(options.customers),
          orders: Number(options.orders),
          storage: new LocalFileStorage(path.join(config.dataDir, 'files')),
          onProgress: (step) => console.log(`  · ${step}`),
        });
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
