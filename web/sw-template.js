/* Cairn service worker; web/vite.config.ts fills in the build's version and shell files. */
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const CACHE = `cairn-shell-${VERSION}`;
const SHELL = '/index.html';

// A new version waits: the page tells it to take over only after flushing its offline outbox
// (applyServiceWorkerUpdate in web/src/modules/offline/sw-update.ts).
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('cairn-shell-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never the API (data must be live, and it carries the session), and nothing from other origins.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/sw.js') return;

  if (request.mode === 'navigate' && CARD_PAGE.test(url.pathname)) {
    event.respondWith(cardPage(event, request, url));
    return;
  }

  if (request.mode === 'navigate') {
    // App shell: the cached index.html at once, refreshed in the background for the next visit.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(SHELL);
        const network = fetch(request).then((response) => {
          const html = (response.headers.get('content-type') ?? '').includes('text/html');
          // a page that carries a user's card is never anyone's shell
          if (response.ok && html && !response.headers.has(FIRST_PAINT)) void cache.put(SHELL, response.clone());
          return response;
        });
        if (cached) {
          event.waitUntil(network.catch(() => undefined));
          return cached;
        }
        return network;
      }),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: cache first, keep what other routes fetch too.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) void cache.put(request, response.clone());
        return response;
      }),
    );
  }
});

/*
 * Warm answer of the phone customer page (/customers/{id}): the server renders the lite card into
 * the page (x-cairn-first-paint names whose session it is); the worker keeps that page in a cache
 * of the session's own (keyed by a hash of the readable cairn_csrf cookie, via cookieStore),
 * answers it at once marked "更新于 …", and refreshes it from the network (stale-while-revalidate).
 * No session cookie, or a sign-out message from the page, drops every card cache; a page the
 * server no longer renders for this session (access lost) is dropped too. Without cookieStore
 * (browsers lacking it) pages come from the network as before.
 */
const CARD_PAGE = /^\/customers\/(?!new\/?$)[^/]+\/?$/;
const CARDS = 'cairn-cards-';
const FIRST_PAINT = 'x-cairn-first-paint';
const CACHED_AT = 'x-cairn-cached-at';

async function sessionKey() {
  try {
    const cookie = self.cookieStore ? await self.cookieStore.get('cairn_csrf') : null;
    if (!cookie || !cookie.value) return null;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(decodeURIComponent(cookie.value)));
    return [...new Uint8Array(digest)]
      .slice(0, 8)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
  } catch {
    return null;
  }
}

async function dropCards(keep) {
  const keys = await caches.keys();
  await Promise.all(keys.filter((key) => key.startsWith(CARDS) && key !== keep).map((key) => caches.delete(key)));
}

async function shellOr(response) {
  const shell = await caches.open(CACHE).then((cache) => cache.match(SHELL));
  return shell ?? response ?? Response.error();
}

/** The cached page with the "更新于 …" mark (in the page's language) where the server left room for it. */
async function markedStale(cached) {
  const at = new Date(Number(cached.headers.get(CACHED_AT)) || Date.now());
  const html = await cached.text();
  const english = /<html lang="en/.test(html);
  const when = at.toLocaleString(english ? 'en-US' : 'zh-CN', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const mark = `<span class="first-paint__stale" role="status" data-testid="first-paint-stale">${english ? 'Updated' : '更新于'} ${when}</span>`;
  return new Response(html.replace('<!--cairn-stale-->', mark), { status: 200, headers: cached.headers });
}

async function cardPage(event, request, url) {
  const key = await sessionKey();
  const network = fetch(request);
  if (!key) {
    event.waitUntil(dropCards());
    return network.catch(() => shellOr());
  }
  const name = CARDS + key;
  const entry = url.origin + url.pathname.replace(/\/$/, '');
  const cache = await caches.open(name);
  const cached = await cache.match(entry, { ignoreVary: true });
  const refreshed = network.then(async (response) => {
    if (response.ok && response.headers.get(FIRST_PAINT) === key) {
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT, String(Date.now()));
      // the stored body is decoded: its transfer headers no longer apply
      headers.delete('content-encoding');
      headers.delete('content-length');
      await cache.put(entry, new Response(await response.clone().blob(), { status: 200, headers }));
    } else if (response.ok) {
      await cache.delete(entry, { ignoreVary: true });
    }
    return response;
  });
  event.waitUntil(Promise.all([refreshed.catch(() => undefined), dropCards(name)]));
  if (cached) return markedStale(cached);
  return refreshed.catch(() => shellOr());
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cairn:signed-out') event.waitUntil(dropCards());
});
