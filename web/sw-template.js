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
        Promise.all(keys.filter((key) => key.startsWith('cairn-') && key !== CACHE).map((key) => caches.delete(key))),
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

  if (request.mode === 'navigate') {
    // App shell: the cached index.html at once, refreshed in the background for the next visit.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(SHELL);
        const network = fetch(request).then((response) => {
          if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html'))
            void cache.put(SHELL, response.clone());
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
