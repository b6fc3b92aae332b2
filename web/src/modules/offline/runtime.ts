import { api } from '../../app/api/client.ts';
import { APP_VERSION } from '../../app/version.ts';
import { tapEntry, type TapInput } from './tap-entry.ts';
import { Outbox, type SyncOperation, type SyncResult } from './outbox.ts';
import { SafeStore } from './storage/safe-store.ts';
import { reportClientError } from './telemetry.ts';

let outbox: Outbox | undefined;

/**
 * The page's outbox: Safari-safe storage, replay through /api/v1/sync/batch whenever the browser
 * says it is online, failed saves reported to telemetry. Loaded on demand (with Dexie), never with
 * the phone's first chunks.
 */
export function getOutbox(): Outbox {
  if (outbox) return outbox;
  const store = new SafeStore({
    onFallback: (reason) => void reportClientError('save_failed', { name: fallbackName(reason), message: reason }),
    onCarried: () => void outbox?.refresh(),
  });
  const created = new Outbox({
    store,
    clientVersion: APP_VERSION,
    isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
    send: (operations: SyncOperation[]) =>
      api.post<{ data: SyncResult[] }>('/sync/batch', { operations }).then((r) => r.data),
    onFailure: (_entry, reason) =>
      void reportClientError('save_failed', { name: reason === 'conflict' ? 'SyncConflict' : 'SyncRejected' }),
  });
  outbox = created;
  if (typeof window !== 'undefined') window.addEventListener('online', () => void created.replay());
  void created.load().then(() => created.replay());
  return created;
}

function fallbackName(reason: string): string {
  const name = /^([A-Za-z]+Error)/.exec(reason)?.[1];
  return name ?? 'StorageProbeFailed';
}

/** Sends what can be sent and leaves the rest stored (IndexedDB or the localStorage mirror). */
export async function flushOutbox(): Promise<void> {
  const box = getOutbox();
  await box.load();
  await box.replay().catch(() => undefined);
}

export { shouldQueue } from './network.ts';
export { newOperationKey } from './outbox.ts';

/** A smart-button tap that could not be sent, queued under the key its attempt used. */
export const queueTap = (tap: TapInput, idempotencyKey: string, label: string) =>
  getOutbox().enqueue(tapEntry(tap, idempotencyKey, label));
