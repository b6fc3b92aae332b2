/**
 * The one way the page lets a new service worker take over (shared with the service worker's
 * caching in web/sw-template.js): the worker waits after installing, and only this tells it to
 * `skipWaiting`, after the outbox was flushed. Resolves once the new worker controls the page,
 * or when there is none (or it takes over 3 s).
 */
export async function applyServiceWorkerUpdate(timeoutMs = 3000): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!registration) return;
  await registration.update().catch(() => undefined);
  const worker = registration.waiting ?? registration.installing;
  if (!worker) return;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs));
  const installed = new Promise<void>((resolve) => {
    if (worker.state === 'installed') return resolve();
    worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve());
  });
  await Promise.race([installed, timeout]);
  const changed = new Promise<void>((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
  (registration.waiting ?? worker).postMessage({ type: 'SKIP_WAITING' });
  await Promise.race([changed, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
