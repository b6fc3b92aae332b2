/**
 * What main.tsx loads on demand (never with the first screen): the forced upgrade on a 426,
 * telemetry of uncaught errors, and handing over to a new service worker once the outbox is flushed.
 */
export { forceUpgrade } from './upgrade.ts';
export { reportClientError } from './telemetry.ts';
import { flushOutbox } from './runtime.ts';
import { applyServiceWorkerUpdate } from './sw-update.ts';

/** A new worker installed while this page runs: flush first, then let it take over (no reload). */
export async function activateUpdate(): Promise<void> {
  await flushOutbox();
  await applyServiceWorkerUpdate();
}
