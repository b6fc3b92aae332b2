import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIRROR_KEY } from './memory-store.ts';
import { isBrokenConnection, probeIndexedDB } from './probe.ts';
import { SafeStore } from './safe-store.ts';
import type { OutboxEntry, OutboxStore } from './types.ts';

function memoryLocalStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
}

const entry = (seq: number): OutboxEntry => ({
  id: `0190a000-0000-7000-8000-00000000000${seq}`,
  seq,
  state: 'pending',
  op: 'create',
  recordType: 'followup',
  data: { customerId: 'c', content: `note ${seq}` },
  clientVersion: '0.1.0',
  label: `note ${seq}`,
  createdAt: new Date(0).toISOString(),
  attempts: 0,
});

/** An IndexedDB whose every open throws, as Safari 17.3.1's did on transactions. */
const throwingIndexedDB = {
  open: () => {
    throw new DOMException("Failed to execute 'transaction' on 'IDBDatabase'", 'InvalidStateError');
  },
  deleteDatabase: () => {
    throw new DOMException('The connection is closing.', 'InvalidStateError');
  },
} as unknown as IDBFactory;

describe('Safari-safe outbox storage', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryLocalStorage());
    vi.stubGlobal('IDBKeyRange', IDBKeyRange); // Dexie reads it beside the factory it is given
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the boot probe fails when IndexedDB throws, and when it never answers (1 s timeout)', async () => {
    expect(await probeIndexedDB(1000, throwingIndexedDB)).toBe(false);
    const silent = { open: () => ({}), deleteDatabase: () => ({}) } as unknown as IDBFactory;
    const started = Date.now();
    expect(await probeIndexedDB(50, silent)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await probeIndexedDB(1000, new IDBFactory())).toBe(true);
  });

  it('falls back to memory mirrored to localStorage when IndexedDB is stubbed to throw, and says why', async () => {
    vi.stubGlobal('indexedDB', throwingIndexedDB);
    const onFallback = vi.fn();
    const store = new SafeStore({ onFallback });
    await store.put(entry(1));
    await store.put(entry(2));
    expect(store.kind).toBe('memory');
    expect(store.fallback).toBe('probe failed');
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect((await store.all()).map((e) => e.seq)).toEqual([1, 2]);
    const mirrored = JSON.parse(localStorage.getItem(MIRROR_KEY)!) as OutboxEntry[];
    expect(mirrored.map((e) => e.data.content)).toEqual(['note 1', 'note 2']);
    // A new page (after a reload) finds them again.
    const again = new SafeStore({ idb: throwingIndexedDB });
    expect((await again.all()).map((e) => e.seq)).toEqual([1, 2]);
    await again.remove(entry(1).id);
    expect((JSON.parse(localStorage.getItem(MIRROR_KEY)!) as OutboxEntry[]).length).toBe(1);
  });

  it('keeps IndexedDB (Dexie) when the probe commits', async () => {
    const store = new SafeStore({ idb: new IDBFactory() });
    await store.put(entry(3));
    expect(store.kind).toBe('indexeddb');
    expect(store.fallback).toBeUndefined();
    expect((await store.all()).map((e) => e.seq)).toEqual([3]);
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });

  it('probes once more before giving up: one slow or failed probe keeps IndexedDB', async () => {
    const real = new IDBFactory();
    let opens = 0;
    const onceBroken = {
      open: (name: string, version?: number) => {
        if (opens++ === 0) throw new DOMException('busy', 'InvalidStateError');
        return real.open(name, version);
      },
      deleteDatabase: (name: string) => real.deleteDatabase(name),
    } as unknown as IDBFactory;
    const onFallback = vi.fn();
    const store = new SafeStore({
      idb: onceBroken,
      openIndexedDB: async () => new (await import('./dexie-store.ts')).DexieStore(real),
      onFallback,
    });
    await store.put(entry(4));
    expect(opens).toBe(2);
    expect(store.kind).toBe('indexeddb');
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('a probe that misses its time while IndexedDB works: memory takes over and carries what IndexedDB held', async () => {
    const real = new IDBFactory();
    const { DexieStore } = await import('./dexie-store.ts');
    await new DexieStore(real).put(entry(6));
    const silent = { open: () => ({}), deleteDatabase: () => ({}) } as unknown as IDBFactory;
    const onCarried = vi.fn();
    const store = new SafeStore({
      idb: silent,
      probeTimeoutMs: 20,
      openIndexedDB: () => Promise.resolve(new DexieStore(real)),
      onCarried,
    });
    await store.init();
    expect(store.kind).toBe('memory');
    expect(store.fallback).toBe('probe failed');
    await vi.waitFor(() => expect(onCarried).toHaveBeenCalledWith(1));
    expect((await store.all()).map((e) => e.seq)).toEqual([6]);
    const mirrored = JSON.parse(localStorage.getItem(MIRROR_KEY)!) as OutboxEntry[];
    expect(mirrored.map((e) => e.seq)).toEqual([6]);
    await vi.waitFor(async () => expect(await new DexieStore(real).all()).toEqual([]));
  });

  it('entries a fallback page left in the localStorage mirror move into IndexedDB once it works', async () => {
    localStorage.setItem(MIRROR_KEY, JSON.stringify([entry(7)]));
    const store = new SafeStore({ idb: new IDBFactory() });
    expect((await store.all()).map((e) => e.seq)).toEqual([7]);
    expect(store.kind).toBe('indexeddb');
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });

  function flakyStore(failures: number, error: Error) {
    const rows = new Map<string, OutboxEntry>([[entry(1).id, entry(1)]]);
    let left = failures;
    const reopen = vi.fn(() => Promise.resolve());
    const store: OutboxStore & { reopen: () => Promise<void> } = {
      kind: 'indexeddb',
      reopen,
      all: () => Promise.resolve([...rows.values()]),
      put: (e) => {
        if (left-- > 0) return Promise.reject(error);
        rows.set(e.id, e);
        return Promise.resolve();
      },
      remove: (id) => Promise.resolve(void rows.delete(id)),
    };
    return { store, reopen, rows };
  }

  it('a later InvalidStateError: reopens once and carries on when that works', async () => {
    const { store: inner, reopen, rows } = flakyStore(1, new DOMException('x', 'InvalidStateError'));
    const store = new SafeStore({ idb: new IDBFactory(), openIndexedDB: () => Promise.resolve(inner) });
    await store.put(entry(2));
    expect(reopen).toHaveBeenCalledTimes(1);
    expect(store.kind).toBe('indexeddb');
    expect(rows.has(entry(2).id)).toBe(true);
  });

  it('"connection is closing" again after the reopen: memory takes over with what IndexedDB still had', async () => {
    const { store: inner, reopen } = flakyStore(5, new Error('The database connection is closing.'));
    const onFallback = vi.fn();
    const store = new SafeStore({ idb: new IDBFactory(), openIndexedDB: () => Promise.resolve(inner), onFallback });
    await store.put(entry(2));
    expect(reopen).toHaveBeenCalledTimes(1);
    expect(store.kind).toBe('memory');
    expect(onFallback).toHaveBeenCalledWith(expect.stringContaining('connection is closing'));
    expect((await store.all()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a plain write error is not mistaken for a broken connection', async () => {
    const { store: inner, reopen } = flakyStore(1, new TypeError('bad row'));
    const store = new SafeStore({ idb: new IDBFactory(), openIndexedDB: () => Promise.resolve(inner) });
    await expect(store.put(entry(2))).rejects.toThrow('bad row');
    expect(reopen).not.toHaveBeenCalled();
    expect(isBrokenConnection(new TypeError('bad row'))).toBe(false);
    expect(isBrokenConnection(new DOMException('', 'InvalidStateError'))).toBe(true);
  });
});
