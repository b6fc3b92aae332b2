/**
 * Loaded by main.tsx once the page has loaded (never with the first screen). It imports nothing
 * the entry does not already have, so the phone's first chunks only carry its file name; the rest
 * (Dexie, the bar, telemetry) loads from here: the forced upgrade on a 426, telemetry of uncaught
 * errors, the outbox's bar, the own customers' lite cards kept for offline reading, and the
 * hand-over to a new service worker after the outbox is flushed.
 */
import { upgrade } from '../../app/api/client.ts';

const later = () => import('./later.tsx');

upgrade.run = () => void later().then((m) => m.forceUpgrade());
if (upgrade.needed) upgrade.run();

addEventListener('error', (event) => void later().then((m) => m.reportClientError('uncaught', event.error ?? event)));
addEventListener(
  'unhandledrejection',
  (event) => void later().then((m) => m.reportClientError('unhandled_rejection', event.reason)),
);

void later().then((m) => {
  m.mountOfflineBar();
  m.watchServiceWorker();
  m.startLiteCards();
});
