import { isBrokenConnection, probeIndexedDB } from './probe.ts';
import { MemoryStore } from './memory-store.ts';
import type { OutboxEntry, OutboxStore } from './types.ts';

interface Reopenable extends OutboxStore {
  reopen(): Promise<void>;
}

export interface SafeStoreOptions {
  /** The probe's timeout (issue 13: 1 s). */
  probeTimeoutMs?: number;
  idb?: IDBFactory;
  /** Builds the IndexedDB store; loaded lazily so Dexie stays out of the phone's first chunks. */
  openIndexedDB?: (idb?: IDBFactory) => Promise<Reopenable>;
  /** Told once when the outbox moved to memory (the page shows a banner). */
  onFallback?: (reason: string) => void;
}

const defaultOpen = async (idb?: IDBFactory): Promise<Reopenable> => {
  const { DexieStore } = await import('./dexie-store.ts');
  return new DexieStore(idb);
};

/**
 * The outbox storage that survives Safari: IndexedDB when the boot probe commits a transaction;
 * on a probe that fails twice, or a later InvalidStateError / "connection is closing", one reopen, then an
 * in-memory outbox mirrored to localStorage for the rest of the page's life. Entries already in
 * IndexedDB that can still be read move along with it.
 */
export class SafeStore implements OutboxStore {
  private inner: OutboxStore | undefined;
  private fallbackReason: string | undefined;
  private ready: Promise<void> | undefined;

  constructor(private readonly options: SafeStoreOptions = {}) {}

  get kind(): OutboxStore['kind'] {
    return this.inner?.kind ?? 'memory';
  }

  /** Why the outbox is in memory, when it is. */
  get fallback(): string | undefined {
    return this.fallbackReason;
  }

  init(): Promise<void> {
    this.ready ??= this.boot();
    return this.ready;
  }

  private async boot() {
    // A failed or slow probe is tried once more (a busy tab can miss 1 s once) before giving up.
    const probe = () => probeIndexedDB(this.options.probeTimeoutMs ?? 1000, this.options.idb ?? globalThis.indexedDB);
    const ok = (await probe()) || (await probe());
    if (!ok) return this.toMemory('probe failed', []);
    try {
      this.inner = await (this.options.openIndexedDB ?? defaultOpen)(this.options.idb);
    } catch (error) {
      this.toMemory(describe(error), []);
    }
  }

  private toMemory(reason: string, carried: readonly OutboxEntry[]) {
    this.inner = new MemoryStore(carried);
    if (this.fallbackReason === undefined) {
      this.fallbackReason = reason;
      this.options.onFallback?.(reason);
    }
  }

  /** Runs one call; a broken connection gets one reopen, then the memory fallback takes over. */
  private async run<T>(call: (store: OutboxStore) => Promise<T>): Promise<T> {
    await this.init();
    const store = this.inner!;
    try {
      return await call(store);
    } catch (error) {
      if (store.kind !== 'indexeddb' || !isBrokenConnection(error)) throw error;
      try {
        await (store as Reopenable).reopen();
        return await call(store);
      } catch (again) {
        if (!isBrokenConnection(again)) throw again;
        const carried = await store.all().catch(() => [] as OutboxEntry[]);
        this.toMemory(describe(again), carried);
        return call(this.inner!);
      }
    }
  }

  all() {
    return this.run((s) => s.all());
  }
  put(entry: OutboxEntry) {
    return this.run((s) => s.put(entry));
  }
  remove(id: string) {
    return this.run((s) => s.remove(id));
  }
}

function describe(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  return [e?.name, e?.message].filter((part) => typeof part === 'string' && part).join(': ') || String(error);
}
