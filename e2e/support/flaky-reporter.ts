import path from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Under CI a browser test gets one retry (vitest.e2e.config.ts): the shared machine can stall a
 * page for seconds. A test that needed it is listed at the end of the run, so a flake is seen and
 * chased, never hidden. A test that fails twice still fails the run.
 */
export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(testCase: TestCase) {
    const diagnostic = testCase.diagnostic();
    if (diagnostic?.flaky)
      this.flaky.push(
        `${path.basename(testCase.module.moduleId)} › ${testCase.fullName} (${diagnostic.retryCount} retry)`,
      );
  }

  onTestRunEnd() {
    for (const line of this.flaky) console.log(`FLAKY (passed on retry): ${line}`);
    if (!this.flaky.length) console.log('no browser test needed a retry');
  }
}
