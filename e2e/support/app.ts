/**
 * What a browser test needs: the shared chromium, contexts at desk and phone sizes (optionally
 * already signed in), a small API client for setting up and checking data, a tap counter,
 * artifacts, and `need()`, which fails with the name of the UI a test could not find.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { connectChromium, MISSING_IN_CI_MESSAGE } from './chromium.ts';
import { repoRoot } from './cairn-server.ts';

export const baseURL = inject('baseURL');
export const DEMO_PASSWORD = 'cairn-demo';
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export const docsScreenshotsDir = path.join(repoRoot, 'docs/screenshots');

/** Default wait for a locator; long enough for a cold chunk load on 2 busy cores, short enough that a missing page fails fast. */
export const UI_TIMEOUT = 15_000;

export const DESK: BrowserContextOptions = { viewport: { width: 1366, height: 860 }, deviceScaleFactor: 1 };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};

let browser: Promise<Browser> | undefined;
const contexts: BrowserContext[] = [];

export function getBrowser(): Promise<Browser> {
  const endpoint = inject('browserWSEndpoint');
  if (!endpoint) throw new Error(MISSING_IN_CI_MESSAGE);
  browser ??= connectChromium(endpoint);
  return browser;
}

// Under CI=true without chromium the global setup starts nothing: every test fails (not skips) with this reason.
beforeEach(() => {
  if (!inject('browserWSEndpoint')) throw new Error(MISSING_IN_CI_MESSAGE);
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  if (browser) await (await browser).close().catch(() => undefined); // disconnects; the global setup owns the process
  browser = undefined;
});

// ---------------------------------------------------------------- API (setup and verification)

export interface Session {
  token: string;
  user: { id: string; username: string; displayName: string };
  /** The web session's cookies the sign-in set (cairn_session, cairn_csrf, cairn_device). */
  cookies: Array<{ name: string; value: string; httpOnly: boolean }>;
}

export async function apiLogin(username: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((line) => {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    return {
      name: pair.slice(0, at).trim(),
      value: decodeURIComponent(pair.slice(at + 1).trim()),
      httpOnly: attributes.some((a) => a.trim().toLowerCase() === 'httponly'),
    };
  });
  return { ...((await response.json()) as Omit<Session, 'cookies'>), cookies };
}

// ---------------------------------------------------------------- Content-Security-Policy

/** CSP violations the browser reported in this test (console "Refused to …" and securitypolicyviolation). */
const cspViolations: string[] = [];

/** Takes the violations reported so far, for a test that provokes one on purpose. */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/** Any page that breaks the policy fails the test: the app must run under its own CSP. */
afterEach(() => {
  const found = takeCspViolations();
  if (found.length) throw new Error(`Content-Security-Policy violations:\n${found.join('\n')}`);
});

export interface ApiClient {
  request<T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }>;
  get<T = unknown>(url: string): Promise<T>;
  post<T = unknown>(url: string, body?: unknown): Promise<T>;
}

