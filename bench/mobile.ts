/**
 * npm run bench:mobile — how fast a sales rep's phone shows a customer.
 *
 * Opens a customer detail at 390×844 in Debian chromium, throttled through CDP to DevTools'
 * "Slow 4G" (562.5 ms latency, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up) with a 4× CPU slowdown,
 * and times navigation start → the tenant's 5 lite fields (data-testid="lite-field-<name>") visible:
 *   cold: a fresh browser context (empty HTTP cache, no service worker): the server-rendered card;
 *   warm: the third visit in the same context — the second, the first under the service worker,
 *         fills its per-session card cache; the third is answered from it (stale-while-revalidate);
 *   coldFloorMs: the same card page with its scripts taken out, from a static loopback server, same
 *         throttle — this machine's floor under the cold figure (bench/mobile-floor.ts);
 *   clsTakeover: the layout shift of the cold visit from first paint until the app has taken over;
 *   offlineReplayMs: 30 follow-ups saved offline, replayed after reconnecting on Slow 4G, until the
 *         outbox is empty and the server holds each once (bench/mobile-replay.ts).
 * Median of 5 each (BENCH_RUNS to change). Starts its own server on a fresh embedded database
 * unless BASE_URL is given (then BENCH_USER / BENCH_PASSWORD, default sales1 / cairn-demo).
 * Prints JSON on stdout: each figure beside its target, plus samples and details.
 * Reports, never asserts: warm ≤ 600 ms, cold ≤ 1.2 s, CLS ≤ 0.05, lite response ≤ 2 KB gzip.
 */
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromiumInstalled, CHROMIUM_PATH, launchChromium } from '../e2e/support/chromium.ts';
import { ensureWebBuild, repoRoot, startCairnServer } from '../e2e/support/cairn-server.ts';
import { measureFloor } from './mobile-floor.ts';
import { measureOfflineReplay, type ReplayResult } from './mobile-replay.ts';
import { CPU_SLOWDOWN, PHONE, SLOW_4G } from './phone-conditions.ts';
import { BUDGET_ROUTE as ROUTE, routeSize, type RouteSize } from '../web/build/route-files.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const USER = process.env.BENCH_USER ?? 'sales1';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'cairn-demo';
const VISIT_TIMEOUT_MS = 60_000;
const REPLAY_COUNT = Number(process.env.BENCH_REPLAY ?? 30);
const log = (message: string) => process.stderr.write(`[bench:mobile] ${message}\n`);

const TARGETS = { warmMs: 600, coldMs: 1200, clsTakeover: 0.05, offlineReplayMs: 5000, liteResponseBytesGzip: 2048 };
const DEFAULT_LITE_FIELDS = ['name', 'ownerId', 'mainPhone', 'level', 'lastFollowupAt'];

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};

