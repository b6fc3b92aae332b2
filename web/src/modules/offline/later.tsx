import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@lingui/react';
import { i18n } from '../../app/i18n/index.ts';
import OfflineBar from './components/OfflineBar.tsx';
import { flushOutbox } from './runtime.ts';
import { applyServiceWorkerUpdate } from './sw-update.ts';

export { forceUpgrade } from './upgrade.ts';
export { reportClientError } from './telemetry.ts';

/**
 * The outbox's badge and banners in a small root of their own, pinned above the phone's tab bar
 * (and the desk's bottom edge), so no page or layout has to carry them.
 */
export function mountOfflineBar() {
  const host = document.createElement('div');
  host.className = 'offline-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nProvider i18n={i18n}>
      <Suspense fallback={null}>
        <OfflineBar />
      </Suspense>
    </I18nProvider>,
  );
}

/** A new worker installed while this page runs: flush first, then let it take over (no reload). */
export function watchServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) =>
    registration.addEventListener('updatefound', () => {
      if (navigator.serviceWorker.controller) void flushOutbox().then(() => applyServiceWorkerUpdate());
    }),
  );
}
