/**
 * First paint in one round trip: the server's HTML already carries the phone's lite card (visible
 * with scripts off), the app takes it over without layout shift, and the service worker answers a
 * warm visit from a cache of the session's own, never another user's.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, apiLogin, baseURL, createCustomer, need, openContext, uniqueName } from './support/app.ts';
import { expectAccessible } from './support/axe.ts';
import { label } from './support/labels.ts';

/** Sums layout shifts (without recent input) from the first paint on, as CLS counts them. */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>)
        if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const cardsCaches = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('cairn-cards-')));

test('the lite card is in the HTML: visible with JavaScript blocked', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 首屏 <b>客户</b>'), { mainPhone: '13800138000' });
  const { page } = await openContext('phone', { as: 'sales1', javaScript: false });
  const response = await page.goto(`/customers/${customer.id}`);
  expect(await response!.text()).toContain(`data-first-paint="${customer.id}"`);
  await need(page.getByRole('heading', { name: customer.name }), 'the server-rendered lite card (scripts off)');
  for (const field of ['ownerId', 'mainPhone', 'level', 'lastFollowupAt'])
    await need(page.getByTestId(`lite-field-${field}`), `lite field ${field} in the server's HTML`);
  expect(await page.getByTestId('lite-field-mainPhone').innerText()).toContain('13800138000');
  expect(await page.getByTestId('lite-field-level').innerText()).toContain('B 级');
});

test('the app takes the card over without layout shift (CLS ≤ 0.05)', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 接管客户'));
  const { page } = await openContext('phone', { as: 'sales1' });
  await watchLayoutShift(page);
  await page.goto(`/customers/${customer.id}`);
  // "写跟进" exists only in the app's own render: the takeover happened
  await need(page.getByRole('button', { name: label('followup.write') }), 'the app-rendered customer page');
  await need(page.getByRole('heading', { name: customer.name }), 'the card after the takeover');
  expect(await page.locator('[data-first-paint]').count(), 'the server markup is replaced').toBe(0);
  await page.waitForTimeout(500);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  console.log(`[e2e] first paint → app takeover CLS ${cls.toFixed(4)} (target ≤ 0.05)`);
  expect(cls).toBeLessThanOrEqual(0.05);
  await expectAccessible(page, 'phone customer page after the takeover');
});

test('warm visits come from the service worker marked 更新于, per session, dropped at sign-out', async () => {
  const sales1 = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(sales1, uniqueName('E2E 缓存客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer page');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // a visit under the worker's control fills the session's cache
  await page.reload();
  await need(page.getByRole('heading', { name: customer.name }), 'the customer page under the worker');
  await expect.poll(() => cardsCaches(page)).toHaveLength(1);

  // the next visit is answered from the cache at once, marked until the app has fresh data
  const warm = await page.goto(`/customers/${customer.id}`, { waitUntil: 'commit' });
  expect(warm!.fromServiceWorker(), 'the warm page comes from the service worker').toBe(true);
  const cachedHtml = await warm!.text();
  expect(cachedHtml).toContain(`data-first-paint="${customer.id}"`);
  expect(cachedHtml).toMatch(/data-testid="first-paint-stale">更新于 [^<]+<\/span>/);
  await need(page.getByRole('button', { name: label('followup.write') }), 'the app with fresh data');
  await need(page.getByRole('heading', { name: customer.name }), 'the card after the takeover');
  expect(await page.getByTestId('first-paint-stale').count(), 'the mark goes once the data is fresh').toBe(0);

  // another user's session in the same browser (no sign-out message): never sales1's card
  const other = await apiLogin('sales2');
  await context.clearCookies();
  const { hostname } = new URL(baseURL);
  await context.addCookies(
    other.cookies
      .filter((c) => c.name === 'cairn_session' || c.name === 'cairn_csrf')
      .map((c) => ({
        name: c.name,
        value: c.value,
        domain: hostname,
        path: '/',
        httpOnly: c.httpOnly,
        sameSite: 'Lax' as const,
      })),
  );
  const asOther = await page.goto(`/customers/${customer.id}`);
  const html = await asOther!.text();
  expect(html).not.toContain(customer.name);
  expect(html).not.toContain('data-first-paint');
  await page.waitForLoadState('load');
  expect(await page.getByRole('heading', { name: customer.name }).count()).toBe(0);

  // signing out in the app drops every cached card
  await page.goto('/me');
  const logout = page.getByRole('button', { name: label('user.logout') });
  await need(logout, 'the sign-out button on 我的');
  await logout.click();
  await expect.poll(() => cardsCaches(page)).toHaveLength(0);
});
