import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tokenStore } from './app/api/client.ts';
import { App } from './app/App.tsx';
import { initI18n } from './app/i18n/index.ts';
import { preloadAppLayout } from './app/layout/AppLayout.tsx';
import { prefetchRoute } from './app/routes.tsx';
import './styles.css';

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

// After the page has loaded; at once when it already has (the phone's server-rendered card starts the app after its paint).
const afterLoad = (run: () => void) => (document.readyState === 'complete' ? run() : addEventListener('load', run));

// Forced upgrade, error telemetry, the outbox's hand-over to a new service worker (modules/offline/boot.ts).
afterLoad(() => void import('./modules/offline/boot.ts'));

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // so the worker's own downloads never compete with the first screen
  afterLoad(() => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