async function api<T>(baseURL: string, token: string | null, url: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-encoding': 'identity',
    ...(init.headers as Record<string, string>),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseURL}${url}`, { ...init, headers });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status} ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/**
 * Runs in the page before its own scripts: on every DOM change (and every 50 ms, for style-only changes)
 * checks whether all lite fields are rendered and visible, and records performance.now() — ms since
 * navigation start — in the animation frame that paints them.
 */
const liteProbe = (fields: string[]) => `(() => {
  const fields = ${JSON.stringify(fields)};
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  let pending = false;
  const check = () => {
    if (pending || window.__liteVisibleAt !== undefined) return;
    const ready = fields.every((field) => {
      const el = document.querySelector('[data-testid="lite-field-' + field + '"]');
      return el instanceof HTMLElement && el.checkVisibility();
    });
    if (!ready) return;
    pending = true;
    requestAnimationFrame(() => { window.__liteVisibleAt = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const timer = setInterval(() => { check(); if (window.__liteVisibleAt !== undefined) clearInterval(timer); }, 50);
})();`;

interface Timeline {
  navigation: { responseEnd: number; fromServiceWorker: boolean; transferSize: number } | null;
  firstContentfulPaint: number | null;
  requests: Array<{ url: string; start: number; end: number; transferSize: number; serviceWorker: boolean }>;
}

interface Visit {
  ms: number;
  /** Layout shift from first paint until the app rendered the page itself (null: it never did). */
  cls: number | null;
  timeline: Timeline;
  liteRequests: string[];
  scripts: string[];
  serviceWorker: boolean;
}

/**
 * One visit in a new tab of `context`: throttles it, then measures, inside the page,
 * performance.now() (ms since navigation start) at the first frame where every lite field is visible.
 */
async function visit(context: BrowserContext, url: string, liteFields: string[], prime: boolean): Promise<Visit> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // A string, not a function: tsx would wrap named inner functions in its __name helper, which the page lacks.
    await page.addInitScript({ content: liteProbe(liteFields) });
    const liteRequests: string[] = [];
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/customers\/[^/?]+\?/.test(request.url())) liteRequests.push(request.url());
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'commit', timeout: VISIT_TIMEOUT_MS });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __liteVisibleAt?: number }).__liteVisibleAt !== undefined,
        null,
        { timeout: VISIT_TIMEOUT_MS, polling: 50 },
      );
    } catch {
      const missing = await page.evaluate(
        (fields: string[]) =>
          fields.filter(
            (f) =>
              !(document.querySelector(`[data-testid="lite-field-${f}"]`) as HTMLElement | null)?.checkVisibility(),
          ),
        liteFields,
      );
      throw new Error(
        `the lite fields never became visible within ${VISIT_TIMEOUT_MS / 1000} s; missing: ${missing.map((f) => `lite-field-${f}`).join(', ')}`,
      );
    }
    const ms = await page.evaluate(() => (window as unknown as { __liteVisibleAt: number }).__liteVisibleAt);
    // Where the time went (ms since navigation start), for the report: what came from the network or the service worker, and when.
    const timeline = await page.evaluate((until: number): Timeline => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        navigation: nav
          ? {
              responseEnd: Math.round(nav.responseEnd),
              fromServiceWorker: nav.workerStart > 0,
              transferSize: nav.transferSize,
            }
          : null,
        firstContentfulPaint: fcp ? Math.round(fcp.startTime) : null,
        requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.startTime <= until)
          .map((e) => ({
            url: new URL(e.name).pathname + (new URL(e.name).search ? '?…' : ''),
            start: Math.round(e.startTime),
            end: Math.round(e.responseEnd),
            transferSize: e.transferSize,
            serviceWorker: e.workerStart > 0,
          })),
      };
    }, ms);
    // The app has taken over once its own "写跟进" button is there (the server's markup has none).
    const tookOver = await page
      .waitForSelector('.m-actions__main', { timeout: VISIT_TIMEOUT_MS })
      .then(() => page.waitForTimeout(300))
      .then(() => true)
      .catch(() => false);
    const cls = tookOver ? await page.evaluate(() => (window as unknown as { __cls: number }).__cls) : null;
    let serviceWorker = false;
    if (prime) {
      // Let the shell finish caching: the service worker (if the app has one) activated, the network quiet.
      serviceWorker = await page.evaluate(async () => {
        if (!('serviceWorker' in navigator) || !(await navigator.serviceWorker.getRegistration())) return false;
        const registration = await Promise.race([
          navigator.serviceWorker.ready,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000)),
        ]);
        return Boolean(registration?.active);
      });
      await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
    }
    return { ms: Math.round(ms), cls, timeline, liteRequests, scripts, serviceWorker };
  } finally {
    await page.close();
  }
}

/** The web session's cookies for the browser, from a sign-in. */
async function signIn(baseURL: string) {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${USER} → ${response.status} ${(await response.text()).slice(0, 300)}`);
  const { hostname } = new URL(baseURL);
  const cookies = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .map((pair) => ({
      name: pair.slice(0, pair.indexOf('=')),
      value: decodeURIComponent(pair.slice(pair.indexOf('=') + 1)),
    }))
    .filter((c) => c.name === 'cairn_session' || c.name === 'cairn_csrf')
    .map((c) => ({
      ...c,
      domain: hostname,
      path: '/',
      expires: -1,
      httpOnly: c.name === 'cairn_session',
      secure: false,
      sameSite: 'Lax' as const,
    }));
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { ...body, cookies };
}

async function main() {
  if (!chromiumInstalled()) {
    console.error(`Debian chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
    process.exit(1);
  }
  const started = Date.now();
  let stopServer = async () => {};
  let baseURL = process.env.BASE_URL?.replace(/\/$/, '');
  let webDir: string | undefined;
  if (!baseURL) {
    ensureWebBuild(log);
    log('starting cairn serve --demo on a fresh embedded database…');
    const server = await startCairnServer();
    baseURL = server.baseURL;
    stopServer = server.stop;
    webDir = server.webDir;
    log(`server ready at ${baseURL} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  let browser: Browser | undefined;
  try {
    const { token, user, cookies } = await signIn(baseURL);
    const tenant = await api<{ data: { settings: { liteFields?: string[] } } }>(baseURL, token, '/api/v1/tenant');
    const liteFields = tenant.data.settings.liteFields?.length ? tenant.data.settings.liteFields : DEFAULT_LITE_FIELDS;
    const filter = encodeURIComponent(JSON.stringify({ ownerId: user.id }));
    const mine = await api<{ data: Array<{ id: string; name: string }> }>(
      baseURL,
      token,
      `/api/v1/customers?filter=${filter}&sort=name&limit=1&fields=name`,
    );
    const customer = mine.data[0];
    if (!customer) throw new Error(`${USER} owns no customer to open`);
    const url = `${baseURL}/customers/${customer.id}`;
    log(`${USER} opens ${customer.name} (${url}); lite fields: ${liteFields.join(', ')}`);

    browser = await launchChromium();
    const cold: number[] = [];
    const warm: number[] = [];
    const cls: number[] = [];
    const liteRequests = new Set<string>();
    let scripts: string[] = [];
    let serviceWorker = false;
    let breakdown: { cold: Timeline; warm: Timeline } | undefined;
    let error: string | undefined;
    for (let run = 1; run <= RUNS && !error; run++) {
      const context = await browser.newContext({
        ...PHONE,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        serviceWorkers: 'allow',
        // the web session: the cookies the sign-in set (the page never sees the token itself)
        storageState: { cookies, origins: [] },
      });
      try {
        const first = await visit(context, url, liteFields, true);
        await visit(context, url, liteFields, true); // the first visit under the worker fills its card cache
        const second = await visit(context, url, liteFields, false);
        cold.push(first.ms);
        warm.push(second.ms);
        if (first.cls !== null) cls.push(first.cls);
        first.liteRequests.forEach((r) => liteRequests.add(r));
        if (run === 1) scripts = first.scripts;
        breakdown = { cold: first.timeline, warm: second.timeline }; // the last run's
        serviceWorker ||= first.serviceWorker;
        log(
          `run ${run}/${RUNS}: cold ${first.ms} ms, warm ${second.ms} ms${second.timeline.navigation?.fromServiceWorker ? ' (page from the service worker)' : ''}, CLS ${first.cls?.toFixed(4) ?? 'n/a'}`,
        );
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        log(`run ${run}: ${error}`);
      } finally {
        await context.close();
      }
    }

    log('floor: the same card page without scripts, from a static server, same throttle…');
    const floor = await measureFloor(browser, { url, cookies, liteFields, runs: RUNS });
    log(`floor: ${'ms' in floor ? `${floor.ms.join(', ')} ms` : floor.error}`);

    log(`offline replay: ${REPLAY_COUNT} follow-ups saved offline, then Slow 4G…`);
    const replay: ReplayResult = error
      ? { ms: null, queued: 0, appliedOnServer: 0, error: 'not run: the page visits failed' }
      : await measureOfflineReplay(browser, { baseURL, token, cookies, customerId: customer.id, count: REPLAY_COUNT });
    log(`offline replay: ${replay.ms ?? 'n/a'} ms${replay.error ? ` (${replay.error})` : ''}`);

    // The lite-detail response: the same URL the page fetched (fields=…), else the one built from the tenant's lite fields.
    const liteUrl =
      [...liteRequests].find((r) => new URL(r).searchParams.has('fields')) ??
      `${baseURL}/api/v1/customers/${customer.id}?fields=${liteFields.join(',')}`;
    let lite: { url: string; bytes: number; bytesGzip: number; status: number; error?: string };
    {
      const response = await fetch(liteUrl, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'accept-encoding': 'identity' },
      });
      const body = Buffer.from(await response.arrayBuffer());
      lite = {
        url: liteUrl.replace(baseURL, ''),
        bytes: body.length,
        bytesGzip: gzipSync(body).length,
        status: response.status,
      };
      if (!response.ok) lite.error = body.toString('utf8').slice(0, 300);
      if (!liteRequests.size)
        lite.error = `${lite.error ? `${lite.error}; ` : ''}the page made no fields= request, so this URL was built from the tenant's lite fields`;
    }

    let route: RouteSize | { error: string };
    try {
      route = routeSize(webDir ?? path.join(repoRoot, 'dist/web'), ROUTE);
    } catch (caught) {
      route = { error: caught instanceof Error ? caught.message : String(caught) };
    }

    const clsMedian = cls.length ? [...cls].sort((a, b) => a - b)[Math.floor(cls.length / 2)]! : null;
    const result = {
      coldMs: median(cold),
      coldFloorMs: 'ms' in floor ? median(floor.ms) : null,
      warmMs: median(warm),
      clsTakeover: clsMedian === null ? null : Number(clsMedian.toFixed(4)),
      offlineReplayMs: replay.ms,
      versusTargets: {
        cold: `${median(cold) ?? 'n/a'} ms (target ≤ ${TARGETS.coldMs} ms; floor of this machine ${'ms' in floor ? median(floor.ms) : 'n/a'} ms)`,
        warm: `${median(warm) ?? 'n/a'} ms (target ≤ ${TARGETS.warmMs} ms)`,
        clsTakeover: `${clsMedian?.toFixed(4) ?? 'n/a'} (target ≤ ${TARGETS.clsTakeover})`,
        offlineReplay: `${replay.ms ?? 'n/a'} ms for ${REPLAY_COUNT} operations (target ≤ ${TARGETS.offlineReplayMs} ms for 30)`,
      },
      liteResponseBytesGzip: lite.status === 200 ? lite.bytesGzip : null,
      routeJsBytesGzip: 'jsGzipBytes' in route ? route.jsGzipBytes : null,
      targets: TARGETS,
      samples: {
        coldFloorMs: 'ms' in floor ? floor.ms : [],
        coldMs: cold,
        warmMs: warm,
        clsTakeover: cls.map((v) => Number(v.toFixed(4))),
      },
      ...(error ? { error } : {}),
      details: {
        customer: url.replace(baseURL, ''),
        liteFields,
        liteResponse: lite,
        route: 'jsGzipBytes' in route ? { name: ROUTE, files: route.files, cssBytesGzip: route.cssGzipBytes } : route,
        scriptsLoadedCold: scripts,
        serviceWorker,
        lastRun: breakdown,
        offlineReplay: replay,
        floor: 'ms' in floor ? { pageBytes: floor.bytes } : floor,
        throttling: { ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN },
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? 'unknown',
          memoryGB: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
          chromium: browser.version(),
        },
        server: process.env.BASE_URL ? process.env.BASE_URL : 'own (cairn serve --demo, PGlite)',
        seconds: Math.round((Date.now() - started) / 1000),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (error || replay.error) process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer();
  }
}

await main();
