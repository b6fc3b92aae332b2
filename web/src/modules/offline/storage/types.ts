/** What the phone queues while offline (issue 13): one row per action, replayed in `seq` order. */
export type OutboxRecordType = 'followup' | 'customer' | 'opportunity' | 'smartButtonTap';

export interface OutboxEntry {
  /** UUIDv7, sent as the operation's idempotencyKey: the server applies it at most once. */
  id: string;
  /** Local order of capture: replay goes oldest first. */
  seq: number;
  /** `draft` is a voice/typed note kept on the phone until it is structured; it is never sent. */
  state: 'pending' | 'conflict' | 'rejected' | 'draft';
  op: 'create' | 'update';
  recordType: OutboxRecordType;
  recordId?: string;
  baseVersion?: number;
  data: Record<string, unknown>;
  /** The app version that captured it (the same value as the x-cairn-client header). */
  clientVersion: string;
  /** What the rep sees in the list: "跟进 · 华东设备" and the like. */
  label: string;
  createdAt: string;
  attempts: number;
  /** Why the last replay did not apply it (network, rejected reason). */
  lastError?: string;
  /** The server's values when it answered `conflict`, to compare and choose. */
  current?: Record<string, unknown>;
}

/** The outbox's storage: Dexie (IndexedDB) when it works, else memory mirrored to localStorage. */
export interface OutboxStore {
  readonly kind: 'indexeddb' | 'memory';
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(id: string): Promise<void>;
}
