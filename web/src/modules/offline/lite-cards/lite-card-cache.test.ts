import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARDS_KEY, DexieCardStore, SafeCardStore, type CardStore, type LiteCard } from './card-store.ts';
import { CARD_LIMIT, LiteCardCache, REFRESH_EVERY_MS } from './lite-card-cache.ts';

beforeAll(() => {
  (globalThis as { IDBKeyRange?: unknown }).IDBKeyRange = IDBKeyRange;
});

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const cardsOf = (userId: string, n: number): LiteCard[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${userId}-c${i}`, name: `客户 ${i}`, level: 'B' }));

function setup(store: CardStore = new DexieCardStore(new IDBFactory())) {
  const state = { user: 'u1' as string | undefined, now: 1_000_000, online: true, fetches: [] as string[] };
  const cache = new LiteCardCache({
    store,
    currentUser: () => state.user,
    fetchCards: async (userId) => {
      state.fetches.push(userId);
      return cardsOf(userId, CARD_LIMIT + 20);
    },
    online: () => state.online,
    now: () => state.now,
  });
  return { cache, store, state };
}

describe('the offline lite-card cache', () => {
  it('keeps at most 200 cards of the signed-in user, refetched at most every interval, only while online', async () => {
    const { cache, state } = setup();
    await cache.refresh();
    expect(state.fetches).toEqual(['u1']);
    expect(cache.card('u1-c0')).toMatchObject({ card: { name: '客户 0' }, refreshedAt: 1_000_000 });
    expect(cache.card(`u1-c${CARD_LIMIT - 1}`)).toBeDefined();
    expect(cache.card(`u1-c${CARD_LIMIT}`)).toBeUndefined();

    state.now += REFRESH_EVERY_MS - 1;
    await cache.refresh();
    expect(state.fetches).toHaveLength(1);
    state.online = false;
    state.now += 10;
    await cache.refresh();
    expect(state.fetches).toHaveLength(1);
    state.online = true;
    await cache.refresh();
    expect(state.fetches).toHaveLength(2);
  });

  it('is keyed by user: another user never sees them, a reload finds them, sign-out clears them', async () => {
    const idb = new IDBFactory();
    const first = setup(new DexieCardStore(idb));
    await first.cache.refresh();
    first.state.user = 'u2';
    expect(first.cache.card('u1-c0')).toBeUndefined();
    await first.cache.refresh();
    expect(first.cache.card('u2-c0')).toBeDefined();
    // only the latest user's cards stay on the device
    expect(await first.store.get('u1')).toBeUndefined();

    const reloaded = setup(new DexieCardStore(idb));
    reloaded.state.user = 'u2';
    await reloaded.cache.load();
    expect(reloaded.cache.card('u2-c3')).toMatchObject({ card: { id: 'u2-c3' } });
    await reloaded.cache.clear();
    expect(reloaded.cache.card('u2-c3')).toBeUndefined();
    expect(await new DexieCardStore(idb).get('u2')).toBeUndefined();
    reloaded.state.user = undefined;
    await reloaded.cache.refresh();
    expect(reloaded.state.fetches).toEqual([]);
  });

  it('falls back to localStorage when IndexedDB throws as on Safari 17.3.1', async () => {
    const throwing = {
      open: () => {
        throw new DOMException("Failed to execute 'transaction' on 'IDBDatabase'", 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const storage = memoryStorage();
    const { cache } = setup(new SafeCardStore({ idb: throwing, storage }));
    await cache.refresh();
    expect(JSON.parse(storage.getItem(CARDS_KEY)!)).toMatchObject({ userId: 'u1', cards: { length: CARD_LIMIT } });
    expect(cache.card('u1-c1')).toBeDefined();
    await cache.clear();
    expect(storage.getItem(CARDS_KEY)).toBeNull();
  });
});
