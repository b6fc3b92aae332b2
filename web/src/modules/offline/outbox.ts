import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry, OutboxRecordType, OutboxStore } from './storage/types.ts';

export interface SyncOperation {
  idempotencyKey: string;
  op: 'create' | 'update';
  recordType: OutboxRecordType;
  recordId?: string;
  baseVersion?: number;
  data: Record<string, unknown>;
}

export interface SyncResult {
  idempotencyKey: string;
  result: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  record?: Record<string, unknown>;
  current?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** What the page shows: the queue, and how the last replay went. */
export interface OutboxSnapshot {
  entries: readonly OutboxEntry[];
  /** Entries still to send, plus those waiting for the rep (conflict, rejected). */
  pending: number;
  syncing: boolean;
  /** Why the last replay failed (network, server error); cleared by a good one. */
  lastError?: string;
  nextRetryAt?: number;
  /** Set when IndexedDB was given up for memory + localStorage. */
  fallback?: string;
}

export type NewEntry = Pick<OutboxEntry, 'op' | 'recordType' | 'recordId' | 'baseVersion' | 'data' | 'label'> & {
  state?: 'pending' | 'draft';
  /** The idempotency key an attempt already sent with (a request that got no answer); else a new UUIDv7. */
  id?: string;
};

export interface OutboxOptions {
  store: OutboxStore & { init?: () => Promise<void>; fallback?: string };
  send: (operations: SyncOperation[]) => Promise<SyncResult[]>;
  clientVersion: string;
  isOnline?: () => boolean;
  /** Backoff after the n-th failed replay in a row (ms). */
  backoff?: (failures: number) => number;
  schedule?: (run: () => void, ms: number) => void;
  /** Told about every result that did not apply (telemetry of failed saves). */
  onFailure?: (entry: OutboxEntry, reason: string) => void;
}

const BATCH = 100;

/** An operation's idempotency key (UUIDv7), for a request sent now that may end up in the outbox. */
export const newOperationKey = (): string => uuidv7();
export const defaultBackoff = (failures: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, failures - 1));

