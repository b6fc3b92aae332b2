import { APP_VERSION } from '../../app/version.ts';
import { flushOutbox } from './runtime.ts';
import { applyServiceWorkerUpdate } from './sw-update.ts';

const RELOADED_KEY = 'cairn.upgradeReloadedFrom';
let started: Promise<void> | undefined;
const listeners = new Set<() => void>();
export const upgradeState = { stuck: false };

export function onUpgradeStuck(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * A 426 CLIENT_UPGRADE_REQUIRED: flush the outbox (what the server still takes is sent, the rest
 * stays stored for the new version to replay), then let the waiting service worker take over, then
 * reload. Once per page; if the reload brought the same old version back (no new build is
 * deployed yet), the page says so instead of reloading again.
 */
export function forceUpgrade(reload: () => void = () => location.reload()): Promise<void> {
  started ??= (async () => {
    await flushOutbox();
    await applyServiceWorkerUpdate();
    let before: string | null = null;
    try {
      before = sessionStorage.getItem(RELOADED_KEY);
      sessionStorage.setItem(RELOADED_KEY, APP_VERSION);
    } catch {
      /* no session storage: reload once anyway */
    }
    if (before === APP_VERSION) {
      upgradeState.stuck = true;
      for (const listener of listeners) listener();
      return;
    }
    reload();
  })();
  return started;
}
