import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUpgradeHandler, tokenStore } from './app/api/client.ts';
import { App } from './app/App.tsx';
import { initI18n } from './app/i18n/index.ts';
import { preloadAppLayout } from './app/layout/AppLayout.tsx';
import { prefetchRoute } from './app/routes.tsx';
import './styles.css';

// Forced upgrade, error telemetry and service-worker hand-over load only when needed (modules/offline).
const offline = () => import('./modules/offline/boot.ts');
setUpgradeHandler(() => void offline().then((m) => m.forceUpgrade()));
addEventListener('error', (e) => void offline().then((m) => m.reportClientError('uncaught', e.error ?? e)));
addEventListener(
  'unhandledrejection',
  (e) => void offline().then((m) => m.reportClientError('unhandled_rejection', e.reason)),
);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// The first screen's code, its requests and the shell start together. React renders once they are in
// (index.html shows a spinner until then), so the first render does not suspend; a failure renders anyway
// and the route's error boundary shows it. Messages are ready too, so nothing flashes untranslated.
const firstScreen = tokenStore.get()
  ? [prefetchRoute(window.location.pathname), preloadAppLayout()]
  : [prefetchRoute('/login')];

void Promise.allSettled([initI18n(), ...firstScreen]).then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // After the page has loaded, so the worker's own downloads never compete with the first screen.
  // A new version waits until the outbox is flushed (modules/offline/sw-update.ts).
  const watch = (r: ServiceWorkerRegistration) =>
    r.addEventListener(
      'updatefound',
      () => navigator.serviceWorker.controller && void offline().then((m) => m.activateUpdate()),
    );
  window.addEventListener(
    'load',
    () =>
      void navigator.serviceWorker
        .register('/sw.js')
        .then(watch)
        .catch(() => undefined),
  );
}
