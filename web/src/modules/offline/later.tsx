import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '@lingui/react';
import { i18n } from '../../app/i18n/index.ts';
import OfflineBar from './components/OfflineBar.tsx';
import { flushOutbox } from './runtime.ts';
import { applyServiceWorkerUpdate } from './sw-update.ts';

export { forceUpgrade } from './upgrade.ts';
export { startLiteCards } from './lite-cards/lite-card-cache.ts';
// what a smart-button tap needs to queue itself (this module is loaded right after the first screen)
export { newOperationKey, queueTap, shouldQueue } from './runtime.ts';
export { reportClientError } from './telemetry.ts';

/**
 * The outbox's badge and banners in a small root of their own, pinned above the phone's tab bar
 * (and the desk's bottom edge), so no page or layout has to carry them.
 */
export function mountOfflineBar() {
  const host = document.createElement('div');
  host.className = 'offline-root';
  document.body.append(host);
  publishCover(host);
  createRoot(host).render(
    <I18nProvider i18n={i18n}>
      <Suspense fallback={null}>
        <OfflineBar />
      </Suspense>
    </I18nProvider>,
  );
}

/**
 * How far the bar reaches up from the viewport's bottom (0 when it shows nothing), as the CSS
 * variable `--cairn-outbox-cover`: sticky save bars sit above it, so a banner never hides a button.
 */
function publishCover(host: HTMLElement) {
  const update = () => {
    const { top, height } = host.getBoundingClientRect();
    const cover = height > 0 ? Math.ceil(window.innerHeight - top) + 8 : 0;
    document.documentElement.style.setProperty('--cairn-outbox-cover', `${cover}px`);
  };
  new ResizeObserver(update).observe(host);
  window.addEventListener('resize', update);
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
