/** The phone's network switched through the DevTools protocol (offline / online). */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

const sessions = new WeakMap<Page, CDPSession>();

/** One DevTools session per page: a second one would leave the first one's "offline" in force. */
export async function setOffline(context: BrowserContext, page: Page, offline: boolean) {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await context.newCDPSession(page);
    sessions.set(page, cdp);
    await cdp.send('Network.enable');
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!offline);
}
