import type { NewEntry } from './outbox.ts';
import { tapEntry } from './tap-entry.ts';
import type { OutboxEntry } from './storage/types.ts';

export { shouldQueue } from './network.ts';
export type { TapInput } from './tap-entry.ts';

/**
 * The outbox's public door (issue 13's frequent actions). Loads the outbox (and Dexie) on first use.
 * The save path does not wait for it when online: callers send straight to the API and queue only
 * when the device is offline or the request never reached the server (`shouldQueue`).
 */
export async function enqueue(entry: NewEntry): Promise<OutboxEntry> {
  const { getOutbox } = await import('./runtime.ts');
  return getOutbox().enqueue(entry);
}

export interface FollowupInput {
  customerId: string;
  kind: string;
  content: string;
  occurredAt: string;
  source?: 'manual' | 'button';
  status?: string;
  /** The follow-up template it was written from (the server records the rep's use of it). */
  templateId?: string;
  nextStep?: string;
  nextStepAt?: string;
}

/** The frequent actions as outbox entries. `label` is what the rep sees in the pending list. */
export const offlineActions = {
  /** A new follow-up (a quick-text chip is one with `source: 'button'`). */
  newFollowup: (data: FollowupInput, label: string): NewEntry => ({
    op: 'create',
    recordType: 'followup',
    data: { ...data },
    label,
  }),
  /** A smart-button tap, under the key its first attempt was sent with (one follow-up whichever arrives). */
  smartButtonTap: tapEntry,
  /** A customer's status (or any of its simple fields) changed on a known version. */
  statusUpdate: (customerId: string, baseVersion: number, status: string, label: string): NewEntry => ({
    op: 'update',
    recordType: 'customer',
    recordId: customerId,
    baseVersion,
    data: { status },
    label,
  }),
  /** A follow-up's next step (and its date). */
  nextStep: (
    followupId: string,
    baseVersion: number,
    next: { nextStep: string | null; nextStepAt?: string | null },
    label: string,
  ): NewEntry => ({
    op: 'update',
    recordType: 'followup',
    recordId: followupId,
    baseVersion,
    data: { ...next },
    label,
  }),
  /** A dictated or typed note kept on the phone until it is structured into a follow-up (never sent as is). */
  draftNote: (customerId: string, content: string, label: string): NewEntry => ({
    op: 'create',
    recordType: 'followup',
    data: { customerId, content },
    label,
    state: 'draft',
  }),
};
