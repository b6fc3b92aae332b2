/**
 * The phone on a weak network (issue 13), with the network switched through the DevTools protocol:
 * a follow-up captured offline waits in the outbox (badge), is applied exactly once when the
 * network returns; a replay that meets a newer version opens the compare-and-choose sheet; with
 * IndexedDB broken as on Safari 17.3.1 the app still saves and says so; a 426 flushes and reloads.
 */
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { expect, test } from 'vitest';
import offlineEn from '../web/src/modules/offline/i18n/en-US.ts';
import offlineZh from '../web/src/modules/offline/i18n/zh-CN.ts';
import { expectAccessible } from './support/axe.ts';
import { apiClient, apiLogin, createCustomer, need, openContext, uniqueName, type ApiClient } from './support/app.ts';
import { label } from './support/labels.ts';
import { setOffline } from './support/network.ts';

type Tree = { readonly [key: string]: string | Tree };
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pick = (tree: Tree, key: string) =>
  key
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      tree,
    ) as string;
/** An `offline.` message in either language, exactly. */
const offlineLabel = (key: string) =>
  new RegExp(`^\\s*(?:${escape(pick(offlineZh, key))}|${escape(pick(offlineEn, key))})\\s*$`);

async function followupsOf(api: ApiClient, customerId: string) {
  const filter = encodeURIComponent(JSON.stringify({ customerId }));
  return (await api.get<{ data: Array<{ content: string }> }>(`/followups?filter=${filter}`)).data;
}

/** Opens the quick follow-up once while online, so its code is in the page before the network goes. */
async function openComposer(page: Page) {
  await page.getByRole('button', { name: label('followup.write') }).click();
  const sheet = page.getByTestId('followup-quick-add');
  await need(sheet.getByRole('textbox'), 'the quick follow-up text area');
  return sheet;
}

/** Safari 17.3.1 as support met it: every IndexedDB call throws InvalidStateError. */
const breakIndexedDB = () => {
  const broken = {
    open() {
      throw new DOMException("Failed to execute 'transaction' on 'IDBDatabase'", 'InvalidStateError');
    },
    deleteDatabase() {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    },
  };
  Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => broken });
};

test('a follow-up saved offline waits in the outbox and is applied once when the network is back', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 离线客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');
  const sheet = await openComposer(page);

  await setOffline(context, page, true);
  const text = `离线拜访 ${Date.now()}`;
  await sheet.getByRole('textbox').fill(text);
  await sheet.getByRole('button', { name: label('common.save') }).click();
  const badge = page.getByTestId('outbox-badge');
  await need(badge, 'the pending-count badge');
  await expect.poll(() => badge.innerText()).toMatch(/^1\b/);
  await expectAccessible(page, 'phone customer detail with one follow-up waiting offline');
  await badge.click();
  await need(page.getByTestId('outbox-entry'), 'the waiting follow-up in the outbox list');
  await expectAccessible(page, 'the outbox list');
  await page.keyboard.press('Escape');
  expect(await followupsOf(api, customer.id)).toEqual([]);

  await setOffline(context, page, false);
  await expect.poll(() => badge.count()).toBe(0);
  const saved = await followupsOf(api, customer.id);
  expect(saved.filter((f) => f.content === text)).toHaveLength(1);
  await context.close();
});

test('a replay that meets a newer version opens the compare-and-choose sheet, and "keep mine" applies it', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 冲突客户'), { level: 'B' });
  // Someone else changed the level after the phone had queued its change on version 1.
  const changed = await api.request('PATCH', `/customers/${customer.id}`, { version: 1, level: 'C' });
  expect(changed.status).toBe(200);
  const queued = [
    {
      id: uuidv7(),
      seq: 1,
      state: 'pending',
      op: 'update',
      recordType: 'customer',
      recordId: customer.id,
      baseVersion: 1,
      data: { level: 'A' },
      clientVersion: '0.1.0',
      label: '客户 · 级别',
      createdAt: new Date().toISOString(),
      attempts: 0,
    },
  ];
  const { context, page } = await openContext('phone', { as: 'sales1' });
  // The queue as a page left it in the localStorage mirror (IndexedDB broken, so that is where it lives).
  await context.addInitScript(breakIndexedDB);
  await context.addInitScript((entries: string) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cairn.outbox', entries);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(queued));
  await page.goto(`/customers/${customer.id}`);
  const badge = page.getByTestId('outbox-badge');
  await need(badge, 'the badge of the conflicted change');
  await badge.click();
  await page.getByRole('button', { name: offlineLabel('sheet.compare') }).click();
  const conflict = page.getByTestId('conflict-sheet');
  await need(conflict, 'the compare-and-choose sheet');
  await expect.poll(() => conflict.innerText()).toMatch(/A[\s\S]*C/);
  await expectAccessible(page, 'the compare-and-choose sheet');
  await conflict.getByRole('button', { name: offlineLabel('conflict.keepMine') }).click();
  await expect
    .poll(async () => (await api.get<{ data: { level: string } }>(`/customers/${customer.id}`)).data.level)
    .toBe('A');
  await expect.poll(() => badge.count()).toBe(0);
  await context.close();
});

