import { describe, expect, it, vi } from 'vitest';
import { Outbox, defaultBackoff, type SyncOperation, type SyncResult } from './outbox.ts';
import { offlineActions } from './enqueue.ts';
import type { OutboxEntry, OutboxStore } from './storage/types.ts';

class ArrayStore implements OutboxStore {
  readonly kind = 'memory' as const;
  rows = new Map<string, OutboxEntry>();
  all = () => Promise.resolve([...this.rows.values()].sort((a, b) => a.seq - b.seq));
  put = (e: OutboxEntry) => Promise.resolve(void this.rows.set(e.id, e));
  remove = (id: string) => Promise.resolve(void this.rows.delete(id));
}

const followup = (content: string) =>
  offlineActions.newFollowup(
    {
      customerId: '0190a000-0000-7000-8000-000000000001',
      kind: 'call',
      content,
      occurredAt: new Date(0).toISOString(),
    },
    content,
  );

function setup(answer: (ops: SyncOperation[]) => SyncResult[] | Promise<SyncResult[]>) {
  const store = new ArrayStore();
  const sent: SyncOperation[][] = [];
  const scheduled: number[] = [];
  let online = false;
  const outbox = new Outbox({
    store,
    clientVersion: '0.1.0',
    isOnline: () => online,
    send: async (ops) => {
      sent.push(ops);
      return answer(ops);
    },
    schedule: (_run, ms) => void scheduled.push(ms),
  });
  return { outbox, store, sent, scheduled, goOnline: () => (online = true) };
}

describe('the offline outbox', () => {
  it('queues offline with UUIDv7 keys and the app version, then replays in order once online', async () => {
    const { outbox, sent, goOnline } = setup((ops) =>
      ops.map((op) => ({ idempotencyKey: op.idempotencyKey, result: 'applied' })),
    );
    const a = await outbox.enqueue(followup('first'));
    const b = await outbox.enqueue(followup('second'));
    await outbox.replay();
    expect(sent).toEqual([]); // offline: nothing sent
    expect(outbox.snapshot().pending).toBe(2);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.clientVersion).toBe('0.1.0');
    goOnline();
    await outbox.replay();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((op) => [op.idempotencyKey, op.data.content])).toEqual([
      [a.id, 'first'],
      [b.id, 'second'],
    ]);
    expect(sent[0]![0]).toEqual({ idempotencyKey: a.id, op: 'create', recordType: 'followup', data: a.data });
    expect(outbox.snapshot().pending).toBe(0);
  });

  it('keeps conflicts (with the server values) and rejections (with the reason) until the rep chooses', async () => {
    let conflicted = false;
    const { outbox, goOnline, sent } = setup((ops) =>
      ops.map((op): SyncResult => {
        if (op.data.content === 'dup') return { idempotencyKey: op.idempotencyKey, result: 'duplicate' };
        if (op.recordType === 'customer' && !conflicted) {
          conflicted = true;
          return { idempotencyKey: op.idempotencyKey, result: 'conflict', current: { status: 'won', version: 7 } };
        }
        if (op.recordType === 'customer') return { idempotencyKey: op.idempotencyKey, result: 'applied' };
        return {
          idempotencyKey: op.idempotencyKey,
          result: 'rejected',
          error: { code: 'VALIDATION_FAILED', message: 'content: is required' },
        };
      }),
    );
    goOnline();
    await outbox.enqueue(followup('dup'));
    await outbox.replay();
    const c = await outbox.enqueue(
      offlineActions.statusUpdate('0190a000-0000-7000-8000-000000000002', 3, 'lost', 'status'),
    );
    await outbox.enqueue(followup('bad'));
    await outbox.replay();
    const { entries, pending } = outbox.snapshot();
    expect(pending).toBe(2);
    expect(entries.map((e) => [e.state, e.lastError ?? null])).toEqual([
      ['conflict', null],
      ['rejected', 'content: is required'],
    ]);
    expect(entries[0]!.current).toEqual({ status: 'won', version: 7 });
    // Keep mine: sent again on the server's version, under a new key.
    await outbox.keepMine(c.id);
    await outbox.replay();
    expect(outbox.snapshot().entries.map((e) => e.state)).toEqual(['rejected']);
    const resent = sent.at(-1)![0]!;
    expect(resent).toMatchObject({ recordId: c.recordId, baseVersion: 7, data: { status: 'lost' } });
    expect(resent.idempotencyKey).not.toBe(c.id);
  });

  it('a failed replay keeps everything, shows the reason and retries with growing backoff', async () => {
    const { outbox, goOnline, scheduled } = setup(() => Promise.reject(new Error('Failed to fetch')));
    goOnline();
    await outbox.enqueue(followup('one'));
    await outbox.replay();
    await outbox.replay();
    const snap = outbox.snapshot();
    expect(snap.pending).toBe(1);
    expect(snap.lastError).toBe('Failed to fetch');
    expect(snap.entries[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(snap.entries[0]!.lastError).toBe('Failed to fetch');
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    expect(scheduled[1]!).toBeGreaterThan(scheduled[0]!);
    expect([1, 2, 3, 10].map(defaultBackoff)).toEqual([1000, 2000, 4000, 60_000]);
  });

  it('drafts stay on the phone: never sent, not counted as pending', async () => {
    const { outbox, goOnline, sent } = setup((ops) =>
      ops.map((op) => ({ idempotencyKey: op.idempotencyKey, result: 'applied' })),
    );
    goOnline();
    await outbox.enqueue(offlineActions.draftNote('0190a000-0000-7000-8000-000000000001', '明天再打', 'draft'));
    await outbox.replay();
    expect(sent).toEqual([]);
    expect(outbox.snapshot()).toMatchObject({ pending: 0, entries: [{ state: 'draft' }] });
  });

  it('a 426 stops the replay without scheduling a retry (the upgrade takes over)', async () => {
    const upgrade = Object.assign(new Error('update'), { code: 'CLIENT_UPGRADE_REQUIRED' });
    const { outbox, goOnline, scheduled } = setup(() => Promise.reject(upgrade));
    goOnline();
    await outbox.enqueue(followup('kept'));
    await outbox.replay();
    expect(scheduled).toEqual([]);
    expect(outbox.snapshot().pending).toBe(1);
    vi.restoreAllMocks();
  });

  it('refresh picks up entries that joined the store later (carried out of IndexedDB) and replays them', async () => {
    const { outbox, store, sent, goOnline } = setup((ops) =>
      ops.map((op) => ({ idempotencyKey: op.idempotencyKey, result: 'applied' })),
    );
    goOnline();
    await outbox.load();
    const carried = { ...followup('carried'), id: '0190a000-0000-7000-8000-0000000000c1', seq: 1 };
    await store.put({ ...carried, state: 'pending', clientVersion: '0.1.0', createdAt: '', attempts: 0 });
    await outbox.refresh();
    await outbox.replay();
    expect(sent.flat().map((op) => op.data.content)).toEqual(['carried']);
    expect(outbox.snapshot().pending).toBe(0);
  });
});
