import { useSyncExternalStore } from 'react';
import { getOutbox } from '../runtime.ts';
import type { OutboxSnapshot } from '../outbox.ts';

/** The outbox's current state, re-rendered on every change. */
export function useOutbox(): OutboxSnapshot {
  const outbox = getOutbox();
  return useSyncExternalStore(outbox.subscribe, outbox.snapshot, outbox.snapshot);
}