test('with IndexedDB throwing as on Safari 17.3.1 the app shows the banner and still saves, online and offline', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E Safari 客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await context.addInitScript(breakIndexedDB);
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByTestId('storage-fallback-banner'), 'the storage fallback banner');
  await expectAccessible(page, 'phone customer detail with the storage banner');

  const sheet = await openComposer(page);
  await sheet.getByRole('textbox').fill('Safari 在线保存');
  const posted = page.waitForResponse((r) => r.url().includes('/api/v1/followups') && r.request().method() === 'POST');
  await sheet.getByRole('button', { name: label('common.save') }).click();
  expect((await posted).status()).toBeLessThan(300);

  const again = await openComposer(page);
  await setOffline(context, page, true);
  await again.getByRole('textbox').fill('Safari 离线保存');
  await again.getByRole('button', { name: label('common.save') }).click();
  await need(page.getByTestId('outbox-badge'), 'the badge of the follow-up kept in memory');
  expect(await page.evaluate(() => localStorage.getItem('cairn.outbox'))).toContain('Safari 离线保存');
  await setOffline(context, page, false);
  await expect
    .poll(async () => (await followupsOf(api, customer.id)).map((f) => f.content).sort())
    .toEqual(['Safari 在线保存', 'Safari 离线保存']);
  await context.close();
});

/** A busy phone: the boot probe's throwaway database never answers in time; the outbox's own database works. */
const stallProbe = () => {
  const open = indexedDB.open.bind(indexedDB);
  Object.defineProperty(indexedDB, 'open', {
    configurable: true,
    value: (name: string, version?: number) => (name.startsWith('cairn-probe-') ? {} : open(name, version)),
  });
};

test('a boot probe that misses its 1 s still replays what an earlier page left in IndexedDB', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 忙时客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  const sheet = await openComposer(page);
  await setOffline(context, page, true);
  await sheet.getByRole('textbox').fill('忙时离线记录');
  await sheet.getByRole('button', { name: label('common.save') }).click();
  await need(page.getByTestId('outbox-badge'), 'the badge of the follow-up kept in IndexedDB');
  await page.close();
  // The next page (online) misses the probe twice, so its outbox is in memory, and still finds the entry.
  await context.addInitScript(stallProbe);
  const next = await context.newPage();
  await next.goto(`/customers/${customer.id}`);
  await need(next.getByTestId('storage-fallback-banner'), 'the storage fallback banner after the missed probe');
  await expect.poll(async () => (await followupsOf(api, customer.id)).map((f) => f.content)).toEqual(['忙时离线记录']);
  await context.close();
});

test("the storage banner never covers a form's save button, on the desk or the phone", async () => {
  for (const kind of ['desk', 'phone'] as const) {
    const { context, page } = await openContext(kind, { as: 'sales1' });
    await context.addInitScript(breakIndexedDB);
    await page.goto('/customers/new');
    await need(page.getByTestId('storage-fallback-banner'), `the storage fallback banner (${kind})`);
    const save = page.locator('form.record-form').getByRole('button', { name: label('common.save') });
    await need(save, `the customer form's save button (${kind})`);
    await expect
      .poll(
        () =>
          save.evaluate((button) => {
            const box = button.getBoundingClientRect();
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return hit !== null && button.contains(hit);
          }),
        { message: `the save button is what a tap on it hits (${kind})` },
      )
      .toBe(true);
    await context.close();
  }
});

