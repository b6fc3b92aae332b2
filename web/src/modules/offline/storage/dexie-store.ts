import { Dexie, type Table } from 'dexie';
import type { OutboxEntry, OutboxStore } from './types.ts';

class OutboxDatabase extends Dexie {
  outbox!: Table<OutboxEntry, string>;
  constructor(idb?: IDBFactory) {
    super('cairn-outbox', idb ? { indexedDB: idb, IDBKeyRange: globalThis.IDBKeyRange } : undefined);
    this.version(1).stores({ outbox: 'id, seq, state' });
  }
}

/** The outbox in IndexedDB through Dexie. Only JSON rows: no blobs are ever stored here. */
export class DexieStore implements OutboxStore {
  readonly kind = 'indexeddb' as const;
  private db: OutboxDatabase;

  constructor(private readonly idb?: IDBFactory) {
    this.db = new OutboxDatabase(idb);
  }

  /** A fresh connection, after Safari closed or broke the old one. */
  async reopen(): Promise<void> {
    this.db.close();
    this.db = new OutboxDatabase(this.idb);
    await this.db.open();
  }

  all(): Promise<OutboxEntry[]> {
    return this.db.outbox.orderBy('seq').toArray();
  }

  async put(entry: OutboxEntry): Promise<void> {
    await this.db.outbox.put(entry);
  }

  async remove(id: string): Promise<void> {
    await this.db.outbox.delete(id);
  }
}
