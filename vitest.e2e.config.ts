import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { chromiumInstalled, isCI, SKIP_MESSAGE } from './e2e/support/chromium.ts';

// Browser tests: e2e/*.e2e.ts against one `cairn serve --demo` (fresh PGlite, free port) and one
// Debian chromium, both started by e2e/support/global-setup.ts.
// Without /usr/bin/chromium the suite is skipped with a plain message, except under CI=true,
// where every test fails instead (the global setup still runs and the tests report the missing browser).
const skip = !chromiumInstalled() && !isCI();
if (skip) console.log(`\n${SKIP_MESSAGE}\n`);

/** Fixed order: login (and the README screenshots, taken on the untouched demo data) first, the admin's custom field last. */
class E2eOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      ({ 'login.e2e.ts': 0, 'custom-fields.e2e.ts': 2 })[path.basename(file.moduleId)] ?? 1;
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: skip ? [] : ['e2e/**/*.e2e.ts'],
    passWithNoTests: skip,
    globalSetup: skip ? [] : ['e2e/support/global-setup.ts'],
    sequence: { sequencer: E2eOrder },
    pool: 'forks',
    // The server runs on one embedded database and the box may have 2 cores: one file at a time.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    // One retry under CI only, on a shared and noisy machine; e2e/support/flaky-reporter.ts names every test that used it.
    retry: isCI() ? 1 : 0,
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    reporters: ['default', './e2e/support/flaky-reporter.ts'],
  },
});
