import { Dexie, type Table } from 'dexie';

/** One customer's lite card as the list endpoint presented it (field rules applied). */
export type LiteCard = { id: string } & Record<string, unknown>;

/** The rep's own customers' lite cards, kept for offline reading: one row per user. */
export interface CardSnapshot {
  userId: string;
  /** When the cards were fetched (ms since epoch). */
  refreshedAt: number;
  cards: LiteCard[];
}

/** Where the snapshot lives: IndexedDB through Dexie, else localStorage (Safari-safe); plain JSON, no blobs. */
export interface CardStore {
  get(userId: string): Promise<CardSnapshot | undefined>;
  /** Keeps this user's snapshot and drops every other user's. */
  put(snapshot: CardSnapshot): Promise<void>;
  /** Sign-out: nothing of anyone's stays. */
  clear(): Promise<void>;
}

class CardDatabase extends Dexie {
  snapshots!: Table<CardSnapshot, string>;
  constructor(idb?: IDBFactory) {
    super('cairn-lite-cards', idb ? { indexedDB: idb, IDBKeyRange: globalThis.IDBKeyRange } : undefined);
    this.version(1).stores({ snapshots: 'userId' });
  }
}

export class DexieCardStore implements CardStore {
  private readonly db: CardDatabase;
  constructor(idb?: IDBFactory) {
    this.db = new CardDatabase(idb);
  }
  get(userId: string) {
    return this.db.snapshots.get(userId);
  }
  async put(snapshot: CardSnapshot) {
    await this.db.transaction('rw', this.db.snapshots, async () => {
      await this.db.snapshots.where('userId').notEqual(snapshot.userId).delete();
      await this.db.snapshots.put(snapshot);
    });
  }
  async clear() {
    await this.db.snapshots.clear();
  }
}

export const CARDS_KEY = 'cairn.liteCards';

/** The fallback: one user's snapshot in localStorage (a few dozen KB for 200 cards). */
export class LocalCardStore implements CardStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage) {}
  async get(userId: string) {
    try {
      const snapshot = JSON.parse(this.storage.getItem(CARDS_KEY) ?? 'null') as CardSnapshot | null;
      return snapshot?.userId === userId && Array.isArray(snapshot.cards) ? snapshot : undefined;
    } catch {
      return undefined;
    }
  }
  async put(snapshot: CardSnapshot) {
    this.storage.setItem(CARDS_KEY, JSON.stringify(snapshot));
  }
  async clear() {
    this.storage.removeItem(CARDS_KEY);
  }
}

/**
 * IndexedDB while it works; the first failure (Safari's InvalidStateError, a closing connection, a
 * full disk) moves the cards to localStorage for the rest of the page's life. Clearing clears both.
 */
export class SafeCardStore implements CardStore {
  private inner: CardStore;
  private readonly local: CardStore;

  constructor(options: { idb?: IDBFactory; storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> } = {}) {
    this.local = new LocalCardStore(options.storage);
    const idb = options.idb ?? globalThis.indexedDB;
    this.inner = idb ? new DexieCardStore(options.idb) : this.local;
  }

  private async run<T>(call: (store: CardStore) => Promise<T>): Promise<T> {
    try {
      return await call(this.inner);
    } catch (error) {
      if (this.inner === this.local) throw error;
      this.inner = this.local;
      return call(this.local);
    }
  }

  get(userId: string) {
    return this.run((s) => s.get(userId));
  }
  put(snapshot: CardSnapshot) {
    return this.run((s) => s.put(snapshot));
  }
  async clear() {
    await Promise.allSettled([this.run((s) => s.clear()), this.local.clear()]);
  }
}
