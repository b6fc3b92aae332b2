import { defineConfig } from 'vitest/config';
import { messageCatalogs } from './web/build/message-catalogs.ts';

// One worker, shared module state: the embedded database (≈4 s to start) is opened once per
// run and every test file works in tenants of its own, so files cannot disturb each other.
export default defineConfig({
  // Web helpers' tests import message catalogs (`?lingui`) as the app does.
  plugins: [messageCatalogs()],
  test: {
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'web/**/*.test.ts',
      'tests/api/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/resilience/**/*.test.ts',
    ],
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
