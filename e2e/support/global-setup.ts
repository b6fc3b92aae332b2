/**
 * Browser-test global setup: builds the web app if needed, starts one Cairn server (fresh
 * PGlite database with the demo company) and one chromium for the whole run, hands both to the
 * test files through `inject()`, and stops them at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumInstalled, launchChromiumServer, MISSING_IN_CI_MESSAGE } from './chromium.ts';
import { ensureWebBuild, repoRoot, startCairnServer } from './cairn-server.ts';
import { startOcrDouble } from './ocr-double.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    browserWSEndpoint: string;
  }
}

export const artifactsDir = path.join(repoRoot, 'test-artifacts');

export async function setup(project: TestProject) {
  fs.rmSync(path.join(artifactsDir, 'failures'), { recursive: true, force: true }); // only this run's failures
  fs.mkdirSync(artifactsDir, { recursive: true });
  if (!chromiumInstalled()) {
    // Only reached under CI=true (elsewhere the config skips the suite): every test fails with this message.
    console.error(`[e2e] ${MISSING_IN_CI_MESSAGE}`);
    project.provide('baseURL', '');
    project.provide('browserWSEndpoint', '');
    return;
  }
  const started = Date.now();
  ensureWebBuild((line) => console.log(`[e2e] ${line}`));
  // the server's business-licence OCR provider: a loopback double with fixed fields (e2e/support/ocr-double.ts)
  const ocr = await startOcrDouble();
  process.env.CAIRN_OCR_URL = ocr.url;
  // Browser and server start side by side; the demo data set takes most of the time.
  const [serverResult, browserResult] = await Promise.allSettled([
    startCairnServer({ logFile: path.join(artifactsDir, 'server.log') }),
    launchChromiumServer(),
  ]);
  if (serverResult.status === 'rejected' || browserResult.status === 'rejected') {
    if (serverResult.status === 'fulfilled') await serverResult.value.stop();
    if (browserResult.status === 'fulfilled') await browserResult.value.close();
    throw serverResult.status === 'rejected' ? serverResult.reason : (browserResult as PromiseRejectedResult).reason;
  }
  const server = serverResult.value;
  const browser = browserResult.value;
  console.log(
    `[e2e] cairn at ${server.baseURL} (PGlite in ${server.dataDir}), chromium ${browser.process().pid}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('baseURL', server.baseURL);
  project.provide('browserWSEndpoint', browser.wsEndpoint());

  return async () => {
    await browser.close().catch(() => undefined);
    await server.stop();
    await ocr.close();
  };
}