export function apiClient(token: string): ApiClient {
  const request = async <T>(method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseURL}/api/v1${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(method: string, url: string, body?: unknown) => {
    const result = await request<T>(method, url, body);
    if (result.status >= 300) throw new Error(`${method} ${url} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  return { request, get: (url) => ok('GET', url), post: (url, body) => ok('POST', url, body) };
}

export interface CustomerRow {
  id: string;
  name: string;
  [field: string]: unknown;
}

/** A customer of the user's own, so a test never depends on what another test did to the demo data. */
export async function createCustomer(
  api: ApiClient,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<CustomerRow> {
  const result = await api.post<{ data: CustomerRow }>('/customers', { name, level: 'B', region: '华东', ...extra });
  return result.data;
}

let serial = 0;
/** Unique, readable names: "E2E 测试客户 <run>-<n>". */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${(++serial).toString(36)}`;

// ---------------------------------------------------------------- browser contexts

export type Size = 'desk' | 'phone';

export interface OpenOptions {
  /** Signed in through the API (the session cookies of the sign-in); omit for a signed-out context. */
  as?: string;
  /** Stored language (localStorage `cairn.lang`); omit for the default zh-CN. */
  language?: 'zh-CN' | 'en-US';
  /** false: the page's scripts do not run (what the server's HTML shows by itself). */
  javaScript?: boolean;
}

export async function openContext(
  size: Size,
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page; session?: Session }> {
  const session = options.as ? await apiLogin(options.as) : undefined;
  const localStorage = options.language ? [{ name: 'cairn.lang', value: options.language }] : [];
  const { hostname } = new URL(baseURL);
  const cookies = (session?.cookies ?? [])
    .filter((c) => c.name === 'cairn_session' || c.name === 'cairn_csrf')
    .map((c) => ({
      name: c.name,
      value: c.value,
      domain: hostname,
      path: '/',
      expires: -1,
      httpOnly: c.httpOnly,
      secure: false,
      sameSite: 'Lax' as const,
    }));
  const context = await (
    await getBrowser()
  ).newContext({
    ...(size === 'phone' ? PHONE : DESK),
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
    javaScriptEnabled: options.javaScript ?? true,
    storageState: { cookies, origins: localStorage.length ? [{ origin: baseURL, localStorage }] : [] },
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, session };
}

/** A failing test leaves a full-page screenshot of every open page in test-artifacts/failures/. */
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const pages = contexts.flatMap((context) => context.pages()).filter((page) => !page.isClosed());
    const base = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    fs.mkdirSync(path.join(artifactsDir, 'failures'), { recursive: true });
    await Promise.all(
      pages.map((page, index) =>
        page
          .screenshot({
            path: path.join(artifactsDir, 'failures', `${base}${index ? `-${index}` : ''}.png`),
            fullPage: true,
            timeout: 5_000,
          })
          .catch(() => undefined),
      ),
    );
  });
});

/**
 * Waits for a piece of UI and fails with its description if it never shows up, so a page that
 * has not been built yet reads as "missing UI: …" rather than a bare locator timeout.
 */
export async function need(
  locator: Locator,
  description: string,
  { timeout = UI_TIMEOUT, state = 'visible' as 'visible' | 'attached' } = {},
): Promise<Locator> {
  try {
    await locator.first().waitFor({ state, timeout });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`missing UI: ${description} (${reason})`);
  }
  return locator;
}

/** Counts what the user touches, for "in at most N taps" checks. */
export class Taps {
  readonly log: string[] = [];
  get count(): number {
    return this.log.length;
  }
  async tap(locator: Locator, what: string): Promise<void> {
    await locator.tap();
    this.log.push(what);
  }
}

/** Screenshot into test-artifacts/screenshots/ and, when asked, a copy under docs/screenshots/ for the README. */
export async function saveScreenshot(page: Page, name: string, { docs = false } = {}): Promise<string> {
  const file = path.join(artifactsDir, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  if (docs && !cjkFontInstalled()) {
    console.warn(
      `[e2e] no CJK font installed (fc-list :lang=zh is empty): ${name}.png would show boxes for Chinese text, so docs/screenshots/ is left as it is — apt-get install -y fonts-noto-cjk`,
    );
  } else if (docs) {
    fs.mkdirSync(docsScreenshotsDir, { recursive: true });
    fs.copyFileSync(file, path.join(docsScreenshotsDir, `${name}.png`));
  }
  return file;
}

/** Without a CJK font chromium draws zh-CN text as boxes; such a screenshot must not reach the README. */
function cjkFontInstalled(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/** Presses `button` (the real label, see ./labels.ts) in the confirmation dialog that opened. */
export async function confirmAction(page: Page, button: RegExp, description: string): Promise<void> {
  const dialog = page.locator('dialog[open]').last();
  await need(dialog, description);
  await dialog.getByRole('button', { name: button }).click();
}

/** A real PNG made by the browser itself (a screenshot of the current viewport corner). */
export async function pngOf(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 120 } });
}

/** The API path of the app's current URL, e.g. "/customers/0193…". */
export const pathOf = (page: Page) => new URL(page.url()).pathname;
