/**
 * The offline-replay figure of `npm run bench:mobile`: a rep on the phone customer page loses the
 * network, saves `count` follow-ups through the quick composer (each waits in the app's outbox,
 * the badge counting them), then the network comes back as Slow 4G with a 4× CPU slowdown. The
 * figure is the time from reconnecting until the outbox is empty (the badge gone), checked against
 * the server: exactly `count` follow-ups with those texts, none twice.
 */
import type { Browser, Cookie, Page } from 'playwright-core';
import { CPU_SLOWDOWN, PHONE, SLOW_4G } from './phone-conditions.ts';
import { label } from '../e2e/support/labels.ts';

export interface ReplayResult {
  ms: number | null;
  queued: number;
  appliedOnServer: number;
  error?: string;
}

const badgeCount = (page: Page) =>
  page
    .getByTestId('outbox-badge')
    .innerText({ timeout: 1000 })
    .then((text) => Number(/^\d+/.exec(text.trim())?.[0] ?? 0))
    .catch(() => 0);

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function measureOfflineReplay(
  browser: Browser,
  options: { baseURL: string; token: string; cookies: Cookie[]; customerId: string; count: number },
): Promise<ReplayResult> {
  const { baseURL, token, cookies, customerId, count } = options;
  const context = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
    storageState: { cookies, origins: [] },
  });
  const marker = `离线回放 ${Date.now()}`;
  let queued = 0;
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await page.goto(`${baseURL}/customers/${customerId}`);
    await page.waitForSelector('.m-actions__main', { timeout: 60_000 });
    const sheet = page.getByTestId('followup-quick-add');
    const openComposer = async () => {
      if (!(await sheet.getByRole('textbox').isVisible()))
        await page.getByRole('button', { name: label('followup.write') }).click();
      await sheet.getByRole('textbox').waitFor({ timeout: 30_000 });
    };
    await openComposer(); // its code is in the page before the network goes

    await cdp.send('Network.emulateNetworkConditions', {
      offline: true,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await until(() => page.evaluate(() => !navigator.onLine), 10_000, 'the page to see it is offline');
    for (let i = 1; i <= count; i++) {
      await openComposer();
      await sheet.getByRole('textbox').fill(`${marker} #${i}`);
      await sheet.getByRole('button', { name: label('common.save') }).click();
      await until(async () => (await badgeCount(page)) >= i, 30_000, `the badge to count ${i}`);
      queued = i;
    }

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const started = Date.now();
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await until(async () => (await page.getByTestId('outbox-badge').count()) === 0, 120_000, 'the outbox to empty');
    const ms = Date.now() - started;

    const filter = encodeURIComponent(JSON.stringify({ customerId }));
    const response = await fetch(`${baseURL}/api/v1/followups?filter=${filter}&limit=200&fields=content`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    const { data } = (await response.json()) as { data: Array<{ content: string }> };
    const mine = data.filter((f) => f.content.startsWith(marker)).map((f) => f.content);
    const appliedOnServer = mine.length;
    const distinct = new Set(mine).size;
    const error =
      appliedOnServer !== count || distinct !== count
        ? `the server holds ${appliedOnServer} of the ${count} follow-ups (${distinct} distinct)`
        : undefined;
    return { ms, queued, appliedOnServer, ...(error ? { error } : {}) };
  } catch (caught) {
    return { ms: null, queued, appliedOnServer: 0, error: caught instanceof Error ? caught.message : String(caught) };
  } finally {
    await context.close();
  }
}
