/**
 * The floor under bench:mobile's cold figure, measured in the same run: the same server-rendered
 * page (the rep's own card, as the server sent it) with every script and preload taken out, served
 * as a static file from a loopback server of this process, opened the same way (fresh context,
 * Slow 4G, 4× CPU). What the cold figure spends above it is the app's; the floor itself is the
 * network's one round trip plus what this machine's Chromium needs to paint a page at all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Cookie } from 'playwright-core';
import { CPU_SLOWDOWN, PHONE, SLOW_4G } from './phone-conditions.ts';

/** The page without scripts: inline and external scripts, module preloads. */
export const withoutScripts = (html: string) =>
  html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');

export async function measureFloor(
  browser: Browser,
  options: { url: string; cookies: Cookie[]; liteFields: string[]; runs: number },
): Promise<{ ms: number[]; bytes: number } | { error: string }> {
  const header = options.cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ');
  const response = await fetch(options.url, { headers: { accept: 'text/html', cookie: header } });
  const html = withoutScripts(await response.text());
  if (!html.includes('data-first-paint')) return { error: 'the server sent no card to strip down' };
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const floorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const ms: number[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        await page.goto(floorUrl, { waitUntil: 'load' });
        const fields = options.liteFields.map((f) => `[data-testid="lite-field-${f}"]`);
        await page.waitForFunction(
          (selectors: string[]) =>
            selectors.every((s) => (document.querySelector(s) as HTMLElement | null)?.checkVisibility()),
          fields,
        );
        // when the page painted its first content, in ms since navigation start
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) =>
              requestAnimationFrame(() =>
                resolve(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now()),
              ),
            ),
        );
        ms.push(Math.round(fcp));
      } finally {
        await context.close();
      }
    }
    return { ms, bytes: Buffer.byteLength(html) };
  } finally {
    server.close();
  }
}
