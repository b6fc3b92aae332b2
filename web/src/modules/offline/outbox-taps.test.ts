import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { offlineActions } from './enqueue.ts';
import { Outbox, type SyncOperation, type SyncResult } from './outbox.ts';
import { DexieStore } from './storage/dexie-store.ts';

const customerId = '0190a000-0000-7000-8000-000000000001';

beforeAll(() => {
  // Dexie takes the key range from the global scope (as in a browser)
  (globalThis as { IDBKeyRange?: unknown }).IDBKeyRange = IDBKeyRange;
});

function setup(idb: IDBFactory, answer: (op: SyncOperation) => SyncResult) {
  const sent: SyncOperation[][] = [];
  let online = false;
  const outbox = new Outbox({
    store: new DexieStore(idb),
    clientVersion: '0.1.0',
    isOnline: () => online,
    send: async (ops) => {
      sent.push(ops);
      return ops.map(answer);
    },
    schedule: () => undefined,
  });
  return { outbox, sent, goOnline: () => (online = true) };
}

const applied = (op: SyncOperation): SyncResult => ({ idempotencyKey: op.idempotencyKey, result: 'applied' });

describe('smart-button taps in the offline outbox (IndexedDB through Dexie)', () => {
  it('keeps a tap under the key its first attempt used, counts it, survives a reload and replays it in order', async () => {
    const idb = new IDBFactory();
    const first = setup(idb, applied);
    const key = uuidv7();
    const tap = await first.outbox.enqueue(
      offlineActions.smartButtonTap({ customerId, buttonId: 'just_talked' }, key, '一键记跟进 · 刚聊完'),
    );
    await first.outbox.enqueue(
      offlineActions.newFollowup(
        { customerId, kind: 'call', content: '随后的跟进', occurredAt: new Date(0).toISOString() },
        '跟进',
      ),
    );
    expect(tap).toMatchObject({ id: key, op: 'create', recordType: 'smartButtonTap', state: 'pending' });
    expect(first.outbox.snapshot().pending).toBe(2);
    expect(first.sent).toEqual([]);

    // the page reloads offline: the queue is still in IndexedDB, then it replays once online
    const second = setup(idb, applied);
    await second.outbox.load();
    expect(second.outbox.snapshot().pending).toBe(2);
    second.goOnline();
    await second.outbox.replay();
    expect(second.sent).toHaveLength(1);
    expect(second.sent[0]![0]).toEqual({
      idempotencyKey: key,
      op: 'create',
      recordType: 'smartButtonTap',
      data: { customerId, buttonId: 'just_talked' },
    });
    expect(second.sent[0]!.map((op) => op.recordType)).toEqual(['smartButtonTap', 'followup']);
    expect(second.outbox.snapshot().pending).toBe(0);
    expect(await new DexieStore(idb).all()).toEqual([]);
  });

  it('drops a tap the server had already saved (duplicate), keeps a rejected one with its reason', async () => {
    const idb = new IDBFactory();
    const { outbox, goOnline } = setup(idb, (op) =>
      op.data.buttonId === 'removed'
        ? {
            idempotencyKey: op.idempotencyKey,
            result: 'rejected',
            error: { code: 'NOT_FOUND', message: 'smart button removed not found' },
          }
        : { idempotencyKey: op.idempotencyKey, result: 'duplicate' },
    );
    goOnline();
    await outbox.enqueue(offlineActions.smartButtonTap({ customerId, buttonId: 'just_talked' }, uuidv7(), 'a'));
    await outbox.enqueue(
      offlineActions.smartButtonTap({ customerId, buttonId: 'removed', text: '改过的文字' }, uuidv7(), 'b'),
    );
    await outbox.replay();
    const { entries, pending } = outbox.snapshot();
    expect(pending).toBe(1);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      state: 'rejected',
      lastError: 'smart button removed not found',
      data: { buttonId: 'removed', text: '改过的文字' },
    });
    expect((await new DexieStore(idb).all()).map((e) => e.state)).toEqual(['rejected']);
  });
});