test('a 426 keeps the outbox, hands over to the service worker and reloads (once)', async () => {
  const admin = apiClient((await apiLogin('admin')).token);
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 升级客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  const sheet = await openComposer(page);
  await setOffline(context, page, true);
  await sheet.getByRole('textbox').fill('升级前离线记录');
  await sheet.getByRole('button', { name: label('common.save') }).click();
  await need(page.getByTestId('outbox-badge'), 'the badge before the upgrade');
  await page.evaluate(() => ((window as unknown as { beforeUpgrade: boolean }).beforeUpgrade = true));

  const before = await admin.get<{ data: { settings: { minClientVersion: string } } }>('/tenant');
  try {
    const raised = await admin.request('PATCH', '/tenant', { minClientVersion: '99.0.0' });
    expect(raised.status).toBe(200);
    const refused = page.waitForResponse((r) => r.url().includes('/api/v1/sync/batch') && r.status() === 426);
    const reloaded = page.waitForEvent('load');
    await setOffline(context, page, false);
    await refused;
    await reloaded;
    expect(await page.evaluate(() => 'beforeUpgrade' in window)).toBe(false);
    // The same old build came back: the page says so instead of reloading again, and the queue is kept.
    await need(page.getByTestId('upgrade-stuck-banner'), 'the "update required" banner');
    await expectAccessible(page, 'the page after a forced upgrade found no newer version');
    expect(await followupsOf(api, customer.id)).toEqual([]);
  } finally {
    await admin.request('PATCH', '/tenant', { minClientVersion: before.data.settings.minClientVersion });
  }
  await page.reload();
  await expect
    .poll(async () => (await followupsOf(api, customer.id)).map((f) => f.content))
    .toEqual(['升级前离线记录']);
  await context.close();
});

/** The outbox's module (loaded right after the first screen) is in the page: what an offline tap needs. */
async function outboxLoaded(page: Page) {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/later-/.test(e.name))))
    .toBe(true);
}

test('a smart-button tap offline waits in the outbox (badge 1) and replays to one follow-up', async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 离线按钮客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  await page.goto(`/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the customer detail on the phone');
  const justTalked = page.getByTestId('smart-buttons').getByRole('button', { name: /^(刚聊完)$/ });
  await need(justTalked, 'the 刚聊完 smart button');
  await outboxLoaded(page);

  await setOffline(context, page, true);
  await justTalked.click();
  const badge = page.getByTestId('outbox-badge');
  await need(badge, 'the pending-count badge of the tap');
  await expect.poll(() => badge.innerText()).toMatch(/^1\b/);
  await expectAccessible(page, 'phone customer detail with one smart-button tap waiting offline');
  expect(await followupsOf(api, customer.id)).toEqual([]);

  const replayed = page.waitForResponse((r) => r.url().includes('/api/v1/sync/batch') && r.status() === 200);
  await setOffline(context, page, false);
  const results = (await (await replayed).json()) as { data: Array<{ result: string }> };
  expect(results.data.map((r) => r.result)).toEqual(['applied']);
  await expect.poll(() => badge.count()).toBe(0);
  const saved = await followupsOf(api, customer.id);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ content: '刚与客户沟通完，要点：' });
  await context.close();
});

test("offline, an own customer's page shows its cached lite card marked 离线 · 更新于 …", async () => {
  const api = apiClient((await apiLogin('sales1')).token);
  const customer = await createCustomer(api, uniqueName('E2E 离线名片客户'), { mainPhone: '13900001234' });
  const start = await createCustomer(api, uniqueName('E2E 离线起点客户'));
  const { context, page } = await openContext('phone', { as: 'sales1' });
  // the own customers' lite cards come in one list request once the page has loaded
  const cards = page.waitForResponse(
    (r) => r.url().includes('/api/v1/customers?') && decodeURIComponent(r.url()).includes('"ownerId"'),
  );
  await page.goto(`/customers/${start.id}`);
  await need(page.getByRole('heading', { name: start.name }), 'the first customer on the phone');
  expect((await cards).status()).toBe(200);
  const listed = (await (await cards).json()) as { data: Array<{ id: string }> };
  expect(listed.data.map((c) => c.id)).toContain(customer.id);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('cairn-lite-cards');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('snapshots')) return resolve(0);
              const read = db.transaction('snapshots').objectStore('snapshots').getAll();
              read.onsuccess = () => resolve((read.result as Array<{ cards: unknown[] }>)[0]?.cards.length ?? 0);
              read.onerror = () => resolve(0);
            };
            open.onerror = () => resolve(0);
          }),
      ),
    )
    .toBeGreaterThan(0);

  await setOffline(context, page, true);
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/customers/${customer.id}`);
  await need(page.getByRole('heading', { name: customer.name }), 'the cached card of a customer never opened online');
  const mark = page.getByTestId('offline-card-mark');
  await need(mark, 'the offline mark of the cached card');
  expect(await mark.innerText()).toMatch(/^(离线 · 更新于|Offline · updated) /);
  expect(await page.getByTestId('lite-field-level').innerText()).toContain('B');
  await expectAccessible(page, 'the cached lite card read offline');

  await setOffline(context, page, false);
  await expect.poll(() => mark.count()).toBe(0);
  await context.close();
});
