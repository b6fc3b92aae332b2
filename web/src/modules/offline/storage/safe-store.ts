import { isBrokenConnection, probeIndexedDB } from './probe.ts';
import { clearMirror, MemoryStore, readMirror } from './memory-store.ts';
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
  /** Told when entries found in IndexedDB after a failed probe joined the memory outbox. */
  onCarried?: (count: number) => void;
}

const defaultOpen = async (idb?: IDBFactory): Promise<Reopenable> => {
  const { DexieStore } = await import('./dexie-store.ts');
  return new DexieStore(idb);
};

/**
 * The outbox storage that survives Safari: IndexedDB when the boot probe commits a transaction;
 * on a probe that fails twice, or a later InvalidStateError / "connection is closing", one reopen, then an
 * in-memory outbox mirrored to localStorage for the rest of the page's life. Entries already in
 * IndexedDB that can still be read move along with it: at once after a broken connection, in the
 * background after a failed probe (a busy phone can miss the probe's 1 s while IndexedDB still
 * works). Entries a fallback page left in the localStorage mirror move into IndexedDB once it works.
 * Nothing queued is left where no page reads it.
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
    if (!ok) {
      this.toMemory('probe failed', []);
      void this.carryFromIndexedDB();
      return;
    }
    try {
      const store = await this.open();
      await adoptMirror(store);
      this.inner = store;
    } catch (error) {
      this.toMemory(describe(error), []);
    }
  }

  private open() {
    return (this.options.openIndexedDB ?? defaultOpen)(this.options.idb);
  }

  /**
   * After a failed probe: what IndexedDB still holds joins the memory outbox (mirrored to
   * localStorage first, then removed from IndexedDB), so it is counted and replayed on this page.
   */
  private async carryFromIndexedDB() {
    let source: Reopenable;
    let found: OutboxEntry[];
    try {
      source = await this.open();
      found = await source.all();
    } catch {
      return; // really broken: nothing readable there
    }
    const memory = this.inner as OutboxStore;
    const known = new Set((await memory.all()).map((e) => e.id));
    const carried = found.filter((e) => !known.has(e.id));
    for (const entry of carried) await memory.put(entry);
    if (carried.length) this.options.onCarried?.(carried.length);
    for (const entry of found) await source.remove(entry.id).catch(() => undefined);
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

/** Entries a fallback page left in the localStorage mirror move into the working IndexedDB. */
async function adoptMirror(store: OutboxStore) {
  const left = readMirror();
  if (!left.length) return;
  for (const entry of left) await store.put(entry);
  clearMirror();
}

function describe(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  return [e?.name, e?.message].filter((part) => typeof part === 'string' && part).join(': ') || String(error);
}