/**
 * The offline outbox (issue 13): actions are kept with a UUIDv7 key and the app version, and
 * replayed oldest first through POST /api/v1/sync/batch. `applied` and `duplicate` leave the
 * queue; `conflict` and `rejected` stay until the rep chooses (nothing is dropped silently); a
 * failed replay is retried with exponential backoff and its reason is shown.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private listeners = new Set<() => void>();
  private running: Promise<void> | undefined;
  private failures = 0;
  private state: Omit<OutboxSnapshot, 'entries' | 'pending'> = { syncing: false };
  private current: OutboxSnapshot = { entries: [], pending: 0, syncing: false };
  private loaded: Promise<void> | undefined;

  constructor(private readonly options: OutboxOptions) {}

  load(): Promise<void> {
    this.loaded ??= (async () => {
      await this.options.store.init?.();
      this.entries = await this.options.store.all();
      this.emit();
    })();
    return this.loaded;
  }

  /** Re-reads the store after entries joined it from elsewhere (carried out of IndexedDB), and replays them. */
  async refresh(): Promise<void> {
    await this.load();
    this.entries = await this.options.store.all();
    this.emit();
    void this.replay();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  snapshot = (): OutboxSnapshot => this.current;

  private emit() {
    const fallback = this.options.store.fallback;
    this.current = {
      ...this.state,
      ...(fallback ? { fallback } : {}),
      entries: [...this.entries],
      pending: this.entries.filter((e) => e.state !== 'draft').length,
    };
    for (const listener of this.listeners) listener();
  }

  private async save(entry: OutboxEntry) {
    await this.options.store.put(entry);
    this.entries = [...this.entries.filter((e) => e.id !== entry.id), entry].sort((a, b) => a.seq - b.seq);
    this.emit();
  }

  private async drop(id: string) {
    await this.options.store.remove(id);
    this.entries = this.entries.filter((e) => e.id !== id);
    this.emit();
  }

  async enqueue(input: NewEntry): Promise<OutboxEntry> {
    await this.load();
    const last = this.entries.at(-1)?.seq ?? 0;
    const entry: OutboxEntry = {
      ...input,
      id: input.id ?? newOperationKey(),
      seq: Math.max(Date.now(), last + 1),
      state: input.state ?? 'pending',
      clientVersion: this.options.clientVersion,
      createdAt: new Date().toISOString(),
      attempts: 0,
    };
    await this.save(entry);
    if (entry.state === 'pending') void this.replay();
    return entry;
  }

  /** A draft turned into its real action (structured), or edited. */
  async update(entry: OutboxEntry) {
    await this.save(entry);
    if (entry.state === 'pending') void this.replay();
  }

  /** Removes an entry the rep chose to let go (a draft, a rejected action, the server's side of a conflict). */
  discard(id: string) {
    return this.drop(id);
  }

  /** Keep mine: send my values again on the server's current version. */
  async keepMine(id: string, data?: Record<string, unknown>) {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    const version = entry.current?.version;
    await this.save({
      ...entry,
      id: newOperationKey(),
      data: data ?? entry.data,
      baseVersion: typeof version === 'number' ? version : entry.baseVersion,
      state: 'pending',
      current: undefined,
      lastError: undefined,
    });
    await this.drop(entry.id);
    void this.replay();
  }

  /** Sends everything pending, oldest first; one replay at a time. */
  replay(): Promise<void> {
    this.running ??= this.replayOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async replayOnce() {
    await this.load();
    if (this.options.isOnline && !this.options.isOnline()) return;
    this.state = { ...this.state, syncing: true };
    this.emit();
    try {
      for (;;) {
        const batch = this.entries.filter((e) => e.state === 'pending').slice(0, BATCH);
        if (!batch.length) break;
        const results = await this.options.send(batch.map(toOperation));
        const byKey = new Map(results.map((r) => [r.idempotencyKey, r]));
        for (const entry of batch) await this.apply(entry, byKey.get(entry.id));
      }
      this.failures = 0;
      this.state = { syncing: false };
    } catch (error) {
      this.failures += 1;
      const wait = (this.options.backoff ?? defaultBackoff)(this.failures);
      const reason = error instanceof Error ? error.message : String(error);
      this.state = { syncing: false, lastError: reason, nextRetryAt: Date.now() + wait };
      for (const entry of this.entries.filter((e) => e.state === 'pending'))
        await this.save({ ...entry, attempts: entry.attempts + 1, lastError: reason });
      if ((error as { code?: unknown }).code !== 'CLIENT_UPGRADE_REQUIRED')
        (this.options.schedule ?? ((run, ms) => setTimeout(run, ms)))(() => void this.replay(), wait);
    }
    this.emit();
  }

  private async apply(entry: OutboxEntry, result: SyncResult | undefined) {
    if (!result) throw new Error(`the server did not answer operation ${entry.id}`);
    if (result.result === 'applied' || result.result === 'duplicate') return this.drop(entry.id);
    const reason = result.error?.message ?? result.result;
    this.options.onFailure?.(entry, result.result === 'conflict' ? 'conflict' : (result.error?.code ?? 'rejected'));
    await this.save({
      ...entry,
      state: result.result,
      current: result.current,
      lastError: result.result === 'rejected' ? reason : undefined,
      attempts: entry.attempts + 1,
    });
  }
}

const toOperation = (entry: OutboxEntry): SyncOperation => ({
  idempotencyKey: entry.id,
  op: entry.op,
  recordType: entry.recordType,
  ...(entry.recordId ? { recordId: entry.recordId } : {}),
  ...(entry.baseVersion !== undefined ? { baseVersion: entry.baseVersion } : {}),
  data: entry.data,
});
