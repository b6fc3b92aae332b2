/**
 * Debian's chromium, launched the one way this repository allows: never a downloaded browser,
 * and with the flags that keep it from phoning home (the network here is closed; without them
 * chromium floods the log with refused connections).
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's package; CAIRN_CHROMIUM_PATH exists only to try the missing-browser paths. */
export const CHROMIUM_PATH = process.env.CAIRN_CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SKIP_MESSAGE =
  'browser tests skipped: Debian chromium not found — apt-get install -y chromium, then npm run test:e2e';
export const MISSING_IN_CI_MESSAGE = `Debian chromium not found at ${CHROMIUM_PATH}, and CI=true: the browser tests cannot be skipped in CI (apt-get install -y chromium)`;

export const chromiumInstalled = () => fs.existsSync(CHROMIUM_PATH);

export const isCI = () => /^(1|true|yes)$/i.test(process.env.CI ?? '');

/**
 * Playwright creates a fresh temporary profile for every launch (its own --user-data-dir under
 * the OS temp dir, removed on close) and refuses a --user-data-dir in `args`, so none is passed here.
 */
const launchOptions = (): LaunchOptions => ({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  // Debian's build is not the one this playwright-core was made for; do not let it look elsewhere.
  chromiumSandbox: false,
  timeout: 60_000,
});

export function launchChromium(): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(MISSING_IN_CI_MESSAGE);
  return chromium.launch(launchOptions());
}

/** One browser per test run: global setup launches it and every test file connects to it. */
export function launchChromiumServer(): Promise<BrowserServer> {
  if (!chromiumInstalled()) throw new Error(MISSING_IN_CI_MESSAGE);
  return chromium.launchServer(launchOptions());
}

export const connectChromium = (wsEndpoint: string): Promise<Browser> =>
  chromium.connect(wsEndpoint, { timeout: 30_000 });
